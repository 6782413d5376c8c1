import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { requirePermission } from "@/server/auth/current";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { ImportHistory } from "./_components/import-history";
import { HISTORY_PAGE } from "./_components/types";
import { UploadPanel } from "./_components/upload-panel";

export default async function ImportsPage() {
  await requirePermission("imports.manage");
  const t = await getTranslations("imports");
  const qc = getQueryClient();
  void qc.prefetchQuery(trpc.shops.list.queryOptions());
  void qc.prefetchInfiniteQuery(
    trpc.imports.list.infiniteQueryOptions(
      { limit: HISTORY_PAGE },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <PageHeader title={t("title")} />
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <UploadPanel />
        <ImportHistory />
      </Suspense>
    </HydrateClient>
  );
}
