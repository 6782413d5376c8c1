"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";

function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys]
    .filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    .map((k) =>
      before && k in before
        ? `${k}: ${String(before[k])} → ${String(after?.[k])}`
        : `${k}: ${String(after?.[k])}`,
    )
    .join("; ");
}

export function AuditTable() {
  const t = useTranslations("audit");
  const format = useFormatter();
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { limit: 50 },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  const rows = query.data.pages.flatMap((p) => p.items);
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <>
      <Table>
        <thead>
          <tr>
            <Th>{t("at")}</Th>
            <Th>{t("actor")}</Th>
            <Th>{t("action")}</Th>
            <Th>{t("entity")}</Th>
            <Th>{t("change")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <Td className="text-xs whitespace-nowrap text-slate-600">
                {format.dateTime(r.at, { dateStyle: "short", timeStyle: "medium" })}
              </Td>
              <Td>{r.actorName ?? t("system")}</Td>
              <Td>{t.has(`actions.${r.action}`) ? t(`actions.${r.action}`) : r.action}</Td>
              <Td className="font-mono text-xs">
                {r.entityType}:{r.entityId.slice(0, 8)}
              </Td>
              <Td className="text-xs text-slate-700">{diff(r.before, r.after)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {query.hasNextPage ? (
        <Button
          variant="secondary"
          className="mt-3"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {t("loadMore")}
        </Button>
      ) : null}
    </>
  );
}
