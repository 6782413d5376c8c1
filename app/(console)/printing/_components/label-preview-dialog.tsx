"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Printer, ShieldCheck, ShieldOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { useReactToPrint } from "react-to-print";
import { toast } from "sonner";
import { PrintSheet, labelPageCss } from "@/components/labels/print-sheet";
import { describeError, fieldErrorsOf } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { PrintDialog } from "./print-dialog";
import { templateText } from "./printable-table";
import { ReprintReason, reasonText, type ReasonState } from "./reprint-reason";
import type { LabelView } from "@/server/printing/label-data";
import type { LabelTemplate, PrintableParcel } from "./types";

const MM_PX = 96 / 25.4;
const sizes: Record<LabelTemplate, [number, number]> = {
  "76x130": [76, 130],
  "100x150": [100, 150],
  "100x180": [100, 180],
};

/**
 * Print preview of the selected parcels' labels at true size, scaled to fit, one paper size at a
 * time (a print job has one @page size). Print records the batch first and then opens the print
 * window: a label that comes out of the printer is always on record, so nobody takes it for
 * unprinted and prints a second one; a cancelled print dialog only costs a reason next time.
 */
export function LabelPreviewDialog({
  parcels,
  privacy,
  onClose,
  onPrinted,
}: {
  parcels: PrintableParcel[];
  privacy: boolean;
  onClose: () => void;
  onPrinted: () => void;
}) {
  const t = useTranslations("printing.preview");
  const tAll = useTranslations();
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useMemo(() => parcels.map((p) => p.parcelId), [parcels]);
  // Fetched once per opening: the print time on the labels is the moment of the preview.
  const query = useQuery({
    ...trpc.printing.labels.queryOptions({ parcelIds: ids, privacy }),
    staleTime: Infinity,
    gcTime: 0,
  });
  const data = query.data;
  const groups = useMemo(() => {
    const map = new Map<LabelTemplate, LabelView[]>();
    for (const l of data?.labels ?? []) {
      const list = map.get(l.template) ?? [];
      list.push(l);
      map.set(l.template, list);
    }
    return [...map.entries()];
  }, [data]);
  const [chosen, setChosen] = useState<LabelTemplate | null>(null);
  const [template, labels] = groups.find(([tpl]) => tpl === chosen) ?? groups[0] ?? [null, []];
  const [printedGroups, setPrintedGroups] = useState<ReadonlySet<LabelTemplate>>(new Set());
  const printedBefore = parcels.filter(
    (p) => p.printedAt !== null && labels.some((l) => l.parcelId === p.parcelId),
  ).length;
  const [serverWantsReason, setServerWantsReason] = useState(false);
  const needsReason =
    printedBefore > 0 || serverWantsReason || (template !== null && printedGroups.has(template));
  const [reason, setReason] = useState<ReasonState>({ preset: null, other: "" });
  const [missing, setMissing] = useState(false);
  const otherPreset = tAll("printing.reprint.presets").split("|").at(-1) ?? "";

  const deskRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(true);
  const [deskHeight, setDeskHeight] = useState(600);
  useEffect(() => {
    const el = deskRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) =>
      setDeskHeight(entry?.contentRect.height ?? 600),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const labelHeightPx = template ? sizes[template][1] * MM_PX : 1;
  const scale = fit ? Math.min(1, (deskHeight - 32) / labelHeightPx) : 1;

  const print = useReactToPrint({
    contentRef,
    pageStyle: template ? labelPageCss(template) : undefined,
    // Labels carry their own stylesheet; copying the console's CSS into the frame is wasted work.
    ignoreGlobalStyles: true,
    documentTitle: `labels-${template ?? ""}-${labels.length}`,
  });
  const record = useMutation(
    trpc.printing.record.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("recorded", { n: r.count, id: r.batchId }));
        void queryClient.invalidateQueries(trpc.printing.printable.pathFilter());
        void queryClient.invalidateQueries(trpc.printing.history.pathFilter());
        if (template) setPrintedGroups((prev) => new Set(prev).add(template));
        setReason({ preset: null, other: "" });
        print();
        if (groups.length <= 1 || printedGroups.size + 1 >= groups.length) onPrinted();
      },
      onError: (e) => {
        if (fieldErrorsOf(e).reprintReason) {
          setServerWantsReason(true);
          setMissing(true);
        }
        toast.error(describeError(tAll, e));
      },
    }),
  );

  const submit = () => {
    if (!template) return;
    const text = reasonText(reason, otherPreset);
    if (needsReason && !text) {
      setMissing(true);
      return;
    }
    record.mutate({
      parcelIds: labels.map((l) => l.parcelId),
      template,
      kind: "label",
      ...(needsReason ? { reprintReason: text } : {}),
    });
  };

  const errors = query.data?.errors ?? [];
  return (
    <PrintDialog
      title={t("title")}
      description={t("description", { n: query.data?.labels.length ?? ids.length })}
      closeLabel={tc("close")}
      onClose={onClose}
      toolbar={
        <>
          {groups.length > 0 ? (
            <div role="radiogroup" aria-label={t("paper")} className="flex gap-1">
              {groups.map(([tpl, list]) => (
                <button
                  key={tpl}
                  type="button"
                  role="radio"
                  aria-checked={tpl === template}
                  onClick={() => setChosen(tpl)}
                  className={cn(
                    "rounded border px-2 py-0.5 font-mono text-xs",
                    tpl === template
                      ? "border-slate-900 bg-slate-900 text-white"
                      : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
                  )}
                >
                  {t("group", { template: templateText(tpl), n: list.length })}
                  {printedGroups.has(tpl) ? " ✓" : ""}
                </button>
              ))}
            </div>
          ) : null}
          <span className="flex items-center gap-1 text-xs text-slate-600">
            {privacy ? (
              <ShieldCheck className="size-4 text-emerald-600" aria-hidden />
            ) : (
              <ShieldOff className="size-4 text-amber-600" aria-hidden />
            )}
            {privacy ? t("privacyOn") : t("privacyOff")}
          </span>
          <div role="group" aria-label={t("zoom")} className="ml-auto flex gap-1">
            <Button size="sm" variant={fit ? "primary" : "secondary"} onClick={() => setFit(true)}>
              {t("fit")}
            </Button>
            <Button size="sm" variant={fit ? "secondary" : "primary"} onClick={() => setFit(false)}>
              {t("actual")}
            </Button>
          </div>
          {errors.length > 0 ? (
            <p role="alert" className="w-full text-xs text-red-700">
              {t("skipped", { n: errors.length })}{" "}
              {errors.map((e) => `P${e.parcelId} ${t(`errorCodes.${e.code}`)}`).join("；")}
            </p>
          ) : null}
          {needsReason && template ? (
            <div className="w-full">
              <ReprintReason
                count={printedGroups.has(template) ? labels.length : Math.max(printedBefore, 1)}
                value={reason}
                onChange={(next) => {
                  setReason(next);
                  setMissing(false);
                }}
                missing={missing}
              />
            </div>
          ) : null}
        </>
      }
      footer={
        <>
          <p className="mr-auto max-w-xl text-xs text-slate-500">{t("recordFirst")}</p>
          <Button variant="secondary" onClick={onClose}>
            {tc("close")}
          </Button>
          <Button autoFocus disabled={!template || record.isPending} onClick={submit}>
            <Printer aria-hidden />
            {record.isPending ? t("recording") : t("print", { n: labels.length })}
          </Button>
        </>
      }
    >
      <div ref={deskRef} className="h-full p-4">
        {query.isPending ? (
          <p className="text-sm text-slate-600">{t("loading")}</p>
        ) : query.isError ? (
          <p role="alert" className="text-sm text-red-700">
            {describeError(tAll, query.error)}
          </p>
        ) : !template ? (
          <p className="text-sm text-slate-700">{t("nothing")}</p>
        ) : (
          // The desk lays pages side by side on screen; react-to-print copies only contentRef,
          // so none of this (nor the zoom) reaches the printer.
          <div
            className="[&_.wl-page]:bg-white [&_.wl-page]:shadow-md [&_.wl-sheet]:flex [&_.wl-sheet]:flex-wrap [&_.wl-sheet]:gap-6"
            style={{ zoom: scale }}
          >
            <div ref={contentRef} data-testid="label-sheet">
              <PrintSheet labels={labels} template={template} withPageRule={false} />
            </div>
          </div>
        )}
      </div>
    </PrintDialog>
  );
}
