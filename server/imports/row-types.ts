import type { Field } from "./fields";

/**
 * Why a row was rejected. Two codes need explaining:
 * - "bad_flag": a 虚拟商品 value that is neither yes nor no; guessing could ship a gift card
 *   as a parcel or skip a real one.
 * - "order_has_errors": a valid row whose order has an invalid row elsewhere; importing the
 *   rest would create a partial order that a corrected re-upload could no longer complete.
 * "already_imported" is never produced by this pure code; the service sets it after its
 * database check.
 */
export type RowErrorCode =
  | "missing_field"
  | "invalid_mobile"
  | "unknown_region"
  | "bad_quantity"
  | "bad_weight"
  | "bad_price"
  | "bad_date"
  | "bad_flag"
  | "duplicate_in_file"
  | "conflicting_order"
  | "order_has_errors"
  | "already_imported";

export type RowError = { field: Field | null; code: RowErrorCode; message: string };

export type AddressInput = {
  full?: string;
  province?: string;
  city?: string;
  county?: string;
  detail?: string;
};
export type ParsedAddress =
  | {
      ok: true;
      provinceCode: string;
      cityCode: string;
      countyCode: string | null;
      provinceName: string;
      cityName: string;
      countyName: string | null;
      detail: string;
    }
  | { ok: false; message: string; suggestions: string[] };
export type ValidateContext = { parseAddress: (input: AddressInput) => ParsedAddress };

export type ImportRecipient = {
  name: string;
  mobile: string;
  /** Extension of a privacy virtual number (PDD/Taobao/Douyin), dialled after the number. */
  mobileExt?: string;
  provinceCode: string;
  cityCode: string;
  countyCode: string | null;
  provinceName: string;
  cityName: string;
  countyName: string | null;
  detail: string;
};
export type ImportItem = {
  sku: string;
  name: string;
  barcode: string | null;
  quantity: number;
  unitPriceFen: number | null;
  weightG: number | null;
  isVirtual: boolean;
};
/** One valid spreadsheet row: an order header plus one item. */
export type ImportLine = {
  orderNo: string;
  recipient: ImportRecipient;
  paidAt: Date | null;
  buyerRemark: string | null;
  sellerRemark: string | null;
  shopName: string | null;
  item: ImportItem;
};
export type ImportOrder = Omit<ImportLine, "item"> & { items: ImportItem[]; rowNumbers: number[] };

export type RowResult = { ok: true; line: ImportLine } | { ok: false; errors: RowError[] };

/** A valid row with its raw cells (duplicate detection compares every cell). */
export type LineEntry = { rowNumber: number; cells: string[]; line: ImportLine };
export type RejectedRow = { rowNumber: number; errors: RowError[] };
export type Grouped = { orders: ImportOrder[]; rejected: RejectedRow[] };
