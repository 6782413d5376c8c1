/**
 * The shipping queue's filters as they live in the URL (?tab=&warehouse=&shop=&q=), and the
 * `shipping.queue` input they stand for. Shared by the server page (prefetch) and the client
 * table, so both ask for exactly the same query key.
 */

export const queueTabs = ["awaiting", "held", "packed", "unprinted", "labelled"] as const;
export type QueueTab = (typeof queueTabs)[number];

export interface QueueFilters {
  tab: QueueTab;
  warehouseId: string;
  shopId: string;
  q: string;
}

export const QUEUE_PAGE_SIZE = 100;

type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export function parseQueueFilters(sp: SearchParams): QueueFilters {
  const tab = one(sp.tab);
  return {
    tab: (queueTabs as readonly string[]).includes(tab) ? (tab as QueueTab) : "awaiting",
    warehouseId: one(sp.warehouse).slice(0, 64),
    shopId: one(sp.shop).slice(0, 64),
    q: one(sp.q).trim().slice(0, 64),
  };
}

export function queueSearchString(f: QueueFilters): string {
  const sp = new URLSearchParams();
  if (f.tab !== "awaiting") sp.set("tab", f.tab);
  if (f.warehouseId) sp.set("warehouse", f.warehouseId);
  if (f.shopId) sp.set("shop", f.shopId);
  if (f.q) sp.set("q", f.q);
  const s = sp.toString();
  return s ? `?${s}` : "";
}

const tabStatus = {
  awaiting: "AWAITING_PACK",
  held: "AWAITING_PACK",
  packed: "PACKED",
  unprinted: "LABELLED",
  labelled: "LABELLED",
} as const satisfies Record<QueueTab, string>;

/**
 * Awaiting packing hides held parcels (they cannot be packed); the held tab lists them. Packed
 * parcels show whether held or not, with a badge, since a hold there blocks the label. Labelled
 * parcels have their waybill and wait for the courier; "not printed" narrows them to waybills
 * issued but never printed.
 */
export function queueInput(f: QueueFilters) {
  return {
    status: tabStatus[f.tab],
    ...(f.tab === "awaiting" ? { held: false } : f.tab === "held" ? { held: true } : {}),
    ...(f.tab === "unprinted" ? { printed: false } : {}),
    ...(f.warehouseId ? { warehouseId: f.warehouseId } : {}),
    ...(f.shopId ? { shopId: f.shopId } : {}),
    ...(f.q ? { q: f.q } : {}),
    limit: QUEUE_PAGE_SIZE,
  };
}

export function hasNarrowingFilters(f: QueueFilters): boolean {
  return Boolean(f.warehouseId || f.shopId || f.q);
}
