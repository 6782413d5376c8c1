import { SectionPlaceholder } from "@/components/layout/section-placeholder";
import { requirePermission } from "@/server/auth/current";

export default async function AnalyticsPage() {
  await requirePermission("analytics.view");
  return <SectionPlaceholder section="analytics" />;
}
