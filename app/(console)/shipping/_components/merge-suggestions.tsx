"use client";

import { Combine, ListChecks } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { MergeGroup, QueueParcel } from "./types";
import { WideDialog } from "@/components/ui/wide-dialog";

/** Parcels awaiting packing that go to the same recipient and address: one click merges a group. */
export function MergeSuggestions({
  open,
  onOpenChange,
  groups,
  rowsById,
  warehouseNames,
  canManage,
  mergingKey,
  onMerge,
  onSelect,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  groups: MergeGroup[];
  rowsById: Map<number, QueueParcel>;
  warehouseNames: Map<string, string>;
  canManage: boolean;
  mergingKey: string | null;
  onMerge: (ids: number[]) => void;
  onSelect: (ids: number[]) => void;
}) {
  const t = useTranslations("shipping.mergeSuggestions");
  const tc = useTranslations("common");
  return (
    <WideDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("title")}
      description={t("description")}
      closeLabel={tc("close")}
      size="lg"
    >
      {groups.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {groups.map((g) => {
            const key = g.ids.join(",");
            const known = g.ids.map((id) => rowsById.get(id)).filter((r) => r !== undefined);
            const first = known[0];
            const units = known.reduce(
              (s, r) => s + r.items.reduce((n, i) => n + i.quantity, 0),
              0,
            );
            return (
              <li key={key} className="flex items-center gap-4 px-3 py-2.5">
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-1.5">
                    {g.ids.map((id) => (
                      <span
                        key={id}
                        className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs font-semibold text-slate-800"
                      >
                        P{id}
                      </span>
                    ))}
                    <span className="text-xs text-slate-500">
                      · {warehouseNames.get(g.warehouseId) ?? g.warehouseId}
                    </span>
                  </div>
                  <div className="mt-1 text-xs text-slate-600">
                    {first ? (
                      <>
                        {first.recipientName} {first.recipientMobile} · {first.region}
                        {known.length === g.ids.length ? ` · ${t("units", { n: units })}` : ""}
                      </>
                    ) : (
                      t("notLoaded")
                    )}
                  </div>
                </div>
                {known.length === g.ids.length ? (
                  <Button variant="ghost" size="sm" onClick={() => onSelect(g.ids)}>
                    <ListChecks aria-hidden />
                    {t("select")}
                  </Button>
                ) : null}
                {canManage ? (
                  <Button
                    size="sm"
                    disabled={mergingKey !== null}
                    onClick={() => onMerge(g.ids)}
                    aria-label={t("mergeGroup", { ids: g.ids.map((id) => `P${id}`).join(" ") })}
                  >
                    <Combine aria-hidden />
                    {mergingKey === key ? tc("loading") : t("merge", { n: g.ids.length })}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </WideDialog>
  );
}
