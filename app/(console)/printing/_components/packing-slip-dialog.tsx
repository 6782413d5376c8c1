"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Printer } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useReactToPrint } from "react-to-print";
import { toast } from "sonner";
import { PackingSlips, packingSlipPageCss } from "@/components/labels/packing-slip";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { PrintDialog } from "./print-dialog";
import type { PrintableParcel } from "./types";

/** 发货单 on A4 for the selection, one page per parcel; the print is recorded like labels are. */
export function PackingSlipDialog({
  parcels,
  onClose,
}: {
  parcels: PrintableParcel[];
  onClose: () => void;
}) {
  const t = useTranslations("printing.slips");
  const tAll = useTranslations();
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = parcels.map((p) => p.parcelId);
  const query = useQuery({
    ...trpc.printing.packingSlips.queryOptions({ parcelIds: ids }),
    staleTime: 0,
  });
  const [printedAt] = useState(() => new Date());
  const contentRef = useRef<HTMLDivElement>(null);
  const print = useReactToPrint({
    contentRef,
    pageStyle: packingSlipPageCss,
    ignoreGlobalStyles: true,
    documentTitle: `packing-slips-${ids.length}`,
  });
  const record = useMutation(
    trpc.printing.record.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("recorded", { n: r.count }));
        void queryClient.invalidateQueries(trpc.printing.history.pathFilter());
        print();
      },
      onError: (e) => toast.error(describeError(tAll, e)),
    }),
  );

  return (
    <PrintDialog
      title={t("title")}
      description={t("description", { n: ids.length })}
      closeLabel={tc("close")}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {tc("close")}
          </Button>
          <Button
            autoFocus
            disabled={!query.data || record.isPending}
            onClick={() => record.mutate({ parcelIds: ids, kind: "packing_slip", template: "A4" })}
          >
            <Printer aria-hidden />
            {t("print")}
          </Button>
        </>
      }
    >
      <div className="p-4">
        {query.isPending ? (
          <p className="text-sm text-slate-600">{tc("loading")}</p>
        ) : query.isError ? (
          <p role="alert" className="text-sm text-red-700">
            {describeError(tAll, query.error)}
          </p>
        ) : (
          // On screen each A4 page is a white sheet with its print margins; only contentRef prints.
          <div className="mx-auto w-fit [&_.ps]:mb-6 [&_.ps]:w-[210mm] [&_.ps]:bg-white [&_.ps]:p-[12mm] [&_.ps]:shadow-md">
            <div ref={contentRef}>
              <PackingSlips slips={query.data} printedAt={printedAt} />
            </div>
          </div>
        )}
      </div>
    </PrintDialog>
  );
}
