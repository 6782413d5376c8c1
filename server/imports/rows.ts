import { FIELD_LABELS, type ColumnMapping, type Field } from "./fields";
import { groupLines } from "./group";
import type {
  AddressInput,
  Grouped,
  ImportRecipient,
  LineEntry,
  ParsedAddress,
  RejectedRow,
  RowError,
  RowErrorCode,
  RowResult,
  ValidateContext,
} from "./row-types";
import {
  parseFlag,
  parseMobile,
  parsePriceFen,
  parseQuantity,
  parseShanghaiDateTime,
  parseWeightG,
  show,
  type Parsed,
} from "./values";

// One import site for the validation API and its types.
export type * from "./row-types";
export { groupLines } from "./group";

/** Trimmed text of a mapped cell; "" when the field is unmapped or the row is short. */
export function cellOf(cells: string[], mapping: ColumnMapping, field: Field): string {
  const i = mapping[field];
  return i === undefined ? "" : (cells[i] ?? "").trim();
}

function required(cells: string[], mapping: ColumnMapping, field: Field, errors: RowError[]) {
  const value = cellOf(cells, mapping, field);
  if (!value) {
    const why = mapping[field] === undefined ? "no column is mapped to it" : "the cell is empty";
    errors.push({
      field,
      code: "missing_field",
      message: `${FIELD_LABELS[field].en} is required but ${why}.`,
    });
  }
  return value;
}

function optional<T>(
  cells: string[],
  mapping: ColumnMapping,
  field: Field,
  code: RowErrorCode,
  parse: (raw: string) => Parsed<T>,
  errors: RowError[],
): T | null {
  const raw = cellOf(cells, mapping, field);
  if (!raw) return null;
  const parsed = parse(raw);
  if (parsed.ok) return parsed.value;
  errors.push({ field, code, message: parsed.reason });
  return null;
}

/**
 * Validates one row and reports every problem in it at once, so users fix a row in one go.
 * (Plain functions, no closures per row: this runs 100k times for a big file.)
 */
export function validateRow(
  cells: string[],
  mapping: ColumnMapping,
  ctx: ValidateContext,
): RowResult {
  const errors: RowError[] = [];
  const orderNo = required(cells, mapping, "orderNo", errors);
  const name = required(cells, mapping, "recipientName", errors);
  const mobileRaw = required(cells, mapping, "recipientMobile", errors);
  const mobile = mobileRaw ? parseMobile(mobileRaw) : null;
  if (mobile && !mobile.ok)
    errors.push({ field: "recipientMobile", code: "invalid_mobile", message: mobile.reason });
  const address = validateAddress(cells, mapping, ctx, errors);
  const sku = required(cells, mapping, "sku", errors);
  const itemName = required(cells, mapping, "itemName", errors);
  const quantityRaw = required(cells, mapping, "quantity", errors);
  const quantity = quantityRaw ? parseQuantity(quantityRaw) : null;
  if (quantity && !quantity.ok)
    errors.push({ field: "quantity", code: "bad_quantity", message: quantity.reason });
  const unitPriceFen = optional(cells, mapping, "unitPrice", "bad_price", parsePriceFen, errors);
  const weightG = optional(cells, mapping, "weightG", "bad_weight", parseWeightG, errors);
  const isVirtual = optional(cells, mapping, "isVirtual", "bad_flag", parseFlag, errors) ?? false;
  const paidAt = optional(cells, mapping, "paidAt", "bad_date", parseShanghaiDateTime, errors);

  if (errors.length > 0 || !mobile?.ok || !address?.ok || !quantity?.ok) {
    return { ok: false, errors };
  }
  const recipient: ImportRecipient = {
    name,
    mobile: mobile.value.mobile,
    provinceCode: address.provinceCode,
    cityCode: address.cityCode,
    countyCode: address.countyCode,
    provinceName: address.provinceName,
    cityName: address.cityName,
    countyName: address.countyName,
    detail: address.detail,
  };
  if (mobile.value.ext) recipient.mobileExt = mobile.value.ext;
  return {
    ok: true,
    line: {
      orderNo,
      recipient,
      paidAt,
      buyerRemark: cellOf(cells, mapping, "buyerRemark") || null,
      sellerRemark: cellOf(cells, mapping, "sellerRemark") || null,
      shopName: cellOf(cells, mapping, "shopName") || null,
      item: {
        sku,
        name: itemName,
        barcode: cellOf(cells, mapping, "barcode") || null,
        quantity: quantity.value,
        unitPriceFen,
        weightG,
        isVirtual,
      },
    },
  };
}

