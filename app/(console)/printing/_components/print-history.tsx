"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { EmptyState } from "@/components/layout/empty-state";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { historyInput } from "./filters";
import { templateText } from "./printable-table";

/** Every print batch: who, when, what kind and paper, how many, and why for reprints. */
export function PrintHistory() {
  const t = useTranslations("printing.history");
  const format = useFormatter();
  const trpc = useTRPC();
  const history = useSuspenseInfiniteQuery(
    trpc.printing.history.infiniteQueryOptions(historyInput, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const rows = history.data.pages.flatMap((p) => p.items);
  if (rows.length === 0)
    return <EmptyState icon={History} title={t("empty")} body={t("emptyBody")} />;

  return (
    <div className="space-y-3">
      <Table aria-label={t("title")}>
        <thead>
          <tr>
            <Th>{t("at")}</Th>
            <Th>{t("by")}</Th>
            <Th>{t("kind")}</Th>
            <Th>{t("template")}</Th>
            <Th className="text-right">{t("count")}</Th>
            <Th>{t("reason")}</Th>
            <Th>{t("parcels")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.id} data-testid={`print-batch-${b.id}`}>
              <Td className="text-xs whitespace-nowrap text-slate-700 tabular-nums">
                {format.dateTime(b.createdAt, {
                  year: "numeric",
                  month: "2-digit",
                  day: "2-digit",
                  hour: "2-digit",
                  minute: "2-digit",
                  second: "2-digit",
                  hour12: false,
                })}
              </Td>
              <Td className="whitespace-nowrap">{b.createdByName ?? "—"}</Td>
              <Td>
                <Badge tone={b.kind === "label" ? "blue" : "neutral"}>{t(`kinds.${b.kind}`)}</Badge>
              </Td>
              <Td className="font-mono text-xs whitespace-nowrap">{templateText(b.template)}</Td>
              <Td className="text-right tabular-nums">{b.count}</Td>
              <Td>
                {b.reprintReason ? (
                  <Badge tone="amber">{b.reprintReason}</Badge>
                ) : (
                  <span className="text-slate-400">{t("firstPrint")}</span>
                )}
              </Td>
              <Td className="max-w-md text-xs text-slate-600">
                <span className="font-mono">
                  {b.parcels.map((p) => p.trackingNo ?? `P${p.parcelId}`).join("  ")}
                </span>
                {b.count > b.parcels.length ? (
                  <span className="ml-1">{t("more", { n: b.count - b.parcels.length })}</span>
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {history.hasNextPage ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
        >
          {t("loadMore")}
        </Button>
      ) : null}
    </div>
  );
}
