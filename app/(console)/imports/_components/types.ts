import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/routers/_app";

type Outputs = inferRouterOutputs<AppRouter>["imports"];
export type ImportBatch = NonNullable<Outputs["byId"]>;
export type ImportListItem = Outputs["list"]["items"][number];
export type ImportStatus = ImportBatch["status"];
export type FieldInfo = Outputs["fields"]["fields"][number];

export type RowError = { field: string | null; code: string; message: string };
/** One entry of `previewRows` (stored as JSON, so typed here). */
export type PreviewRow = {
  rowNumber: number;
  cells: string[];
  errors: RowError[];
  alreadyImported: boolean;
  region: string | null;
};

/** Statuses during which the server is still working on the file: poll until they change. */
export const busyStatuses: readonly ImportStatus[] = ["uploaded", "previewing", "committing"];
export const isBusy = (status: ImportStatus | undefined) =>
  status !== undefined && busyStatuses.includes(status);

/** Labels are `imports.presets.<id>`; anything else (an older or unknown preset) shows as "none". */
export const presetIds = ["taobao", "jd", "pdd", "douyin", "express-console", "saved", "manual"];
export const presetKey = (preset: string | null) =>
  preset && presetIds.includes(preset) ? preset : "none";

/** Row error codes with a label under `imports.rowErrors.<code>`. */
export const rowErrorCodes = [
  "missing_field",
  "invalid_mobile",
  "unknown_region",
  "bad_quantity",
  "bad_weight",
  "bad_price",
  "bad_date",
  "bad_flag",
  "duplicate_in_file",
  "conflicting_order",
  "order_has_errors",
  "already_imported",
];

/** How an encoding is usually called by the people who open these files in Excel. */
export function encodingLabel(format: string | null, encoding: string | null): string | null {
  if (format === "xlsx") return "Excel (XLSX)";
  switch (encoding) {
    case "gb18030":
      return "GBK / GB18030";
    case "utf-8":
      return "UTF-8";
    case "utf-8-bom":
      return "UTF-8 (BOM)";
    case "utf-16le":
      return "UTF-16 LE";
    case "utf-16be":
      return "UTF-16 BE";
    default:
      return encoding;
  }
}

/** Fields listed in the server's "Missing columns: a, b" error, or null when it is another error. */
export function missingColumns(error: string | null): string[] | null {
  const m = error?.match(/^Missing columns:\s*(.*)$/);
  if (!m) return null;
  return m[1]!
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Mirrors the server's rule: the six required fields plus an address (full, or all four parts). */
export const structuredAddress = ["province", "city", "county", "addressDetail"];
export function missingInMapping(required: string[], mapping: Record<string, string>): string[] {
  const missing = required.filter((f) => !mapping[f]);
  if (!mapping.fullAddress) {
    const absent = structuredAddress.filter((f) => !mapping[f]);
    if (absent.length === structuredAddress.length) missing.push("fullAddress");
    else missing.push(...absent);
  }
  return missing;
}

export const LAST_SHOP_KEY = "imports.lastShopId";

/** Import history page size (the server page prefetches the same query). */
export const HISTORY_PAGE = 20;
