import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { RegionSetsPanel } from "./_components/region-sets-panel";
import { TemplatesTable } from "./_components/templates-table";

export default async function FreightSettingsPage() {
  const session = await requirePermission("settings.view");
  const t = await getTranslations("freight");
  const qc = getQueryClient();
  void qc.prefetchQuery(trpc.freight.templates.queryOptions());
  void qc.prefetchQuery(trpc.freight.regionSets.queryOptions());
  const canManage = can(session.user.role, "shops.manage");
  return (
    <HydrateClient>
      <PageHeader title={t("settingsTitle")} />
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <div className="flex flex-col gap-8">
          <TemplatesTable canManage={canManage} />
          <RegionSetsPanel canManage={canManage} />
        </div>
      </Suspense>
    </HydrateClient>
  );
}
