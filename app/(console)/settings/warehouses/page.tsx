import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { WarehousesTable } from "./_components/warehouses-table";

export default async function WarehousesPage() {
  const session = await requirePermission("settings.view");
  const t = await getTranslations("warehouses");
  const qc = getQueryClient();
  void qc.prefetchQuery(trpc.shops.warehouses.queryOptions());
  void qc.prefetchQuery(trpc.shops.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("title")} />
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <WarehousesTable canManage={can(session.user.role, "shops.manage")} />
      </Suspense>
    </HydrateClient>
  );
}