const REGION_FIELDS = [
  ["province", "province"],
  ["city", "city"],
  ["county", "county"],
] as const;

/**
 * Hands whatever address columns the row has to the injected parser. 街道 (street) is
 * prefixed to 详细地址 unless the detail already starts with it (PDD sometimes repeats it).
 */
function validateAddress(
  cells: string[],
  mapping: ColumnMapping,
  ctx: ValidateContext,
  errors: RowError[],
): ParsedAddress | null {
  const street = cellOf(cells, mapping, "street");
  const rawDetail = cellOf(cells, mapping, "addressDetail");
  const detail = street && !rawDetail.startsWith(street) ? street + rawDetail : rawDetail;
  const input: AddressInput = {};
  const full = cellOf(cells, mapping, "fullAddress");
  if (full) input.full = full;
  for (const [key, field] of REGION_FIELDS) {
    const value = cellOf(cells, mapping, field);
    if (value) input[key] = value;
  }
  if (detail) input.detail = detail;
  if (!input.full && !input.detail) {
    // Province/city/district alone is not deliverable, so that case names the missing detail.
    const hasRegion = Boolean(input.province ?? input.city ?? input.county);
    const field: Field =
      hasRegion || (mapping.fullAddress === undefined && mapping.addressDetail !== undefined)
        ? "addressDetail"
        : "fullAddress";
    errors.push({
      field,
      code: "missing_field",
      message: hasRegion
        ? "Address detail (street and number) is required but the cell is empty."
        : "The address is required but the row has none (完整地址, or 省/市/区 with 详细地址).",
    });
    return null;
  }
  const parsed = ctx.parseAddress(input);
  if (!parsed.ok) {
    const hint =
      parsed.suggestions.length > 0 ? ` Did you mean: ${parsed.suggestions.join(", ")}?` : "";
    const shown =
      input.full ??
      [input.province, input.city, input.county, input.detail].filter(Boolean).join(" ");
    errors.push({
      field: input.full && !input.province ? "fullAddress" : "province",
      code: "unknown_region",
      message: `Address ${show(shown)}: ${parsed.message}${hint}`,
    });
  }
  return parsed;
}

/**
 * The whole pure pipeline for a read table: validate every row, then group. Row numbers are
 * the table's spreadsheet rows. Invalid rows still name their order (when the cell has one),
 * so that order's other rows are held back instead of imported half.
 */
export function validateRows(
  rows: string[][],
  rowNumbers: number[],
  mapping: ColumnMapping,
  ctx: ValidateContext,
): Grouped {
  const valid: LineEntry[] = [];
  const invalid: RejectedRow[] = [];
  const failedOrderNos = new Set<string>();
  rows.forEach((cells, i) => {
    const rowNumber = rowNumbers[i] ?? i + 2;
    const result = validateRow(cells, mapping, ctx);
    if (result.ok) {
      valid.push({ rowNumber, cells, line: result.line });
    } else {
      invalid.push({ rowNumber, errors: result.errors });
      const orderNo = cellOf(cells, mapping, "orderNo");
      if (orderNo) failedOrderNos.add(orderNo);
    }
  });
  const grouped = groupLines(valid, failedOrderNos);
  const rejected = [...invalid, ...grouped.rejected].sort((a, b) => a.rowNumber - b.rowNumber);
  return { orders: grouped.orders, rejected };
}
