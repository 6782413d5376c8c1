import { SectionPlaceholder } from "@/components/layout/section-placeholder";
import { requirePermission } from "@/server/auth/current";

export default async function ExceptionsPage() {
  await requirePermission("exceptions.view");
  return <SectionPlaceholder section="exceptions" />;
}
