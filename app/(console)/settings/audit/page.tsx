import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { requirePermission } from "@/server/auth/current";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { AuditTable } from "./_components/audit-table";

export default async function AuditPage() {
  await requirePermission("audit.view");
  const t = await getTranslations("settings");
  void getQueryClient().prefetchInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { limit: 50 },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <PageHeader title={t("audit")} />
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <AuditTable />
      </Suspense>
    </HydrateClient>
  );
}
