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
import type { AppRouter } from "@/server/trpc/routers/_app";
import { BatchResults } from "./batch-results";
import type { QueueParcel } from "./types";
import { AccountSelect, BreakerList } from "./waybill-accounts";
import { WideDialog } from "./wide-dialog";

type Issued = inferRouterOutputs<AppRouter>["waybills"]["issue"];

/**
 * "Issue waybills" for the selected packed parcels: choose the account (each shop's default
 * unless the batch picks one), then watch the batch job's progress and per-parcel results, and
 * retry the failures or move them to another account.
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
                issue.mutate({
                  parcelIds: eligible.map((p) => p.id),
                  ...(accountId ? { accountId } : {}),
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
              defaultLabel={t("shopDefault")}
              className="max-w-md"
            />
            <p className="text-[11px] text-slate-500">
              {accountId ? t("batchAccountHint") : t("shopDefaultHint")}
            </p>
            <BreakerList accounts={list} />
          </div>
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
