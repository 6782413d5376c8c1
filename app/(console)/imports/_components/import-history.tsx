"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { Download, History } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { EmptyState } from "@/components/layout/empty-state";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { ImportStatusBadge, PresetLabel } from "./bits";
import { HISTORY_PAGE, isBusy } from "./types";

export function ImportHistory() {
  const t = useTranslations("imports.history");
  const format = useFormatter();
  const trpc = useTRPC();
  const history = useSuspenseInfiniteQuery(
    trpc.imports.list.infiniteQueryOptions(
      { limit: HISTORY_PAGE },
      {
        getNextPageParam: (last) => last.nextCursor,
        // Someone's big file is still being processed: keep its counts and status fresh.
        refetchInterval: (q) =>
          q.state.data?.pages.some((p) => p.items.some((i) => isBusy(i.status))) ? 3000 : false,
      },
    ),
  );
  const items = history.data.pages.flatMap((p) => p.items);
  const num = (n: number) => format.number(n);

  return (
    <section aria-labelledby="import-history-heading" className="mt-6">
      <h2 id="import-history-heading" className="mb-2 text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      {items.length === 0 ? (
        <EmptyState icon={History} title={t("title")} body={t("empty")} />
      ) : (
        <>
          <Table aria-labelledby="import-history-heading">
            <thead>
              <tr>
                <Th>{t("time")}</Th>
                <Th>{t("by")}</Th>
                <Th>{t("file")}</Th>
                <Th>{t("shop")}</Th>
                <Th>{t("preset")}</Th>
                <Th className="text-right">{t("total")}</Th>
                <Th className="text-right">{t("valid")}</Th>
                <Th className="text-right">{t("rejected")}</Th>
                <Th className="text-right">{t("skipped")}</Th>
                <Th className="text-right">{t("created")}</Th>
                <Th>{t("status")}</Th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} data-testid={`import-row-${i.id}`} className="hover:bg-slate-50">
                  <Td className="text-xs whitespace-nowrap text-slate-600">
                    {format.dateTime(i.createdAt, { dateStyle: "short", timeStyle: "short" })}
                  </Td>
                  <Td className="whitespace-nowrap">{i.createdByName ?? t("system")}</Td>
                  <Td className="max-w-72">
                    <div className="flex min-w-0 items-center gap-1">
                      <Link
                        href={`/imports/${i.id}`}
                        aria-label={t("open", { name: i.fileName })}
                        className="truncate font-medium text-blue-700 hover:underline"
                        title={i.fileName}
                      >
                        {i.fileName}
                      </Link>
                      <a
                        href={`/api/imports/${i.id}/file`}
                        download
                        aria-label={t("downloadOriginal", { name: i.fileName })}
                        title={t("downloadOriginal", { name: i.fileName })}
                        className="shrink-0 rounded p-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
                      >
                        <Download className="size-3.5" aria-hidden />
                      </a>
                    </div>
                  </Td>
                  <Td className="whitespace-nowrap">{i.shopName}</Td>
                  <Td className="text-xs whitespace-nowrap">
                    <PresetLabel preset={i.preset} />
                  </Td>
                  <Td className="text-right tabular-nums">{num(i.totalRows)}</Td>
                  <Td className="text-right tabular-nums">{num(i.validRows)}</Td>
                  <Td
                    className={`text-right tabular-nums ${i.rejectedRows > 0 ? "text-red-700" : ""}`}
                  >
                    {num(i.rejectedRows)}
                  </Td>
                  <Td className="text-right text-slate-600 tabular-nums">{num(i.skippedRows)}</Td>
                  <Td className="text-right tabular-nums">
                    {i.status === "committed" ? num(i.ordersCreated) : "—"}
                  </Td>
                  <Td>
                    <ImportStatusBadge status={i.status} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {history.hasNextPage ? (
            <div className="mt-3 flex justify-center">
              <Button
                variant="secondary"
                size="sm"
                disabled={history.isFetchingNextPage}
                onClick={() => void history.fetchNextPage()}
              >
                {t("loadMore")}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
