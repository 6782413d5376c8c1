"use client";

import {
  useMutation,
  useQuery,
  useQueryClient,
  useSuspenseInfiniteQuery,
} from "@tanstack/react-query";
import {
  Ban,
  Combine,
  FileCheck,
  FileText,
  FileX,
  MessageSquareText,
  PackageCheck,
  PackageOpen,
  PauseCircle,
  PlayCircle,
  Printer,
  ScanBarcode,
  Scissors,
  Search,
  SearchX,
  X,
} from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { EmptyState } from "@/components/layout/empty-state";
import {
  hasNarrowingFilters,
  queueInput,
  queueSearchString,
  queueTabs,
  type QueueFilters,
  type QueueTab,
} from "@/components/shipping/queue-filters";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { SegmentedTabs } from "@/components/ui/segmented-tabs";
import { Input, NativeSelect } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { MergeSuggestions } from "./merge-suggestions";
import { PickListDialog } from "./pick-list-dialog";
import { CancelWaybillDialog } from "./cancel-waybill-dialog";
import { CourierCell } from "./courier-cell";
import { IssueWaybillsDialog } from "./issue-waybills-dialog";
import { ReasonDialog } from "./reason-dialog";
import { SplitDialog } from "./split-dialog";
import type { QueueParcel } from "./types";

/** The most parcels one bulk action takes (the server's limit for a batch). */
const MAX_SELECTION = 1000;

const unitsOf = (p: QueueParcel) => p.items.reduce((s, i) => s + i.quantity, 0);

function estimatedWeight(p: QueueParcel): number | null {
  if (p.items.length === 0 || p.items.some((i) => i.weightG === null)) return null;
  return p.items.reduce((s, i) => s + (i.weightG ?? 0) * i.quantity, 0);
}

