"use client";

import { useMutation } from "@tanstack/react-query";
import { Check, Plus, RotateCcw, Scissors, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  addPart,
  checkPlan,
  initialPlan,
  planToParts,
  removePart,
  setQuantity,
  spreadPlan,
  type SplitPlan,
} from "@/components/shipping/split-plan";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { QueueParcel } from "./types";
import { WideDialog } from "@/components/ui/wide-dialog";

/** Splits one parcel: each line's quantity spread over two or more parcels. */
export function SplitDialog({
  parcel,
  onClose,
  onSplit,
}: {
  parcel: QueueParcel | null;
  onClose: () => void;
  onSplit: (ids: number[]) => void;
}) {
  const t = useTranslations("shipping.split");
  const tc = useTranslations("common");
  return (
    <WideDialog
      open={parcel !== null}
      onOpenChange={(open) => !open && onClose()}
      title={parcel ? t("title", { id: `P${parcel.id}` }) : ""}
      description={t("description")}
      closeLabel={tc("close")}
      size="xl"
    >
      {parcel ? (
        <SplitForm key={parcel.id} parcel={parcel} onClose={onClose} onSplit={onSplit} />
      ) : null}
    </WideDialog>
  );
}

function SplitForm({
  parcel,
  onClose,
  onSplit,
}: {
  parcel: QueueParcel;
  onClose: () => void;
  onSplit: (ids: number[]) => void;
}) {
  const t = useTranslations("shipping.split");
  const tAll = useTranslations();
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const lines = parcel.items;
  const [plan, setPlan] = useState<SplitPlan>(() => initialPlan(lines));
  const [serverError, setServerError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const check = checkPlan(lines, plan);
  const split = useMutation(
    trpc.shipping.split.mutationOptions({
      onSuccess: (r) => onSplit(r.parcels),
      onError: (e) => setServerError(describeError(tAll, e)),
    }),
  );
  const update = (next: SplitPlan) => {
    setPlan(next);
    setServerError(null);
  };
  const units = (row: number[]) => row.reduce((s, q) => s + (Number.isFinite(q) ? q : 0), 0);

  let problem: string | null = null;
  if (check.invalidCells) problem = t("wholeNumbers");
  else if (check.diff.some((d) => d !== 0)) problem = t("sumsMismatch");
  else if (check.filledParts < 2) problem = t("needTwo");

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!check.ok) return;
        split.mutate({ id: parcel.id, parts: planToParts(lines, plan) });
      }}
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" size="sm" onClick={() => update(addPart(plan))}>
          <Plus aria-hidden />
          {t("addParcel")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => update(spreadPlan(lines))}
        >
          <Scissors aria-hidden />
          {t("halve")}
        </Button>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={() => update(initialPlan(lines, plan.length))}
        >
          <RotateCcw aria-hidden />
          {t("reset")}
        </Button>
        <span className="ml-auto text-xs text-slate-500">{t("hint")}</span>
      </div>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="bg-slate-50 text-xs text-slate-600">
              <th className="border-b border-slate-200 px-3 py-2 text-left font-medium">
                {t("item")}
              </th>
              <th className="border-b border-slate-200 px-2 py-2 text-right font-medium">
                {t("total")}
              </th>
              {plan.map((_, p) => (
                <th
                  key={p}
                  className="border-b border-l border-slate-200 px-2 py-2 text-center font-medium"
                >
                  <div className="flex items-center justify-center gap-1">
                    <span>
                      {p === 0
                        ? t("keepParcel", { id: `P${parcel.id}` })
                        : t("newParcel", { n: p + 1 })}
                    </span>
                    {plan.length > 2 && p > 0 ? (
                      <button
                        type="button"
                        aria-label={t("removeParcel", { n: p + 1 })}
                        className="rounded p-0.5 text-slate-400 hover:bg-slate-200 hover:text-slate-700"
                        onClick={() => update(removePart(plan, p))}
                      >
                        <X className="size-3.5" aria-hidden />
                      </button>
                    ) : null}
                  </div>
                </th>
              ))}
              <th className="border-b border-l border-slate-200 px-2 py-2 text-center font-medium">
                {t("check")}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => {
              const diff = check.diff[i] ?? 0;
              return (
                <tr key={line.orderItemId} className={cn(diff !== 0 && "bg-red-50/60")}>
                  <td className="border-b border-slate-100 px-3 py-1.5">
                    <div className="font-medium text-slate-900">{line.name}</div>
                    <div className="font-mono text-xs text-slate-500">
                      {line.sku}
                      {line.barcode ? ` · ${line.barcode}` : ""}
                    </div>
                  </td>
                  <td className="border-b border-slate-100 px-2 py-1.5 text-right tabular-nums">
                    {line.quantity}
                  </td>
                  {plan.map((row, p) => {
                    const q = row[i] ?? 0;
                    return (
                      <td
                        key={p}
                        className="border-b border-l border-slate-100 px-2 py-1 text-center"
                      >
                        <input
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={line.quantity}
                          step={1}
                          aria-label={t("quantityIn", { name: line.name, n: p + 1 })}
                          value={Number.isFinite(q) ? q : ""}
                          onFocus={(e) => e.target.select()}
                          onChange={(e) =>
                            update(
                              setQuantity(
                                plan,
                                p,
                                i,
                                e.target.value === "" ? 0 : Number(e.target.value),
                              ),
                            )
                          }
                          className={cn(
                            "h-7 w-16 rounded border border-slate-300 px-1.5 text-right text-sm tabular-nums focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-blue-600/30",
                            q > 0 && "border-blue-300 bg-blue-50",
                          )}
                        />
                      </td>
                    );
                  })}
                  <td className="border-b border-l border-slate-100 px-2 py-1.5 text-center text-xs">
                    {diff === 0 ? (
                      <Check className="mx-auto size-4 text-emerald-600" aria-label={t("ok")} />
                    ) : (
                      <span className="font-medium text-red-700">
                        {diff > 0 ? t("over", { n: diff }) : t("under", { n: -diff })}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="bg-slate-50 text-xs text-slate-600">
              <td className="px-3 py-1.5 text-right" colSpan={2}>
                {t("unitsPerParcel")}
              </td>
              {plan.map((row, p) => (
                <td
                  key={p}
                  className="border-l border-slate-200 px-2 py-1.5 text-center tabular-nums"
                >
                  {units(row)}
                </td>
              ))}
              <td className="border-l border-slate-200" />
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="mt-3 min-h-5 text-sm" aria-live="polite">
        {serverError ? (
          <p role="alert" className="text-red-700">
            {serverError}
          </p>
        ) : problem && (tried || check.diff.some((d) => d !== 0) || check.invalidCells) ? (
          <p className="text-red-700">{problem}</p>
        ) : check.ok ? (
          <p className="text-emerald-700">{t("ready", { n: check.filledParts })}</p>
        ) : (
          <p className="text-slate-500">{problem}</p>
        )}
      </div>
      <div className="mt-3 flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onClose}>
          {tc("cancel")}
        </Button>
        <Button type="submit" disabled={split.isPending || (tried && !check.ok)}>
          <Scissors aria-hidden />
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
