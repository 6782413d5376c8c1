"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import type { PrintableParcel } from "./types";

export const templateText = (t: string) => t.replace("x", "×");

/** "顺丰速运 · 月结 A", or just the account's name when it already says which courier it is. */
const courierLine = (courier: string, account: string) =>
  account.includes(courier) ? account : `${courier} · ${account}`;

/** Labelled parcels with their waybill, paper and print state; click or Shift+click to select. */
export function PrintableTable({
  rows,
  selected,
  onSelect,
}: {
  rows: PrintableParcel[];
  selected: ReadonlySet<number>;
  onSelect: (next: ReadonlySet<number>) => void;
}) {
  const t = useTranslations("printing.table");
  const format = useFormatter();
  const locale = useLocale();
  const lastClicked = useRef<number | null>(null);
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.parcelId));
  const someSelected = !allSelected && rows.some((r) => selected.has(r.parcelId));
  const when = (d: Date) =>
    format.dateTime(d, {
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    });

  function toggle(id: number, index: number, range: boolean) {
    const next = new Set(selected);
    const on = !selected.has(id);
    if (range && lastClicked.current !== null) {
      const [a, b] = [lastClicked.current, index].sort((x, y) => x - y) as [number, number];
      for (const r of rows.slice(a, b + 1)) {
        if (on) next.add(r.parcelId);
        else next.delete(r.parcelId);
      }
    } else if (on) next.add(id);
    else next.delete(id);
    lastClicked.current = index;
    onSelect(next);
  }

  return (
    <Table>
      <thead>
        <tr>
          <Th className="w-8 pr-0">
            <input
              type="checkbox"
              aria-label={t("selectAll")}
              className="size-4 align-middle"
              checked={allSelected}
              ref={(el) => {
                if (el) el.indeterminate = someSelected;
              }}
              onChange={() =>
                onSelect(allSelected ? new Set() : new Set(rows.map((r) => r.parcelId)))
              }
            />
          </Th>
          <Th>{t("parcel")}</Th>
          <Th>{t("waybill")}</Th>
          <Th>{t("template")}</Th>
          <Th>{t("recipient")}</Th>
          <Th>{t("orders")}</Th>
          <Th className="text-right">{t("units")}</Th>
          <Th>{t("issuedAt")}</Th>
          <Th>{t("printed")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, index) => {
          const isSelected = selected.has(r.parcelId);
          return (
            <tr
              key={r.waybillId}
              data-testid={`printable-row-P${r.parcelId}`}
              aria-selected={isSelected}
              className={cn(
                "cursor-default hover:bg-slate-50",
                isSelected && "bg-blue-50 hover:bg-blue-50",
              )}
              onClick={(e) => {
                if ((e.target as HTMLElement).closest("button, a, input, label")) return;
                if (window.getSelection()?.toString()) return;
                toggle(r.parcelId, index, e.shiftKey);
              }}
            >
              <Td className="pr-0">
                <input
                  type="checkbox"
                  className="size-4 align-middle"
                  aria-label={t("select", { id: `P${r.parcelId}` })}
                  checked={isSelected}
                  onChange={() => undefined}
                  onClick={(e) => toggle(r.parcelId, index, e.shiftKey)}
                />
              </Td>
              <Td className="whitespace-nowrap">
                <div className="font-mono text-sm font-semibold text-slate-900">P{r.parcelId}</div>
                <div className="text-xs text-slate-500">{r.warehouseName}</div>
              </Td>
              <Td className="whitespace-nowrap">
                <div className="font-mono text-sm text-slate-900">{r.trackingNo}</div>
                <div className="text-xs text-slate-500">
                  {courierLine(
                    locale === "en" ? r.courierName.en : r.courierName.zh,
                    r.accountName,
                  )}
                </div>
              </Td>
              <Td>
                <Badge tone="neutral" className="font-mono whitespace-nowrap">
                  {templateText(r.template)}
                </Badge>
              </Td>
              <Td>
                <div className="whitespace-nowrap">
                  {r.recipientName}{" "}
                  <span className="text-xs text-slate-500 tabular-nums">{r.recipientMobile}</span>
                </div>
                <div className="text-xs text-slate-500">{r.regionText}</div>
              </Td>
              <Td>
                <ul className="space-y-0.5">
                  {r.orders.map((o) => (
                    <li key={o.id} className="leading-tight">
                      <div className="font-mono text-xs whitespace-nowrap text-slate-900">
                        {o.platformOrderNo}
                      </div>
                      <div className="text-xs text-slate-500">{o.shopName}</div>
                    </li>
                  ))}
                </ul>
              </Td>
              <Td className="text-right tabular-nums">{r.units}</Td>
              <Td className="text-xs whitespace-nowrap text-slate-600 tabular-nums">
                {when(r.issuedAt)}
              </Td>
              <Td className="whitespace-nowrap">
                {r.printedAt ? (
                  <>
                    <Badge tone="green">{t("printedTimes", { n: r.printCount })}</Badge>
                    <div className="mt-0.5 text-xs text-slate-500 tabular-nums">
                      {when(r.printedAt)}
                    </div>
                  </>
                ) : (
                  <Badge tone="amber">{t("notPrinted")}</Badge>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
