import { SectionPlaceholder } from "@/components/layout/section-placeholder";
import { requirePermission } from "@/server/auth/current";

export default async function PrintingPage() {
  await requirePermission("printing.view");
  return <SectionPlaceholder section="printing" />;
}
