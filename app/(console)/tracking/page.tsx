import { SectionPlaceholder } from "@/components/layout/section-placeholder";
import { requirePermission } from "@/server/auth/current";

export default async function TrackingPage() {
  await requirePermission("tracking.view");
  return <SectionPlaceholder section="tracking" />;
}
