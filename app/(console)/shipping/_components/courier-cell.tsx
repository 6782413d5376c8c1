"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircle, Info } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { AssignmentExplanation } from "@/components/assignment/assignment-explanation";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { QueueParcel } from "./types";
import { WideDialog } from "@/components/ui/wide-dialog";

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

/**
 * The queue's courier cell: the account courier assignment (or a person) chose, an "overridden"
 * mark, a button opening the full explanation, and — for a parcel without a waybill whose last
 * issuance failed — the failure in red.
 */
export function CourierCell({ parcel }: { parcel: QueueParcel }) {
  const t = useTranslations("waybills.courier");
  const tw = useTranslations("waybills");
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const a = parcel.assignment;
  const failure = parcel.lastFailure;
  const explanation = a?.explanation
    ? locale === "en"
      ? a.explanation.en
      : a.explanation.zh
    : null;
  const kindLabel = (kind: string | null) =>
    kind && knownKinds.has(kind) ? tw(`kinds.${kind}`) : tw("kinds.INTERNAL");

  return (
    <div className="flex max-w-48 min-w-28 flex-col items-start gap-0.5 text-xs">
      {a?.account ? (
        <div className="flex flex-wrap items-center gap-1">
          <span className="font-medium text-slate-900">{a.account.name}</span>
          {a.account.courier ? (
            <span className="font-mono text-[10px] text-slate-500 uppercase">
              {a.account.courier}
            </span>
          ) : null}
        </div>
      ) : a ? (
        <span className="font-medium text-red-700">{t("noCourier")}</span>
      ) : (
        <span className="text-slate-400">{t("notAssigned")}</span>
      )}
      {a?.overridden ? (
        <Badge
          tone="amber"
          className="max-w-full"
          title={a.overrideReason ?? undefined}
          data-testid={`overridden-P${parcel.id}`}
        >
          <span className="truncate">{t("overriddenBy", { reason: a.overrideReason ?? "" })}</span>
        </Badge>
      ) : null}
      {a ? (
        <Button
          variant="ghost"
          size="sm"
          className="h-6 px-1 text-xs text-blue-700"
          aria-label={t("whyFor", { id: `P${parcel.id}` })}
          title={explanation ?? undefined}
          onClick={() => setOpen(true)}
        >
          <Info aria-hidden className="size-3.5" />
          {t("why")}
        </Button>
      ) : null}
      {failure ? (
        <div
          className="flex items-start gap-1 text-red-700"
          role="status"
          title={failure.error}
          data-testid={`last-failure-P${parcel.id}`}
        >
          <AlertCircle aria-hidden className="mt-0.5 size-3 shrink-0" />
          <span>
            <span className="font-medium">{kindLabel(failure.kind)}</span>
            {failure.kind === "NO_COURIER" && explanation ? (
              <span className="block text-red-600">{explanation}</span>
            ) : failure.error ? (
              <span className="line-clamp-2 block text-red-600">{failure.error}</span>
            ) : null}
          </span>
        </div>
      ) : null}
      {open ? <ExplanationDialog parcelId={parcel.id} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

function ExplanationDialog({ parcelId, onClose }: { parcelId: number; onClose: () => void }) {
  const t = useTranslations("waybills.courier");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const detail = useQuery(trpc.assignment.forParcel.queryOptions({ parcelId }));
  const data = detail.data;
  return (
    <WideDialog
      open
      size="lg"
      onOpenChange={(o) => !o && onClose()}
      title={t("title", { id: `P${parcelId}` })}
      closeLabel={tAll("common.close")}
      footer={<Button onClick={onClose}>{tAll("common.close")}</Button>}
    >
      {!data ? (
        <p className="text-sm text-slate-500">{tAll("common.loading")}</p>
      ) : (
        <div className="space-y-3">
          {data.overrideReason ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("overriddenBy", { reason: data.overrideReason })}
              {data.account ? ` → ${data.account.name}` : ""}
            </p>
          ) : null}
          {data.assignment ? (
            <AssignmentExplanation assignment={data.assignment} />
          ) : (
            <p className="text-sm text-slate-500">{t("noResult")}</p>
          )}
        </div>
      )}
    </WideDialog>
  );
}