export function ShippingQueue({
  initialFilters,
  canManage,
}: {
  initialFilters: QueueFilters;
  canManage: boolean;
}) {
  const t = useTranslations("shipping");
  const tw = useTranslations("waybills");
  const tAll = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFiltersState] = useState(initialFilters);
  const [searchText, setSearchText] = useState(initialFilters.q);
  const [filtering, startTransition] = useTransition();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const lastClicked = useRef<number | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const queue = useSuspenseInfiniteQuery(
    trpc.shipping.queue.infiniteQueryOptions(queueInput(filters), {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const rows = queue.data.pages.flatMap((p) => p.items);
  const shops = useQuery(trpc.shops.list.queryOptions());
  const warehouses = useQuery(trpc.shops.warehouses.queryOptions());
  const merges = useQuery(
    trpc.shipping.mergeCandidates.queryOptions(
      filters.warehouseId ? { warehouseId: filters.warehouseId } : {},
    ),
  );
  const groups = merges.data ?? [];

  const selectedRows = rows.filter((r) => selected.has(r.id));
  const selectedIds = selectedRows.map((r) => r.id);
  const allSelected = rows.length > 0 && selectedRows.length === rows.length;
  const someSelected = selectedRows.length > 0 && !allSelected;
  const heldSelected = selectedRows.filter((r) => r.held);
  const unheldSelected = selectedRows.filter((r) => !r.held);
  const selectedOrders = new Set(selectedRows.flatMap((r) => r.orders.map((o) => o.id)));
  const selectedUnits = selectedRows.reduce((s, r) => s + unitsOf(r), 0);

  const [reasonMode, setReasonMode] = useState<"hold" | "cancel" | null>(null);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [pickParcels, setPickParcels] = useState<QueueParcel[] | null>(null);
  const [splitting, setSplitting] = useState<QueueParcel | null>(null);
  const [mergeOpen, setMergeOpen] = useState(false);
  const [mergingKey, setMergingKey] = useState<string | null>(null);
  const [issuing, setIssuing] = useState<QueueParcel[] | null>(null);
  const [cancellingWaybill, setCancellingWaybill] = useState<QueueParcel | null>(null);
  const [selectingAll, setSelectingAll] = useState(false);

  /** Loads the remaining pages of the filtered queue (up to MAX_SELECTION) and selects them all. */
  async function selectAllMatching() {
    setSelectingAll(true);
    try {
      let result = await queue.fetchNextPage();
      let loaded = result.data?.pages.flatMap((p) => p.items) ?? [];
      while (result.hasNextPage && loaded.length < MAX_SELECTION) {
        result = await result.fetchNextPage();
        loaded = result.data?.pages.flatMap((p) => p.items) ?? [];
      }
      setSelected(new Set(loaded.slice(0, MAX_SELECTION).map((r) => r.id)));
    } finally {
      setSelectingAll(false);
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      if (target?.closest("input, textarea, select, [contenteditable], [role=dialog]")) return;
      e.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function setFilters(
    patch: Partial<QueueFilters>,
    nextSelection: ReadonlySet<number> = new Set(),
  ) {
    const next = { ...filters, ...patch };
    window.history.replaceState(null, "", `${window.location.pathname}${queueSearchString(next)}`);
    startTransition(() => {
      setFiltersState(next);
      setSelected(nextSelection);
    });
  }

  const refresh = () => {
    setSelected(new Set());
    void queryClient.invalidateQueries(trpc.shipping.pathFilter());
    void queryClient.invalidateQueries(trpc.orders.pathFilter());
  };
  const onError = (error: unknown) => toast.error(describeError(tAll, error));

  const hold = useMutation(
    trpc.shipping.hold.mutationOptions({
      onSuccess: (r) => {
        setReasonMode(null);
        toast.success(t("toasts.held", { n: r.count }));
        refresh();
      },
      onError: (e) => setReasonError(describeError(tAll, e)),
    }),
  );
  const release = useMutation(
    trpc.shipping.release.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("toasts.released", { n: r.count }));
        refresh();
      },
      onError,
    }),
  );
  const cancel = useMutation(
    trpc.shipping.cancel.mutationOptions({
      onSuccess: (r) => {
        setReasonMode(null);
        toast.success(t("toasts.cancelled", { n: r.orders }));
        refresh();
      },
      onError: (e) => setReasonError(describeError(tAll, e)),
    }),
  );
  const merge = useMutation(
    trpc.shipping.merge.mutationOptions({
      onSuccess: (r) => {
        toast.success(
          t("toasts.merged", {
            id: `P${r.id}`,
            merged: format.list(r.merged.map((id) => `P${id}`)),
          }),
        );
        refresh();
      },
      onError,
      onSettled: () => setMergingKey(null),
    }),
  );

  function toggle(id: number, index: number, range: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      const on = !prev.has(id);
      if (range && lastClicked.current !== null) {
        const [a, b] = [lastClicked.current, index].sort((x, y) => x - y) as [number, number];
        for (const r of rows.slice(a, b + 1)) {
          if (on) next.add(r.id);
          else next.delete(r.id);
        }
      } else if (on) next.add(id);
      else next.delete(id);
      return next;
    });
    lastClicked.current = index;
  }

  const warehouseNames = new Map((warehouses.data ?? []).map((w) => [w.id, w.name]));
  const rowsById = new Map(rows.map((r) => [r.id, r]));
  const narrowed = hasNarrowingFilters(filters);
  const showActions = canManage && filters.tab !== "packed";
  const tabIcon: Record<QueueTab, typeof PackageOpen> = {
    awaiting: PackageOpen,
    held: PauseCircle,
    packed: PackageCheck,
    unprinted: Printer,
    labelled: FileCheck,
  };
  // Hold and cancel act on parcels still in the warehouse's hands; a labelled one has a waybill.
  const labelledTab = filters.tab === "labelled" || filters.tab === "unprinted";

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <SegmentedTabs
          label={t("tabs.label")}
          tabs={queueTabs.map((tab) => ({
            key: tab,
            label: tab === "labelled" || tab === "unprinted" ? tw(`tabs.${tab}`) : t(`tabs.${tab}`),
            icon: tabIcon[tab],
          }))}
          active={filters.tab}
          onSelect={(tab) => setFilters({ tab })}
          panelId="shipping-queue-panel"
        />
        <NativeSelect
          aria-label={t("filters.warehouse")}
          value={filters.warehouseId}
          onChange={(e) => setFilters({ warehouseId: e.target.value })}
          className="max-w-48"
        >
          <option value="">{t("filters.allWarehouses")}</option>
          {(warehouses.data ?? []).map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          aria-label={t("filters.shop")}
          value={filters.shopId}
          onChange={(e) => setFilters({ shopId: e.target.value })}
          className="max-w-48"
        >
          <option value="">{t("filters.allShops")}</option>
          {(shops.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
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
              ref={searchRef}
              type="search"
              aria-label={t("filters.search")}
              placeholder={t("filters.searchPlaceholder")}
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
              className="w-56 pl-8 xl:w-72"
            />
          </div>
          <Button type="submit" variant="secondary">
            {t("filters.searchButton")}
          </Button>
        </form>
        {narrowed ? (
          <Button
            variant="ghost"
            onClick={() => {
              setSearchText("");
              setFilters({ warehouseId: "", shopId: "", q: "" });
            }}
          >
            <X aria-hidden />
            {t("filters.clear")}
          </Button>
        ) : null}
      </div>

      <div
        className={cn(
          "flex min-h-10 flex-wrap items-center gap-2 rounded-md border px-3 py-1.5",
          selectedRows.length > 0
            ? "border-blue-200 bg-blue-50"
            : "border-transparent bg-transparent px-0",
        )}
        aria-live="polite"
      >
        {selectedRows.length === 0 ? (
          <p className="text-sm text-slate-500">
            {t("bulk.hint")}
            <span className="ml-2 text-xs text-slate-400">{t("bulk.keys")}</span>
          </p>
        ) : (
          <>
            <span className="mr-1 text-sm font-medium text-blue-900">
              {t("bulk.selected", {
                parcels: selectedRows.length,
                orders: selectedOrders.size,
                units: selectedUnits,
              })}
            </span>
            <Button size="sm" onClick={() => setPickParcels(selectedRows)}>
              <Printer aria-hidden />
              {t("bulk.pickList")}
            </Button>
            {canManage && filters.tab === "packed" ? (
              <Button
                size="sm"
                disabled={unheldSelected.length === 0}
                onClick={() => setIssuing(selectedRows)}
              >
                <FileText aria-hidden />
                {tw("bulk.issue")}
              </Button>
            ) : null}
            {canManage && !labelledTab ? (
              <>
                {filters.tab === "awaiting" ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={selectedRows.length < 2 || merge.isPending}
                    title={selectedRows.length < 2 ? t("bulk.mergeNeedsTwo") : undefined}
                    onClick={() => {
                      setMergingKey(selectedIds.join(","));
                      merge.mutate({ ids: selectedIds });
                    }}
                  >
                    <Combine aria-hidden />
                    {t("bulk.merge")}
                  </Button>
                ) : null}
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={unheldSelected.length === 0}
                  onClick={() => {
                    setReasonError(undefined);
                    setReasonMode("hold");
                  }}
                >
                  <PauseCircle aria-hidden />
                  {t("bulk.hold")}
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={heldSelected.length === 0 || release.isPending}
                  onClick={() => release.mutate({ ids: heldSelected.map((r) => r.id) })}
                >
                  <PlayCircle aria-hidden />
                  {t("bulk.release")}
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  className="text-red-700"
                  onClick={() => {
                    setReasonError(undefined);
                    setReasonMode("cancel");
                  }}
                >
                  <Ban aria-hidden />
                  {t("bulk.cancel")}
                </Button>
              </>
            ) : null}
            {allSelected && queue.hasNextPage && rows.length < MAX_SELECTION ? (
              <Button
                size="sm"
                variant="ghost"
                className="text-blue-800 underline"
                disabled={selectingAll}
                onClick={() => void selectAllMatching()}
              >
                {selectingAll ? tAll("common.loading") : t("bulk.selectAllMatching")}
              </Button>
            ) : null}
            <Button
              size="sm"
              variant="ghost"
              className="ml-auto"
              onClick={() => setSelected(new Set())}
            >
              <X aria-hidden />
              {t("bulk.clear")}
            </Button>
          </>
        )}
        <Button
          variant="secondary"
          size="sm"
          className={selectedRows.length > 0 ? undefined : "ml-auto"}
          onClick={() => setMergeOpen(true)}
        >
          <Combine aria-hidden />
          {t("mergeSuggestions.open")}
          <Badge tone={groups.length > 0 ? "blue" : "neutral"} className="ml-0.5 px-1 py-0">
            {groups.length}
          </Badge>
        </Button>
      </div>

      <div
        id="shipping-queue-panel"
        role="tabpanel"
        className={cn("transition-opacity", filtering && "opacity-60")}
        aria-busy={filtering}
      >
        {rows.length === 0 ? (
          <QueueEmpty
            tab={filters.tab}
            narrowed={narrowed}
            canManage={canManage}
            onClear={() => {
              setSearchText("");
              setFilters({ warehouseId: "", shopId: "", q: "" });
            }}
          />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th className="w-8 pr-0">
                  <input
                    type="checkbox"
                    aria-label={t("table.selectAll")}
                    className="size-4 align-middle"
                    checked={allSelected}
                    ref={(el) => {
                      if (el) el.indeterminate = someSelected;
                    }}
                    onChange={() =>
                      setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))
                    }
                  />
                </Th>
                <Th>{t("table.parcel")}</Th>
                <Th>{t("table.orders")}</Th>
                <Th>{t("table.recipient")}</Th>
                <Th>{t("table.items")}</Th>
                <Th className="text-right">{t("table.weight")}</Th>
                <Th>{tw("courier.column")}</Th>
                <Th>{t("table.createdAt")}</Th>
                <Th>{t("table.flags")}</Th>
                {showActions ? <Th className="text-right">{tAll("common.actions")}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, index) => {
                const isSelected = selected.has(r.id);
                const est = estimatedWeight(r);
                return (
                  <tr
                    key={r.id}
                    data-testid={`parcel-row-P${r.id}`}
                    aria-selected={isSelected}
                    className={cn(
                      "cursor-default hover:bg-slate-50",
                      r.held && "bg-amber-50/50",
                      isSelected && "bg-blue-50 hover:bg-blue-50",
                    )}
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest("button, a, input, label, select"))
                        return;
                      if (window.getSelection()?.toString()) return;
                      toggle(r.id, index, e.shiftKey);
                    }}
                  >
                    <Td className="pr-0">
                      <input
                        type="checkbox"
                        className="size-4 align-middle"
                        aria-label={t("table.select", { id: `P${r.id}` })}
                        checked={isSelected}
                        onChange={() => undefined}
                        onClick={(e) => toggle(r.id, index, e.shiftKey)}
                      />
                    </Td>
                    <Td className="whitespace-nowrap">
                      <div className="font-mono text-sm font-semibold text-slate-900">P{r.id}</div>
                      <div className="text-xs text-slate-500">{r.warehouseName}</div>
                      {r.trackingNo ? (
                        <div
                          className="font-mono text-xs text-blue-800"
                          title={tw("table.trackingNo")}
                        >
                          {r.trackingNo}
                        </div>
                      ) : null}
                      {r.status === "LABELLED" ? (
                        r.printedAt ? (
                          <div
                            className="text-xs text-slate-500"
                            title={format.dateTime(r.printedAt, {
                              month: "2-digit",
                              day: "2-digit",
                              hour: "2-digit",
                              minute: "2-digit",
                              hour12: false,
                            })}
                          >
                            {tw("table.printed")}
                          </div>
                        ) : (
                          <Badge tone="amber">{tw("table.notPrinted")}</Badge>
                        )
                      ) : null}
                    </Td>
                    <Td>
                      <ul className="space-y-0.5">
                        {r.orders.map((o) => (
                          <li key={o.id} className="leading-tight">
                            <div className="font-mono text-xs whitespace-nowrap text-slate-900">
                              {o.platformOrderNo}
                            </div>
                            <div className="text-xs text-slate-500">{o.shopName}</div>
                            {o.buyerRemark ? (
                              <div
                                className="flex max-w-64 items-start gap-1 text-xs text-amber-800"
                                title={o.buyerRemark}
                              >
                                <MessageSquareText
                                  className="mt-0.5 size-3 shrink-0"
                                  aria-label={t("table.buyerRemark")}
                                />
                                <span className="truncate">{o.buyerRemark}</span>
                              </div>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </Td>
                    <Td>
                      <div className="whitespace-nowrap">
                        {r.recipientName}{" "}
                        <span className="text-xs text-slate-500 tabular-nums">
                          {r.recipientMobile}
                        </span>
                      </div>
                      <div className="text-xs text-slate-500">{r.region}</div>
                    </Td>
                    <Td>
                      <ItemsSummary parcel={r} />
                    </Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">
                      {r.weightG !== null ? (
                        <WeightText grams={r.weightG} />
                      ) : est !== null ? (
                        <span className="text-slate-500" title={t("table.estimated")}>
                          ≈<WeightText grams={est} />
                        </span>
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                    </Td>
                    <Td>
                      <CourierCell parcel={r} />
                    </Td>
                    <Td className="text-xs whitespace-nowrap text-slate-600">
                      {format.dateTime(r.createdAt, {
                        month: "2-digit",
                        day: "2-digit",
                        hour: "2-digit",
                        minute: "2-digit",
                        hour12: false,
                      })}
                    </Td>
                    <Td>
                      <div className="flex flex-col items-start gap-1">
                        {r.held ? (
                          <Badge
                            tone="amber"
                            title={r.holdReason ?? undefined}
                            className="max-w-48"
                          >
                            <span className="truncate">
                              {r.holdReason
                                ? t("table.heldWithReason", { reason: r.holdReason })
                                : t("table.held")}
                            </span>
                          </Badge>
                        ) : null}
                        {r.mergeable ? (
                          <Badge tone="blue" className="whitespace-nowrap">
                            {t("table.mergeable")}
                          </Badge>
                        ) : null}
                      </div>
                    </Td>
                    {showActions ? (
                      <Td className="text-right whitespace-nowrap">
                        {r.status === "AWAITING_PACK" && unitsOf(r) >= 2 ? (
                          <Button
                            variant="ghost"
                            size="sm"
                            aria-label={t("table.splitParcel", { id: `P${r.id}` })}
                            onClick={() => setSplitting(r)}
                          >
                            <Scissors aria-hidden />
                            {t("table.split")}
                          </Button>
                        ) : null}
                        {r.status === "LABELLED" ? (
                          <Button
                            variant="ghost"
                            size="sm"
                            className="text-red-700"
                            aria-label={tw("table.cancelWaybillFor", { id: `P${r.id}` })}
                            onClick={() => setCancellingWaybill(r)}
                          >
                            <FileX aria-hidden />
                            {tw("table.cancelWaybill")}
                          </Button>
                        ) : null}
                        {r.status === "AWAITING_PACK" && !r.held ? (
                          <Button variant="ghost" size="sm" asChild>
                            <Link
                              href={`/shipping/pack?code=P${r.id}`}
                              aria-label={t("table.packParcel", { id: `P${r.id}` })}
                            >
                              <ScanBarcode aria-hidden />
                              {t("table.pack")}
                            </Link>
                          </Button>
                        ) : null}
                      </Td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        {rows.length > 0 ? (
          <div className="mt-2 flex items-center justify-between text-xs text-slate-500">
            <span>{t("table.shown", { n: rows.length })}</span>
            {queue.hasNextPage ? (
              <Button
                variant="secondary"
                size="sm"
                disabled={queue.isFetchingNextPage}
                onClick={() => void queue.fetchNextPage()}
              >
                {queue.isFetchingNextPage ? tAll("common.loading") : t("table.loadMore")}
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>

      {reasonMode ? (
        <ReasonDialog
          mode={reasonMode}
          open
          onOpenChange={(open) => !open && setReasonMode(null)}
          parcelCount={reasonMode === "hold" ? unheldSelected.length : selectedRows.length}
          orderCount={selectedOrders.size}
          pending={hold.isPending || cancel.isPending}
          error={reasonError}
          onSubmit={(reason) => {
            setReasonError(undefined);
            if (reasonMode === "hold")
              hold.mutate({ ids: unheldSelected.map((r) => r.id), reason });
            else cancel.mutate({ ids: selectedIds, reason });
          }}
        />
      ) : null}
      {issuing ? (
        <IssueWaybillsDialog
          parcels={issuing}
          onClose={(changed) => {
            setIssuing(null);
            if (changed) refresh();
          }}
        />
      ) : null}
      {cancellingWaybill ? (
        <CancelWaybillDialog
          parcel={cancellingWaybill}
          onClose={() => setCancellingWaybill(null)}
          onCancelled={() => {
            setCancellingWaybill(null);
            refresh();
          }}
        />
      ) : null}
      {pickParcels ? (
        <PickListDialog parcels={pickParcels} onClose={() => setPickParcels(null)} />
      ) : null}
      <SplitDialog
        parcel={splitting}
        onClose={() => setSplitting(null)}
        onSplit={(ids) => {
          setSplitting(null);
          toast.success(
            t("toasts.split", { n: ids.length, ids: format.list(ids.map((id) => `P${id}`)) }),
          );
          refresh();
        }}
      />
      <MergeSuggestions
        open={mergeOpen}
        onOpenChange={setMergeOpen}
        groups={groups}
        rowsById={rowsById}
        warehouseNames={warehouseNames}
        canManage={canManage}
        mergingKey={mergingKey}
        onMerge={(ids) => {
          setMergingKey(ids.join(","));
          merge.mutate({ ids });
        }}
        onSelect={(ids) => {
          setMergeOpen(false);
          // Suggestions are across the warehouse; show them all on the awaiting tab, selected.
          setSearchText("");
          setFilters({ tab: "awaiting", shopId: "", q: "" }, new Set(ids));
        }}
      />
    </div>
  );
}

function WeightText({ grams }: { grams: number }) {
  const format = useFormatter();
  return grams < 1000 ? (
    <>{format.number(grams)} g</>
  ) : (
    <>{format.number(grams / 1000, { maximumFractionDigits: 2 })} kg</>
  );
}

function ItemsSummary({ parcel }: { parcel: QueueParcel }) {
  const t = useTranslations("shipping.table");
  const shown = parcel.items.slice(0, 2);
  const more = parcel.items.length - shown.length;
  return (
    <div className="max-w-72 text-xs leading-tight">
      {shown.map((i) => (
        <div key={i.orderItemId} className="truncate" title={`${i.sku} · ${i.name}`}>
          <span className="text-slate-800">{i.name}</span>{" "}
          <span className="font-medium text-slate-900 tabular-nums">×{i.quantity}</span>
        </div>
      ))}
      <div className="text-slate-500">
        {more > 0 ? `${t("moreLines", { n: more })} · ` : ""}
        {t("units", { n: unitsOf(parcel) })}
      </div>
    </div>
  );
}

function QueueEmpty({
  tab,
  narrowed,
  canManage,
  onClear,
}: {
  tab: QueueTab;
  narrowed: boolean;
  canManage: boolean;
  onClear: () => void;
}) {
  const t = useTranslations("shipping.empty");
  const tw = useTranslations("waybills.empty");
  if (narrowed) {
    return (
      <div className="space-y-3">
        <EmptyState icon={SearchX} title={t("filteredTitle")} body={t("filteredBody")} />
        <div className="flex justify-center">
          <Button variant="secondary" onClick={onClear}>
            <X aria-hidden />
            {t("clearFilters")}
          </Button>
        </div>
      </div>
    );
  }
  if (tab === "labelled") {
    return <EmptyState icon={FileCheck} title={tw("labelledTitle")} body={tw("labelledBody")} />;
  }
  if (tab === "unprinted") {
    return <EmptyState icon={Printer} title={tw("unprintedTitle")} body={tw("unprintedBody")} />;
  }
  const icon = tab === "held" ? PauseCircle : tab === "packed" ? PackageCheck : PackageOpen;
  return (
    <div className="space-y-3">
      <EmptyState icon={icon} title={t(`${tab}Title`)} body={t(`${tab}Body`)} />
      {tab === "packed" && canManage ? (
        <div className="flex justify-center">
          <Button variant="secondary" asChild>
            <Link href="/shipping/pack">
              <ScanBarcode aria-hidden />
              {t("toPack")}
            </Link>
          </Button>
        </div>
      ) : null}
    </div>
  );
}
