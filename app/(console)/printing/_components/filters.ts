/**
 * The printing screen's filters as they live in the URL (?tab=&warehouse=&q=), and the
 * `printing.printable` input they stand for: the server page prefetches exactly the query the
 * client then reads.
 */
export const printingTabs = ["unprinted", "printed", "history"] as const;
export type PrintingTab = (typeof printingTabs)[number];

export interface PrintingFilters {
  tab: PrintingTab;
  warehouseId: string;
  q: string;
}

export const PRINTABLE_PAGE_SIZE = 100;
export const HISTORY_PAGE_SIZE = 50;

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export function parsePrintingFilters(sp: SearchParams): PrintingFilters {
  const tab = one(sp.tab);
  return {
    // Default: "waybill issued but not printed", the warehouse's to-do list.
    tab: (printingTabs as readonly string[]).includes(tab) ? (tab as PrintingTab) : "unprinted",
    warehouseId: one(sp.warehouse).slice(0, 64),
    q: one(sp.q).trim().slice(0, 64),
  };
}

export function printingSearchString(f: PrintingFilters): string {
  const sp = new URLSearchParams();
  if (f.tab !== "unprinted") sp.set("tab", f.tab);
  if (f.warehouseId) sp.set("warehouse", f.warehouseId);
  if (f.q) sp.set("q", f.q);
  const s = sp.toString();
  return s ? `?${s}` : "";
}

export function printableInput(f: PrintingFilters) {
  return {
    printed: f.tab === "printed",
    ...(f.warehouseId ? { warehouseId: f.warehouseId } : {}),
    ...(f.q ? { q: f.q } : {}),
    limit: PRINTABLE_PAGE_SIZE,
  };
}

export const historyInput = { limit: HISTORY_PAGE_SIZE };
