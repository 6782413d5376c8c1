"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { FileText, Printer, PrinterCheck, SearchX, Tags, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/layout/empty-state";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { printableInput, type PrintingFilters } from "./filters";
import { PrintableTable } from "./printable-table";
import type { PrintableParcel } from "./types";

/** The labelled parcels of one tab, the selection bar over them and paging. */
export function PrintableList({
  filters,
  narrowed,
  onClear,
  selected,
  onSelect,
  canPrint,
  onPreview,
  onSlips,
}: {
  filters: PrintingFilters;
  narrowed: boolean;
  onClear: () => void;
  selected: ReadonlySet<number>;
  onSelect: (next: ReadonlySet<number>) => void;
  canPrint: boolean;
  onPreview: (rows: PrintableParcel[]) => void;
  onSlips: (rows: PrintableParcel[]) => void;
}) {
  const t = useTranslations("printing");
  const trpc = useTRPC();
  const list = useSuspenseInfiniteQuery(
    trpc.printing.printable.infiniteQueryOptions(printableInput(filters), {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const rows = list.data.pages.flatMap((p) => p.items);
  const selectedRows = rows.filter((r) => selected.has(r.parcelId));
  const reprints = selectedRows.filter((r) => r.printedAt !== null).length;

  if (rows.length === 0) {
    return narrowed ? (
      <div className="space-y-2">
        <EmptyState icon={SearchX} title={t("empty.searchTitle")} body={t("empty.searchBody")} />
        <Button variant="secondary" onClick={onClear}>
          {t("filters.clear")}
        </Button>
      </div>
    ) : filters.tab === "printed" ? (
      <EmptyState
        icon={PrinterCheck}
        title={t("empty.printedTitle")}
        body={t("empty.printedBody")}
      />
    ) : (
      <EmptyState icon={Tags} title={t("empty.unprintedTitle")} body={t("empty.unprintedBody")} />
    );
  }

  return (
    <div className="space-y-3">
      <div
        className={cn(
          "flex min-h-10 flex-wrap items-center gap-2 rounded-md border px-3 py-1.5",
          selectedRows.length > 0 ? "border-blue-200 bg-blue-50" : "border-transparent px-0",
        )}
        aria-live="polite"
      >
        {selectedRows.length === 0 ? (
          <p className="text-sm text-slate-500">{t("bulk.hint")}</p>
        ) : (
          <>
            <span className="mr-1 text-sm font-medium text-blue-900">
              {t("bulk.selected", { parcels: selectedRows.length })}
              {reprints > 0 ? (
                <span className="ml-2 font-normal text-amber-800">
                  {t("bulk.reprints", { n: reprints })}
                </span>
              ) : null}
            </span>
            {/* Both record a print batch, which only roles that ship may do. */}
            {canPrint ? (
              <>
                <Button size="sm" onClick={() => onPreview(selectedRows)}>
                  <Printer aria-hidden />
                  {t("bulk.preview")}
                </Button>
                <Button size="sm" variant="secondary" onClick={() => onSlips(selectedRows)}>
                  <FileText aria-hidden />
                  {t("bulk.packingSlips")}
                </Button>
              </>
            ) : null}
            <Button
              size="sm"
              variant="ghost"
              className="ml-auto"
              onClick={() => onSelect(new Set())}
            >
              <X aria-hidden />
              {t("bulk.clear")}
            </Button>
          </>
        )}
      </div>
      <PrintableTable rows={rows} selected={selected} onSelect={onSelect} />
      <div className="flex items-center gap-3 text-xs text-slate-500">
        <span>{t("table.loaded", { n: rows.length })}</span>
        {list.hasNextPage ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t("table.loadMore")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
