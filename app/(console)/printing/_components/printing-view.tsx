"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { History, PrinterCheck, Search, Tags, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { SegmentedTabs } from "@/components/ui/segmented-tabs";
import { Input, NativeSelect } from "@/components/ui/input";
import {
  printingSearchString,
  printingTabs,
  type PrintingFilters,
  type PrintingTab,
} from "./filters";
import { LabelPreviewDialog } from "./label-preview-dialog";
import { PackingSlipDialog } from "./packing-slip-dialog";
import { PrintHistory } from "./print-history";
import { PrintableList } from "./printable-list";
import type { PrintableParcel } from "./types";

const tabIcon: Record<PrintingTab, typeof Tags> = {
  unprinted: Tags,
  printed: PrinterCheck,
  history: History,
};

export function PrintingView({
  initialFilters,
  canPrint,
  canUnmask,
}: {
  initialFilters: PrintingFilters;
  canPrint: boolean;
  canUnmask: boolean;
}) {
  const t = useTranslations("printing");
  const trpc = useTRPC();
  const [filters, setFiltersState] = useState(initialFilters);
  const [searchText, setSearchText] = useState(initialFilters.q);
  const [filtering, startTransition] = useTransition();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [privacy, setPrivacy] = useState(true);
  const [preview, setPreview] = useState<PrintableParcel[] | null>(null);
  const [slips, setSlips] = useState<PrintableParcel[] | null>(null);
  // Suspense, not useQuery: the server renders the options too, so hydration matches.
  const warehouses = useSuspenseQuery(trpc.shops.warehouses.queryOptions());

  function setFilters(patch: Partial<PrintingFilters>) {
    const next = { ...filters, ...patch };
    window.history.replaceState(
      null,
      "",
      `${window.location.pathname}${printingSearchString(next)}`,
    );
    startTransition(() => {
      setFiltersState(next);
      setSelected(new Set());
    });
  }
  const narrowed = Boolean(filters.warehouseId || filters.q);
  const clear = () => {
    setSearchText("");
    setFilters({ warehouseId: "", q: "" });
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <SegmentedTabs
          label={t("tabs.label")}
          tabs={printingTabs.map((tab) => ({
            key: tab,
            label: t(`tabs.${tab}`),
            icon: tabIcon[tab],
          }))}
          active={filters.tab}
          onSelect={(tab) => setFilters({ tab })}
          panelId="printing-panel"
        />
        {filters.tab !== "history" ? (
          <>
            <NativeSelect
              aria-label={t("filters.warehouse")}
              value={filters.warehouseId}
              onChange={(e) => setFilters({ warehouseId: e.target.value })}
              className="max-w-48"
            >
              <option value="">{t("filters.allWarehouses")}</option>
              {warehouses.data.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </NativeSelect>
            <form
              role="search"
              className="flex items-center gap-1.5"
              onSubmit={(e) => {
                e.preventDefault();
                setFilters({ q: searchText.trim() });
              }}
            >
              <div className="relative">
                <Search
                  className="pointer-events-none absolute top-1/2 left-2 size-4 -translate-y-1/2 text-slate-400"
                  aria-hidden
                />
                <Input
                  type="search"
                  aria-label={t("filters.search")}
                  placeholder={t("filters.searchPlaceholder")}
                  value={searchText}
                  onChange={(e) => setSearchText(e.target.value)}
                  className="w-64 pl-8 xl:w-80"
                />
              </div>
              <Button type="submit" variant="secondary">
                {t("filters.searchButton")}
              </Button>
            </form>
            {narrowed ? (
              <Button variant="ghost" onClick={clear}>
                <X aria-hidden />
                {t("filters.clear")}
              </Button>
            ) : null}
            <label
              className="ml-auto flex items-center gap-2 text-sm text-slate-700"
              title={canUnmask ? t("privacy.hint") : t("privacy.locked")}
            >
              <input
                type="checkbox"
                className="size-4"
                checked={privacy}
                disabled={!canUnmask}
                onChange={(e) => setPrivacy(e.target.checked)}
              />
              {t("privacy.label")}
            </label>
          </>
        ) : null}
      </div>
      <div
        id="printing-panel"
        role="tabpanel"
        className={cn("transition-opacity", filtering && "opacity-60")}
        aria-busy={filtering}
      >
        {filters.tab === "history" ? (
          <PrintHistory />
        ) : (
          <PrintableList
            filters={filters}
            narrowed={narrowed}
            onClear={clear}
            selected={selected}
            onSelect={setSelected}
            canPrint={canPrint}
            onPreview={setPreview}
            onSlips={setSlips}
          />
        )}
      </div>
      {preview ? (
        <LabelPreviewDialog
          parcels={preview}
          privacy={privacy}
          onClose={() => setPreview(null)}
          onPrinted={() => setSelected(new Set())}
        />
      ) : null}
      {slips ? <PackingSlipDialog parcels={slips} onClose={() => setSlips(null)} /> : null}
    </div>
  );
}
