"use client";

import { useQuery } from "@tanstack/react-query";
import { Printer } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useReactToPrint } from "react-to-print";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import type { PickList, QueueParcel } from "./types";
import { WideDialog } from "@/components/ui/wide-dialog";

const PAGE_STYLE = `
@page { size: A4; margin: 12mm; }
@media print {
  html, body { background: #fff !important; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

/**
 * Pick list preview for the selected parcels, printed on A4 through react-to-print. Mounted only
 * while open, so the printed time is the moment it was opened.
 */
export function PickListDialog({
  parcels,
  onClose,
}: {
  parcels: QueueParcel[];
  onClose: () => void;
}) {
  const t = useTranslations("shipping.pickList");
  const tAll = useTranslations();
  const tc = useTranslations("common");
  const format = useFormatter();
  const trpc = useTRPC();
  const ids = parcels.map((p) => p.id).sort((a, b) => a - b);
  const query = useQuery({
    ...trpc.shipping.pickList.queryOptions({ ids }),
    enabled: ids.length > 0,
    staleTime: 0,
  });
  const contentRef = useRef<HTMLDivElement>(null);
  const [printedAt] = useState(() => new Date());
  const stamp = format.dateTime(printedAt, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
  const print = useReactToPrint({
    contentRef,
    pageStyle: PAGE_STYLE,
    documentTitle: `${t("documentTitle")} ${stamp}`,
  });

  return (
    <WideDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("previewTitle")}
      description={t("previewDescription", { parcels: ids.length })}
      closeLabel={tc("close")}
      size="xl"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {tc("close")}
          </Button>
          <Button autoFocus disabled={!query.data} onClick={() => print()}>
            <Printer aria-hidden />
            {t("print")}
          </Button>
        </>
      }
    >
      <div className="-mx-5 -my-4 bg-slate-200 p-4">
        <div className="mx-auto w-[210mm] max-w-full bg-white p-[12mm] shadow">
          {query.isPending ? (
            <p className="text-sm text-slate-500">{tc("loading")}</p>
          ) : query.isError ? (
            <p role="alert" className="text-sm text-red-700">
              {describeError(tAll, query.error)}
            </p>
          ) : (
            <div ref={contentRef}>
              <PickSheet list={query.data} parcels={parcels} stamp={stamp} />
            </div>
          )}
        </div>
      </div>
    </WideDialog>
  );
}

function PickSheet({
  list,
  parcels,
  stamp,
}: {
  list: PickList;
  parcels: QueueParcel[];
  stamp: string;
}) {
  const t = useTranslations("shipping.pickList");
  const warehouses = [...new Set(parcels.map((p) => p.warehouseName))];
  const ids = parcels.map((p) => p.id).sort((a, b) => a - b);
  return (
    <div className="text-[12px] leading-snug text-black">
      <div className="flex items-end justify-between border-b-2 border-black pb-2">
        <h2 className="text-xl font-bold tracking-wide">{t("documentTitle")}</h2>
        <div className="text-right text-[11px]">
          <div>{t("printedAt", { value: stamp })}</div>
          <div>{t("warehouse", { value: warehouses.join(" / ") || "—" })}</div>
        </div>
      </div>
      <dl className="my-3 grid grid-cols-3 gap-2 text-[12px]">
        <div className="rounded border border-slate-400 px-2 py-1">
          <dt className="text-[10px] text-slate-600">{t("parcels")}</dt>
          <dd className="text-base font-bold tabular-nums">{list.parcelCount}</dd>
        </div>
        <div className="rounded border border-slate-400 px-2 py-1">
          <dt className="text-[10px] text-slate-600">{t("skus")}</dt>
          <dd className="text-base font-bold tabular-nums">{list.lines.length}</dd>
        </div>
        <div className="rounded border border-slate-400 px-2 py-1">
          <dt className="text-[10px] text-slate-600">{t("units")}</dt>
          <dd className="text-base font-bold tabular-nums">{list.totalQuantity}</dd>
        </div>
      </dl>
      <table className="w-full border-collapse">
        <thead>
          <tr className="bg-slate-100">
            <th className="w-8 border border-slate-500 px-1 py-1 text-center font-semibold">#</th>
            <th className="w-9 border border-slate-500 px-1 py-1 text-center font-semibold">
              {t("tick")}
            </th>
            <th className="border border-slate-500 px-1.5 py-1 text-left font-semibold">
              {t("sku")}
            </th>
            <th className="border border-slate-500 px-1.5 py-1 text-left font-semibold">
              {t("name")}
            </th>
            <th className="border border-slate-500 px-1.5 py-1 text-left font-semibold">
              {t("barcode")}
            </th>
            <th className="w-14 border border-slate-500 px-1.5 py-1 text-right font-semibold">
              {t("quantity")}
            </th>
            <th className="w-14 border border-slate-500 px-1.5 py-1 text-right font-semibold">
              {t("parcelCount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {list.lines.map((l, i) => (
            <tr key={l.sku}>
              <td className="border border-slate-500 px-1 py-1.5 text-center tabular-nums">
                {i + 1}
              </td>
              <td className="border border-slate-500 px-1 py-1.5 text-center">
                <span
                  aria-hidden
                  className="inline-block size-3.5 border-[1.5px] border-black align-middle"
                />
              </td>
              <td className="border border-slate-500 px-1.5 py-1.5 font-mono font-semibold">
                {l.sku}
              </td>
              <td className="border border-slate-500 px-1.5 py-1.5">{l.name}</td>
              <td className="border border-slate-500 px-1.5 py-1.5 font-mono">
                {l.barcode ?? "—"}
              </td>
              <td className="border border-slate-500 px-1.5 py-1.5 text-right text-[14px] font-bold tabular-nums">
                {l.quantity}
              </td>
              <td className="border border-slate-500 px-1.5 py-1.5 text-right tabular-nums">
                {l.parcelCount}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td
              className="border border-slate-500 px-1.5 py-1 text-right font-semibold"
              colSpan={5}
            >
              {t("total")}
            </td>
            <td className="border border-slate-500 px-1.5 py-1 text-right text-[14px] font-bold tabular-nums">
              {list.totalQuantity}
            </td>
            <td className="border border-slate-500 px-1.5 py-1 text-right tabular-nums">
              {list.parcelCount}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="mt-3 text-[10px] break-all text-slate-700">
        {t("parcelList", { value: ids.map((id) => `P${id}`).join("  ") })}
      </p>
      <div className="mt-6 grid grid-cols-3 gap-6 text-[12px]">
        <div className="border-b border-black pb-1">{t("picker")}</div>
        <div className="border-b border-black pb-1">{t("checker")}</div>
        <div className="border-b border-black pb-1">{t("finishedAt")}</div>
      </div>
    </div>
  );
}
