import { SectionPlaceholder } from "@/components/layout/section-placeholder";
import { requirePermission } from "@/server/auth/current";

export default async function ShippingPage() {
  await requirePermission("shipping.view");
  return <SectionPlaceholder section="shipping" />;
}
