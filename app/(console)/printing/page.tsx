import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { historyInput, parsePrintingFilters, printableInput } from "./_components/filters";
import { PrintingView } from "./_components/printing-view";

export default async function PrintingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission("printing.view");
  const t = await getTranslations("printing");
  const filters = parsePrintingFilters(await searchParams);
  const qc = getQueryClient();
  if (filters.tab === "history") {
    void qc.prefetchInfiniteQuery(
      trpc.printing.history.infiniteQueryOptions(historyInput, {
        getNextPageParam: (page) => page.nextCursor,
      }),
    );
  } else {
    void qc.prefetchInfiniteQuery(
      trpc.printing.printable.infiniteQueryOptions(printableInput(filters), {
        getNextPageParam: (page) => page.nextCursor,
      }),
    );
  }
  void qc.prefetchQuery(trpc.shops.warehouses.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("title")} />
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <PrintingView
          initialFilters={filters}
          canPrint={can(session.user.role, "shipping.manage")}
          canUnmask={can(session.user.role, "orders.reveal")}
        />
      </Suspense>
    </HydrateClient>
  );
}
