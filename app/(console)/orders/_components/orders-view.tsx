"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { FileCode2, Inbox, LoaderCircle, Search, SearchX, Upload, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import { OrderStatusBadge } from "@/components/status/status-badge";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, NativeSelect } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import {
  emptyFilters,
  filtersFromParams,
  hasFilters,
  listInput,
  orderStatusOptions,
  searchFromFilters,
  type OrderFilters,
} from "./filters";
import { useOrderFormat } from "./format";
import { LAST_LIST_KEY } from "./last-list";

const ROW_LINK = "[data-row-link]";

export function OrdersView({ canImport }: { canImport: boolean }) {
  const t = useTranslations("orders");
  const tAll = useTranslations();
  const tStatus = useTranslations("status.order");
  const fmt = useOrderFormat();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromParams((k) => searchParams.get(k)), [searchParams]);
  const input = useMemo(() => listInput(filters), [filters]);

  const query = useInfiniteQuery(
    trpc.orders.list.infiniteQueryOptions(input, {
      getNextPageParam: (p) => p.nextCursor,
      placeholderData: keepPreviousData,
    }),
  );
  const shops = useQuery(trpc.shops.list.queryOptions());
  const warehouses = useQuery(trpc.shops.warehouses.queryOptions());
  const provinces = useQuery(trpc.shops.regions.queryOptions({}));
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);

  // The URL is the state: filters survive reloads and can be shared. Search pushes a history entry
  // (Back returns to the previous search); dropdowns replace it.
  const navigate = (next: OrderFilters, mode: "push" | "replace") => {
    const url = `${pathname}${searchFromFilters(next)}`;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };
  const setFilter = (patch: Partial<OrderFilters>) => navigate({ ...filters, ...patch }, "replace");

  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const [text, setText] = useState(filters.q);
  const [syncedQ, setSyncedQ] = useState(filters.q);
  if (syncedQ !== filters.q) {
    // Back/forward changed the search in the URL: show it in the box.
    setSyncedQ(filters.q);
    setText(filters.q);
  }

  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    setText(q);
    if (q === filters.q) void query.refetch();
    else navigate({ ...filters, q }, "push");
    // Scanner flow: the next scan replaces this one instead of appending to it.
    searchRef.current?.select();
  };

  // The order page's "back" link returns to this exact view.
  useEffect(() => {
    sessionStorage.setItem(LAST_LIST_KEY, searchFromFilters(filters));
  }, [filters]);

  // "/" focuses the search box from anywhere on the page, as in most consoles.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
      e.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const rowLinks = () =>
    Array.from(tableRef.current?.querySelectorAll<HTMLAnchorElement>(ROW_LINK) ?? []);

  const onSearchKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "ArrowDown") return;
    const first = rowLinks()[0];
    if (first) {
      e.preventDefault();
      first.focus();
    }
  };

  const onTableKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const links = rowLinks();
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    e.preventDefault();
    const next = e.key === "ArrowDown" ? i + 1 : i - 1;
    if (next < 0) searchRef.current?.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  };

  const openRow = (e: MouseEvent<HTMLTableRowElement>, id: number) => {
    if ((e.target as HTMLElement).closest("a, button, input, select, label")) return;
    if (window.getSelection()?.toString()) return; // selecting text to copy, not opening
    const href = `/orders/${id}`;
    if (e.metaKey || e.ctrlKey) window.open(href, "_blank", "noopener");
    else router.push(href);
  };

  /** "咖啡豆 500g 等 3 件": the first line's name (may be cut) and a suffix that never is. */
  const summary = (r: (typeof rows)[number]) => {
    if (!r.itemsSummary) return { name: t("noItems"), suffix: "" };
    const suffix =
      r.lineCount > 1
        ? t("itemsSummaryMany", { count: r.itemCount })
        : r.itemCount > 1
          ? t("itemsSummaryQty", { count: r.itemCount })
          : "";
    return { name: r.itemsSummary, suffix };
  };

  const filtered = hasFilters(filters);
  const stale = query.isPlaceholderData;
  const searching = query.isFetching && !query.isFetchingNextPage;

  return (
    <div className="space-y-3">
      <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
        <form role="search" onSubmit={submitSearch} className="flex items-center gap-2">
          <label htmlFor="orders-search" className="sr-only">
            {t("search.label")}
          </label>
          <div className="relative max-w-2xl flex-1">
            <Search
              className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400"
              aria-hidden
            />
            <Input
              ref={searchRef}
              id="orders-search"
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onSearchKeyDown}
              onFocus={(e) => e.currentTarget.select()}
              placeholder={t("search.placeholder")}
              aria-describedby="orders-search-hint"
              autoFocus
              autoComplete="off"
              autoCorrect="off"
              autoCapitalize="off"
              spellCheck={false}
              enterKeyHint="search"
              maxLength={64}
              className="pl-8 font-mono placeholder:font-sans"
            />
          </div>
          <Button type="submit">
            {searching ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
            {t("search.submit")}
          </Button>
          <p id="orders-search-hint" className="hidden text-xs text-slate-500 xl:block">
            {t("search.hint")}
          </p>
        </form>

        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">{t("filters.label")}</legend>
          <NativeSelect
            aria-label={t("filters.status")}
            value={filters.status}
            onChange={(e) => setFilter({ status: e.target.value as OrderFilters["status"] })}
            className={cn("h-7 text-xs", filters.status && "border-blue-400 bg-blue-50")}
          >
            <option value="">{t("filters.allStatuses")}</option>
            {orderStatusOptions.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            aria-label={t("filters.shop")}
            value={filters.shop}
            onChange={(e) => setFilter({ shop: e.target.value })}
            className={cn("h-7 max-w-48 text-xs", filters.shop && "border-blue-400 bg-blue-50")}
          >
            <option value="">{t("filters.allShops")}</option>
            {shops.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            aria-label={t("filters.warehouse")}
            value={filters.warehouse}
            onChange={(e) => setFilter({ warehouse: e.target.value })}
            className={cn(
              "h-7 max-w-48 text-xs",
              filters.warehouse && "border-blue-400 bg-blue-50",
            )}
          >
            <option value="">{t("filters.allWarehouses")}</option>
            {warehouses.data?.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            aria-label={t("filters.province")}
            value={filters.province}
            onChange={(e) => setFilter({ province: e.target.value })}
            className={cn("h-7 text-xs", filters.province && "border-blue-400 bg-blue-50")}
          >
            <option value="">{t("filters.allProvinces")}</option>
            {provinces.data?.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
          <div className="flex items-center gap-1 text-xs text-slate-600">
            <span aria-hidden>{t("filters.paidRange")}</span>
            <Input
              type="date"
              aria-label={t("filters.paidFrom")}
              value={filters.from}
              max={filters.to || undefined}
              onChange={(e) => setFilter({ from: e.target.value })}
              className={cn("h-7 w-36 text-xs", filters.from && "border-blue-400 bg-blue-50")}
            />
            <span aria-hidden>–</span>
            <Input
              type="date"
              aria-label={t("filters.paidTo")}
              value={filters.to}
              min={filters.from || undefined}
              onChange={(e) => setFilter({ to: e.target.value })}
              className={cn("h-7 w-36 text-xs", filters.to && "border-blue-400 bg-blue-50")}
            />
          </div>
          {filtered ? (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => {
                setText("");
                navigate(emptyFilters, "push");
              }}
            >
              <X aria-hidden />
              {t("filters.clear")}
            </Button>
          ) : null}
        </fieldset>
      </div>

      {query.isError && !query.data ? (
        <div
          role="alert"
          className="flex items-center justify-between rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
        >
          <span>
            {t("loadFailed")} {describeError(tAll, query.error)}
          </span>
          <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
            {tAll("common.retry")}
          </Button>
        </div>
      ) : !query.data ? (
        <p className="text-sm text-slate-500">{t("loading")}</p>
      ) : rows.length === 0 ? (
        <EmptyOrders
          filtered={filtered}
          canImport={canImport}
          onClear={() => {
            setText("");
            navigate(emptyFilters, "push");
          }}
        />
      ) : (
        <>
          <div
            className={cn("transition-opacity", stale && "opacity-60")}
            aria-busy={searching || undefined}
          >
            <Table ref={tableRef} aria-label={t("table.label")} onKeyDown={onTableKeyDown}>
              <thead>
                <tr className="whitespace-nowrap">
                  <Th>{t("table.platformOrderNo")}</Th>
                  <Th>{t("table.shop")}</Th>
                  <Th>{t("table.status")}</Th>
                  <Th>{t("table.recipient")}</Th>
                  <Th>{t("table.items")}</Th>
                  <Th className="text-right">{t("table.amount")}</Th>
                  <Th className="text-center">{t("table.parcels")}</Th>
                  <Th>{t("table.paidAt")}</Th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={r.id}
                    data-testid={`order-row-${r.id}`}
                    onClick={(e) => openRow(e, r.id)}
                    className="cursor-pointer leading-tight hover:bg-blue-50/50 has-[a:focus-visible]:bg-blue-50"
                  >
                    <Td className="whitespace-nowrap">
                      <Link
                        href={`/orders/${r.id}`}
                        data-row-link
                        className="font-mono text-xs font-medium text-blue-700 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
                      >
                        {r.platformOrderNo}
                      </Link>
                      <div className="mt-0.5 font-mono text-[11px] text-slate-400">#{r.id}</div>
                    </Td>
                    <Td className="max-w-40">
                      <div className="truncate" title={r.shopName}>
                        {r.shopName}
                      </div>
                      {r.warehouseName ? (
                        <div
                          className="mt-0.5 truncate text-xs text-slate-500"
                          title={r.warehouseName}
                        >
                          {r.warehouseName}
                        </div>
                      ) : null}
                    </Td>
                    <Td className="whitespace-nowrap">
                      <OrderStatusBadge status={r.status} />
                    </Td>
                    <Td className="whitespace-nowrap">
                      <div>
                        {r.recipientName}
                        <span className="ml-2 font-mono text-xs text-slate-600">
                          {r.recipientMobile}
                        </span>
                      </div>
                      <div className="mt-0.5 text-xs text-slate-500">{r.region}</div>
                    </Td>
                    <Td className="w-full max-w-0 min-w-48">
                      <ItemsSummary {...summary(r)} />
                    </Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">
                      {fmt.money(r.totalFen)}
                    </Td>
                    <Td
                      className={cn(
                        "text-center tabular-nums",
                        r.parcelCount === 0 && "text-slate-400",
                      )}
                    >
                      {r.parcelCount}
                    </Td>
                    <Td className="text-xs whitespace-nowrap text-slate-600 tabular-nums">
                      <time dateTime={r.paidAt.toISOString()}>
                        <span className="block">{fmt.date(r.paidAt)}</span>
                        <span className="mt-0.5 block text-slate-500">{fmt.time(r.paidAt)}</span>
                      </time>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <div className="flex items-center gap-3 text-xs text-slate-600">
            <span role="status">
              {query.hasNextPage
                ? t("loaded", { count: rows.length })
                : t("loadedAll", { count: rows.length })}
            </span>
            {query.hasNextPage ? (
              <Button
                variant="secondary"
                size="sm"
                disabled={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
              >
                {query.isFetchingNextPage ? (
                  <LoaderCircle className="animate-spin" aria-hidden />
                ) : null}
                {t("loadMore")}
              </Button>
            ) : null}
            {query.isFetchNextPageError ? (
              <span role="alert" className="text-red-700">
                {describeError(tAll, query.error)}
              </span>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}

function ItemsSummary({ name, suffix }: { name: string; suffix: string }) {
  return (
    <div className="flex min-w-0 items-baseline gap-1" title={suffix ? `${name} ${suffix}` : name}>
      <span className="truncate">{name}</span>
      {suffix ? <span className="shrink-0 text-slate-600">{suffix}</span> : null}
    </div>
  );
}

function EmptyOrders({
  filtered,
  canImport,
  onClear,
}: {
  filtered: boolean;
  canImport: boolean;
  onClear: () => void;
}) {
  const t = useTranslations("orders");
  const Icon = filtered ? SearchX : Inbox;
  return (
    <div className="flex flex-col items-center justify-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-14 text-center">
      <Icon className="mb-3 size-8 text-slate-400" aria-hidden />
      <h2 className="text-sm font-semibold text-slate-800">
        {filtered ? t("empty.filteredTitle") : t("empty.title")}
      </h2>
      <p className="mt-1 max-w-lg text-sm text-slate-600">
        {filtered ? t("empty.filteredBody") : t("empty.body")}
      </p>
      <div className="mt-4 flex items-center gap-2">
        {filtered ? (
          <Button variant="secondary" onClick={onClear}>
            <X aria-hidden />
            {t("filters.clear")}
          </Button>
        ) : (
          <>
            {canImport ? (
              <Button asChild>
                <Link href="/imports">
                  <Upload aria-hidden />
                  {t("importOrders")}
                </Link>
              </Button>
            ) : null}
            <Button asChild variant="secondary">
              <a href="/api/v1/openapi.json" target="_blank" rel="noreferrer">
                <FileCode2 aria-hidden />
                {t("empty.apiDocs")}
              </a>
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
