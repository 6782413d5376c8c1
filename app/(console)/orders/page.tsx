import { SectionPlaceholder } from "@/components/layout/section-placeholder";
import { requirePermission } from "@/server/auth/current";

export default async function OrdersPage() {
  await requirePermission("orders.view");
  return <SectionPlaceholder section="orders" />;
}
