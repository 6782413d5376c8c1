import { SectionPlaceholder } from "@/components/layout/section-placeholder";
import { requirePermission } from "@/server/auth/current";

export default async function DashboardPage() {
  await requirePermission("dashboard.view");
  return <SectionPlaceholder section="dashboard" />;
}
