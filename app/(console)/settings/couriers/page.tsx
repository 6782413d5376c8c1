import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { can } from "@/server/auth/permissions";
import { requirePermission } from "@/server/auth/current";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { CourierAccounts } from "./_components/courier-accounts";

export default async function CouriersPage() {
  const session = await requirePermission("couriers.view");
  const t = await getTranslations("couriers");
  const qc = getQueryClient();
  void qc.prefetchQuery(trpc.couriers.accounts.queryOptions());
  void qc.prefetchQuery(trpc.couriers.catalog.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("title")} />
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <CourierAccounts canManage={can(session.user.role, "couriers.manage")} />
      </Suspense>
    </HydrateClient>
  );
}
