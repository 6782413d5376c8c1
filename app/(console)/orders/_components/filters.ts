import type { inferRouterInputs } from "@trpc/server";
import type { OrderStatus } from "@/db/schema/orders";
import type { AppRouter } from "@/server/trpc/routers/_app";

/**
 * The orders list's filters as they live in the URL (?q=&status=&shop=&warehouse=&province=&from=&to=),
 * so a filtered view can be reloaded and shared. The server page and the client list both turn them
 * into the same tRPC input, so the server's prefetch is what the client reads.
 */
export type ListInput = inferRouterInputs<AppRouter>["orders"]["list"];

export const orderStatusOptions = [
  "PAID",
  "AWAITING_SHIPMENT",
  "PACKED",
  "LABELLED",
  "SHIPPED",
  "DELIVERED",
  "COMPLETED",
  "CANCELLED",
] as const satisfies readonly OrderStatus[];

export const PAGE_SIZE = 50;

export interface OrderFilters {
  q: string;
  status: OrderStatus | "";
  shop: string;
  warehouse: string;
  province: string;
  /** YYYY-MM-DD, a day in Asia/Shanghai, inclusive. */
  from: string;
  to: string;
}

export const emptyFilters: OrderFilters = {
  q: "",
  status: "",
  shop: "",
  warehouse: "",
  province: "",
  from: "",
  to: "",
};

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(dayStart(s).getTime());
const isStatus = (s: string): s is OrderStatus =>
  (orderStatusOptions as readonly string[]).includes(s);

/** Midnight of a day in Asia/Shanghai (UTC+8 all year, no daylight saving). */
function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

type Get = (key: string) => string | null | undefined;

/** Reads filters from search params; values the server would reject are dropped, not sent. */
export function filtersFromParams(get: Get): OrderFilters {
  const s = (k: string) => (get(k) ?? "").trim();
  const status = s("status");
  const province = s("province");
  const from = s("from");
  const to = s("to");
  return {
    q: s("q").slice(0, 64),
    status: isStatus(status) ? status : "",
    shop: s("shop"),
    warehouse: s("warehouse"),
    province: /^\d{6}$/.test(province) ? province : "",
    from: isDay(from) ? from : "",
    to: isDay(to) ? to : "",
  };
}

/** For the server page, which receives search params as a plain object. */
export function filtersFromRecord(
  record: Record<string, string | string[] | undefined>,
): OrderFilters {
  return filtersFromParams((k) => {
    const v = record[k];
    return Array.isArray(v) ? v[0] : v;
  });
}

export function searchFromFilters(f: OrderFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f) as [string, string][]) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

export function hasFilters(f: OrderFilters): boolean {
  return Object.values(f).some(Boolean);
}

export function listInput(f: OrderFilters): ListInput {
  return {
    q: f.q || undefined,
    status: f.status || undefined,
    shopId: f.shop || undefined,
    warehouseId: f.warehouse || undefined,
    provinceCode: f.province || undefined,
    paidFrom: f.from ? dayStart(f.from) : undefined,
    // The "to" day is inclusive: everything before the next midnight.
    paidTo: f.to ? new Date(dayStart(f.to).getTime() + 24 * 60 * 60 * 1000) : undefined,
    limit: PAGE_SIZE,
  };
}
