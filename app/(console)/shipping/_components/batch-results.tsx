"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowRightLeft, RotateCcw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import { AccountSelect, type IssuingAccount } from "./waybill-accounts";

type Rejected = { parcelId: number; code: "NOT_FOUND" | "NO_ACCOUNT" };

const statusTone = { pending: "neutral", issued: "green", failed: "red" } as const;
const knownKinds = new Set([
  "SIGNATURE",
  "AUTH",
  "INVALID",
  "UNSERVICEABLE",
  "DUPLICATE",
  "NOT_FOUND",
  "ALREADY_PICKED_UP",
  "ALREADY_CANCELLED",
  "RATE_LIMITED",
  "UNAVAILABLE",
  "STATE",
  "NO_COURIER",
  "NO_ACCOUNT",
]);

/** Progress of a waybill batch (polled until the job is done), then each parcel's outcome. */
export function BatchResults({
  batchId,
  rejected,
  accounts,
}: {
  batchId: number;
  rejected: Rejected[];
  accounts: IssuingAccount[];
}) {
  const t = useTranslations("waybills.issue");
  const tw = useTranslations("waybills");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [moveTo, setMoveTo] = useState("");
  const batch = useQuery({
    ...trpc.waybills.batch.queryOptions({ batchId }),
    refetchInterval: (q) => (q.state.data?.status === "done" ? false : 700),
  });
  const retry = useMutation(
    trpc.waybills.retry.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("retried", { n: r.retried }));
        void queryClient.invalidateQueries(trpc.waybills.batch.queryFilter({ batchId }));
        void queryClient.invalidateQueries(trpc.waybills.accountsForIssuing.queryFilter());
      },
      onError: (e) => toast.error(describeError(tAll, e)),
    }),
  );
  const data = batch.data;
  if (!data) return <p className="text-sm text-slate-500">{tAll("common.loading")}</p>;
  const done = data.issued + data.failed;
  const percent = data.total > 0 ? Math.round((done / data.total) * 100) : 100;
  const failed = data.items.filter((i) => i.status === "failed");
  const running = data.status !== "done";
  // Failures first: they are what needs a decision.
  const order = { failed: 0, pending: 1, issued: 2 } as const;
  const items = [...data.items].sort((a, b) => order[a.status] - order[b.status]);
  const kindLabel = (kind: string | null) =>
    kind && knownKinds.has(kind) ? tw(`kinds.${kind}`) : tw("kinds.INTERNAL");

  return (
    <div className="space-y-3">
      <div>
        <div className="mb-1 flex items-center justify-between text-sm">
          <span className="font-medium text-slate-900">
            {running ? t("running") : t("finished")}
          </span>
          <span className="text-slate-600 tabular-nums">
            {t("summary", { issued: data.issued, failed: data.failed, total: data.total })}
          </span>
        </div>
        <div
          role="progressbar"
          aria-label={t("progressLabel")}
          aria-valuemin={0}
          aria-valuemax={data.total}
          aria-valuenow={done}
          className="h-2 overflow-hidden rounded-full bg-slate-100"
        >
          <div
            className={cn(
              "h-full transition-[width] duration-500",
              data.failed > 0 ? "bg-amber-500" : "bg-emerald-500",
            )}
            style={{ width: `${percent}%` }}
          />
        </div>
      </div>

      {rejected.length > 0 ? (
        <div className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
          <p className="font-medium">{t("rejected", { n: rejected.length })}</p>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {rejected.map((r) => (
              <li key={r.parcelId}>
                <span className="font-mono">P{r.parcelId}</span> · {t(`rejectedCodes.${r.code}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {!running && failed.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={retry.isPending}
            onClick={() => retry.mutate({ batchId, parcelIds: failed.map((i) => i.parcelId) })}
          >
            <RotateCcw aria-hidden />
            {t("retryFailed", { n: failed.length })}
          </Button>
          <span className="text-xs text-slate-500">{t("or")}</span>
          <AccountSelect
            accounts={accounts}
            value={moveTo}
            onChange={setMoveTo}
            defaultLabel={t("chooseAccount")}
            className="h-7 max-w-64 text-xs"
          />
          <Button
            size="sm"
            variant="secondary"
            disabled={!moveTo || retry.isPending}
            onClick={() =>
              retry.mutate({
                batchId,
                parcelIds: failed.map((i) => i.parcelId),
                accountId: moveTo,
              })
            }
          >
            <ArrowRightLeft aria-hidden />
            {t("moveFailed")}
          </Button>
        </div>
      ) : null}

      <Table>
        <thead>
          <tr>
            <Th>{t("results.parcel")}</Th>
            <Th>{t("results.account")}</Th>
            <Th>{t("results.status")}</Th>
            <Th>{t("results.detail")}</Th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.parcelId} data-testid={`batch-item-P${i.parcelId}`}>
              <Td className="font-mono text-sm">P{i.parcelId}</Td>
              <Td className="text-xs text-slate-700">{i.accountName ?? "—"}</Td>
              <Td>
                <Badge tone={statusTone[i.status]}>{t(`statuses.${i.status}`)}</Badge>
              </Td>
              <Td className="text-xs">
                {i.status === "issued" ? (
                  <span className="font-mono text-slate-900">
                    {i.trackingNo}
                    {i.sortingCode ? (
                      <span className="ml-2 font-sans text-slate-500">
                        {t("sortingCode", { code: i.sortingCode })}
                      </span>
                    ) : null}
                  </span>
                ) : i.status === "failed" ? (
                  <div className="max-w-md">
                    <div className="font-medium text-red-700">{kindLabel(i.errorKind)}</div>
                    <div className="break-words text-slate-500">{i.error}</div>
                  </div>
                ) : (
                  <span className="text-slate-400">…</span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
