"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { FileText } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { FieldError, Label } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import type { AppRouter } from "@/server/trpc/routers/_app";
import { BatchResults } from "./batch-results";
import type { QueueParcel } from "./types";
import { AccountSelect, BreakerList } from "./waybill-accounts";
import { WideDialog } from "@/components/ui/wide-dialog";

type Issued = inferRouterOutputs<AppRouter>["waybills"]["issue"];

/** Beyond this many parcels the per-parcel table is more scrolling than choosing. */
const PER_PARCEL_MAX = 50;

/**
 * "Issue waybills" for the selected packed parcels. By default each parcel goes with the account
 * courier assignment chose (parcels not assigned yet are assigned when the batch is created; one
 * no courier is found for fails with the explanation). The batch can instead name one account for
 * every parcel, and single parcels can name their own. Then the batch job's progress and
 * per-parcel results, with retry or moving the failures to another account.
 */
export function IssueWaybillsDialog({
  parcels,
  onClose,
}: {
  parcels: QueueParcel[];
  /** `changed`: waybills were issued, so the queue needs refreshing. */
  onClose: (changed: boolean) => void;
}) {
  const t = useTranslations("waybills.issue");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const [accountId, setAccountId] = useState("");
  const [byParcel, setByParcel] = useState<Record<string, string>>({});
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState<string | undefined>();
  const accounts = useQuery({
    ...trpc.waybills.accountsForIssuing.queryOptions(),
    // Breakers change while people work: keep the badges current while the dialog is open.
    refetchInterval: 5_000,
  });
  const issue = useMutation(
    trpc.waybills.issue.mutationOptions({
      onSuccess: (r) => setIssued(r),
      onError: (e) => setError(describeError(tAll, e)),
    }),
  );
  const eligible = parcels.filter((p) => !p.held);
  const held = parcels.length - eligible.length;
  const list = accounts.data ?? [];

  return (
    <WideDialog
      open
      size="lg"
      onOpenChange={(open) => !open && onClose(issued !== null)}
      title={t("title")}
      description={issued ? undefined : t("description", { n: eligible.length })}
      closeLabel={tAll("common.close")}
      footer={
        issued ? (
          <Button onClick={() => onClose(true)}>{t("close")}</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={() => onClose(false)}>
              {tAll("common.cancel")}
            </Button>
            <Button
              disabled={eligible.length === 0 || issue.isPending}
              onClick={() => {
                setError(undefined);
                const chosen = Object.fromEntries(
                  eligible
                    .filter((p) => byParcel[String(p.id)])
                    .map((p) => [String(p.id), byParcel[String(p.id)]!]),
                );
                issue.mutate({
                  parcelIds: eligible.map((p) => p.id),
                  ...(accountId ? { accountId } : {}),
                  ...(Object.keys(chosen).length > 0 ? { accountByParcel: chosen } : {}),
                });
              }}
            >
              <FileText aria-hidden />
              {issue.isPending ? t("starting") : t("submit", { n: eligible.length })}
            </Button>
          </>
        )
      }
    >
      {issued ? (
        <BatchResults batchId={issued.batchId} rejected={issued.rejected} accounts={list} />
      ) : (
        <div className="space-y-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="issue-account">{t("account")}</Label>
            <AccountSelect
              id="issue-account"
              accounts={list}
              value={accountId}
              onChange={setAccountId}
              defaultLabel={t("automatic")}
              className="max-w-md"
            />
            <p className="text-[11px] text-slate-500">
              {accountId ? t("batchAccountHint") : t("automaticHint")}
            </p>
            <BreakerList accounts={list} />
          </div>
          {eligible.length > 0 && eligible.length <= PER_PARCEL_MAX ? (
            <details className="rounded-md border border-slate-200">
              <summary className="cursor-pointer px-3 py-1.5 text-sm font-medium text-slate-800">
                {t("perParcel")}
              </summary>
              <p className="px-3 text-[11px] text-slate-500">{t("perParcelHint")}</p>
              <Table>
                <thead>
                  <tr>
                    <Th>{t("results.parcel")}</Th>
                    <Th>{t("assigned")}</Th>
                    <Th>{t("results.account")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {eligible.map((p) => (
                    <tr key={p.id}>
                      <Td className="font-mono text-sm">P{p.id}</Td>
                      <Td className="text-xs">
                        {p.assignment?.account ? (
                          <span className="text-slate-800">{p.assignment.account.name}</span>
                        ) : p.assignment ? (
                          <span className="text-red-700">{t("noCourier")}</span>
                        ) : (
                          <span className="text-slate-500">{t("notAssigned")}</span>
                        )}
                      </Td>
                      <Td>
                        <AccountSelect
                          accounts={list}
                          value={byParcel[String(p.id)] ?? ""}
                          onChange={(v) => setByParcel((m) => ({ ...m, [String(p.id)]: v }))}
                          defaultLabel={t("followBatch")}
                          className="h-7 max-w-56 text-xs"
                        />
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </details>
          ) : null}
          {held > 0 ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("heldSkipped", { n: held })}
            </p>
          ) : null}
          <p className="text-xs text-slate-500">{t("oncePerParcel")}</p>
          <FieldError>{error}</FieldError>
        </div>
      )}
    </WideDialog>
  );
}
