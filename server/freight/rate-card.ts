import { regionsNamed } from "@/server/regions/names";
import { regionByCode } from "@/server/regions/data";
import type { FreightZone, RegionSet, RegionSetRef } from "./types";

/**
 * Reads a courier-published rate card (ZTO / YTO / STO / Yunda style 首重/续重 tables) into
 * template zones. Pure: the spreadsheet has already been read into `string[][]` elsewhere.
 *
 * - The header row is the first of the first 10 rows naming a destination, a first-weight price
 *   and an additional-weight price column (title rows such as "中通快递 2024 价格表" above it are
 *   skipped). Recognised headers (full-width brackets and spaces tolerated):
 *     destination  目的地 / 省份 / 目的省份 / 到达省份 / 收件省份 / 地区 / 区域
 *     first price  首重(元) / 首重价格 / 首重 / 首重1kg(元)  (a weight in the header is the first weight)
 *     additional   续重(元/kg) / 续重(元/0.5kg) / 续重价格 / 续重  (the unit in the header is the step)
 *     optional     首重(kg) / 首重重量 · 续重单位(kg) · 时效(天) / 参考时效
 * - A destination cell names one or more regions separated by 、，, / ; or spaces: province names
 *   (浙江省, 浙江), short names (新疆, 内蒙古, 广西), cities (杭州市), names of the given region sets
 *   (江浙沪, 偏远地区), or 全国 / 其他 / 其它地区 for everything not listed elsewhere.
 * - Prices are yuan with up to 2 decimals ("12", "12.5", "¥12.50", "12元"); weights are kg with
 *   up to 3 decimals ("1", "0.5", "3kg") or grams ("500g"); transit days "2", "2天" or a range
 *   "2-3" (the upper bound is kept: promise what the courier promises at worst).
 * - Errors are per row like the order import: { row, field, code, message }. `row` is the 1-based
 *   row number in the table as given (the spreadsheet's line when the sheet starts at row 1).
 *   Valid rows still become zones; the caller decides whether to accept a partial card.
 */

export type RateCardField =
  | "destination"
  | "firstPrice"
  | "additionalPrice"
  | "firstWeight"
  | "additionalUnit"
  | "transitDays";

export type RateCardErrorCode =
  | "missing_columns"
  | "missing_field"
  | "unknown_destination"
  | "ambiguous_destination"
  | "duplicate_destination"
  | "bad_price"
  | "bad_weight"
  | "bad_days"
  | "no_rows";

export type RateCardError = {
  row: number;
  field: RateCardField | null;
  code: RateCardErrorCode;
  message: string;
};

export type RateCardOptions = {
  /** Where these prices ship from (a rate card is published per origin). */
  origin: RegionSetRef;
  /** Region sets whose names may appear as destinations (江浙沪, 偏远地区…). */
  regionSets?: readonly RegionSet[];
  /** First weight when the card has no 首重(kg) column and none in the header (default 1000 g). */
  firstWeightG?: number;
  /** Additional-weight step when neither a column nor the header gives one (default 1000 g). */
  additionalUnitG?: number;
};

export type RateCardRow = {
  row: number;
  destinationText: string;
  zone: FreightZone;
};

export type RateCardResult = {
  ok: boolean;
  /** 1-based row number of the header, or null when none was found. */
  headerRow: number | null;
  columns: Partial<Record<RateCardField, number>>;
  rows: RateCardRow[];
  zones: FreightZone[];
  errors: RateCardError[];
};

const HEADER_SCAN_ROWS = 10;
const WEIGHT_WORD = /(kg|公斤|千克|克|重量|\(g\)|^g$)/;
const PRICE_WORD = /(元|价|费|¥|rmb|yuan)/;
const UNIT_IN_HEADER = /(\d+(?:\.\d+)?)?\s*(kg|公斤|千克|g|克)/;
const EVERYWHERE = new Set([
  "全国",
  "其他",
  "其它",
  "其他地区",
  "其它地区",
  "其余地区",
  "其他省份",
]);
const SEPARATORS = /[、,;/|\s]+/;

/** NFKC (full-width to ASCII), no spaces, lower case. */
function norm(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

type HeaderInfo = {
  columns: Partial<Record<RateCardField, number>>;
  firstWeightFromHeader?: number;
  additionalUnitFromHeader?: number;
};

function gramsFromUnit(amount: string | undefined, unit: string): number | null {
  const n = amount === undefined ? 1 : Number(amount);
  const grams = unit === "g" || unit === "克" ? n : n * 1000;
  return Number.isInteger(grams) && grams > 0 ? grams : null;
}

function classify(header: string): RateCardField | null {
  const h = norm(header);
  if (h === "") return null;
  if (h.includes("时效") || h.includes("天数") || h.includes("transit")) return "transitDays";
  if (h.includes("首重") || h.startsWith("first")) {
    return WEIGHT_WORD.test(h) && !PRICE_WORD.test(h) && !/\d/.test(h)
      ? "firstWeight"
      : "firstPrice";
  }
  if (h.includes("续重") || h.startsWith("additional")) {
    return WEIGHT_WORD.test(h) && !PRICE_WORD.test(h) ? "additionalUnit" : "additionalPrice";
  }
  if (/(目的|到达|收件|寄达|省份|地区|区域|省市|destination)/.test(h)) return "destination";
  return null;
}

function readHeader(cells: readonly string[]): HeaderInfo {
  const info: HeaderInfo = { columns: {} };
  cells.forEach((cell, i) => {
    const field = classify(cell);
    if (!field || info.columns[field] !== undefined) return;
    info.columns[field] = i;
    const h = norm(cell);
    if (field === "firstPrice") {
      // "首重1kg(元)": the first weight is in the header.
      const m = /首重\(?(\d+(?:\.\d+)?)(kg|公斤|千克|g|克)/.exec(h);
      if (m?.[2]) info.firstWeightFromHeader = gramsFromUnit(m[1], m[2]) ?? undefined;
    }
    if (field === "additionalPrice") {
      // "续重(元/kg)", "续重(元/0.5kg)", "续重价格(每500g)".
      const m = /(?:\/|每)/.test(h) ? UNIT_IN_HEADER.exec(h.slice(h.search(/\/|每/))) : null;
      if (m?.[2]) info.additionalUnitFromHeader = gramsFromUnit(m[1], m[2]) ?? undefined;
    }
  });
  return info;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Yuan text to fen, exactly (string arithmetic): "12.5" -> 1250. */
export function parseYuan(text: string): Parsed<number> {
  const s = norm(text)
    .replace(/^[¥]|rmb|元$/g, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  const m = /^(\d{1,9})(?:\.(\d*))?$/.exec(s);
  if (!m?.[1]) return { ok: false, reason: `${JSON.stringify(text)} is not a price in yuan` };
  const frac = m[2] ?? "";
  if (/[1-9]/.test(frac.slice(2))) {
    return { ok: false, reason: `${JSON.stringify(text)} has more than 2 decimals (fen)` };
  }
  return { ok: true, value: Number(m[1]) * 100 + Number(frac.slice(0, 2).padEnd(2, "0")) };
}

/** Weight text to grams: "1" / "0.5" / "3kg" / "3公斤" are kg, "500g" / "500克" are grams. */
export function parseWeight(text: string): Parsed<number> {
  const s = norm(text);
  const m = /^(\d{1,6})(?:\.(\d*))?(kg|公斤|千克|g|克)?$/.exec(s);
  if (!m?.[1]) return { ok: false, reason: `${JSON.stringify(text)} is not a weight` };
  const frac = m[2] ?? "";
  const grams = m[3] === "g" || m[3] === "克";
  let value: number;
  if (grams) {
    if (/[1-9]/.test(frac))
      return { ok: false, reason: `${JSON.stringify(text)}: whole grams only` };
    value = Number(m[1]);
  } else {
    if (/[1-9]/.test(frac.slice(3))) {
      return { ok: false, reason: `${JSON.stringify(text)} has more than 3 decimals (grams)` };
    }
    value = Number(m[1]) * 1000 + Number(frac.slice(0, 3).padEnd(3, "0"));
  }
  if (value <= 0) return { ok: false, reason: `${JSON.stringify(text)} must be above zero` };
  return { ok: true, value };
}

/** "2" / "2天" / "2-3" / "2~3日" -> the (upper) number of days. */
export function parseDays(text: string): Parsed<number> {
  const s = norm(text).replace(/(天|日|days?)$/, "");
  const m = /^(\d{1,2})(?:[-~至到](\d{1,2}))?$/.exec(s);
  if (!m?.[1]) return { ok: false, reason: `${JSON.stringify(text)} is not a number of days` };
  const low = Number(m[1]);
  const high = m[2] === undefined ? low : Number(m[2]);
  if (high < low) return { ok: false, reason: `${JSON.stringify(text)}: range runs backwards` };
  return { ok: true, value: high };
}

type Destination =
  | { ok: true; ref: RegionSetRef; keys: string[]; names: string[] }
  | { ok: false; code: "unknown_destination" | "ambiguous_destination"; message: string };

function resolveToken(
  token: string,
  sets: readonly RegionSet[],
):
  | { kind: "all" }
  | { kind: "set"; set: RegionSet }
  | { kind: "codes"; codes: string[]; name: string }
  | string {
  if (EVERYWHERE.has(token)) return { kind: "all" };
  const set = sets.find((s) => s.name === token || s.id === token);
  if (set) return { kind: "set", set };
  const entries = regionsNamed(token);
  if (entries.length === 0) return `unknown destination ${JSON.stringify(token)}`;
  const top = Math.min(...entries.map((e) => e.region.level));
  const best = [...new Set(entries.filter((e) => e.region.level === top).map((e) => e.region))];
  if (best.length > 1) {
    const which = best.map((r) => `${r.name} (${r.code})`).join(", ");
    return `ambiguous destination ${JSON.stringify(token)}: ${which}; write the full name`;
  }
  return { kind: "codes", codes: [best[0]!.code], name: best[0]!.name };
}

function resolveDestination(text: string, sets: readonly RegionSet[]): Destination {
  const whole = text.normalize("NFKC").trim();
  // The whole cell first (a set name may contain a space), then its separated parts.
  const parts =
    typeof resolveToken(whole, sets) !== "string" || !SEPARATORS.test(whole)
      ? [whole]
      : whole.split(SEPARATORS).filter(Boolean);
  const codes: string[] = [];
  const names: string[] = [];
  let all = false;
  let onlySet: RegionSet | null = null;
  for (const part of parts) {
    const r = resolveToken(part, sets);
    if (typeof r === "string") {
      return {
        ok: false,
        code: r.startsWith("ambiguous") ? "ambiguous_destination" : "unknown_destination",
        message: r,
      };
    }
    if (r.kind === "all") all = true;
    else if (r.kind === "set") {
      onlySet = parts.length === 1 ? r.set : null;
      codes.push(...r.set.codes);
      names.push(r.set.name);
    } else {
      codes.push(...r.codes);
      names.push(r.name);
    }
  }
  if (all) {
    if (parts.length > 1) {
      return {
        ok: false,
        code: "ambiguous_destination",
        message: `${JSON.stringify(text)} mixes 全国/其他 with named regions`,
      };
    }
    return { ok: true, ref: { type: "all" }, keys: ["*"], names: ["全国"] };
  }
  const unique = [...new Set(codes)];
  const ref: RegionSetRef = onlySet
    ? { type: "set", id: onlySet.id }
    : { type: "codes", codes: unique };
  return { ok: true, ref, keys: unique, names };
}

export function parseRateCard(
  table: readonly (readonly string[])[],
  options: RateCardOptions,
): RateCardResult {
  const sets = options.regionSets ?? [];
  const errors: RateCardError[] = [];
  const rows: RateCardRow[] = [];
  let header: HeaderInfo | null = null;
  let headerIndex = -1;
  for (let i = 0; i < Math.min(table.length, HEADER_SCAN_ROWS); i++) {
    const info = readHeader(table[i] ?? []);
    const c = info.columns;
    if (
      c.destination !== undefined &&
      c.firstPrice !== undefined &&
      c.additionalPrice !== undefined
    ) {
      header = info;
      headerIndex = i;
      break;
    }
  }
  if (!header) {
    const best = table.slice(0, HEADER_SCAN_ROWS).map((cells) => readHeader(cells ?? []).columns);
    const found = best.reduce<Partial<Record<RateCardField, number>>>(
      (acc, c) => (Object.keys(c).length > Object.keys(acc).length ? c : acc),
      {},
    );
    const missing = (["destination", "firstPrice", "additionalPrice"] as const).filter(
      (f) => found[f] === undefined,
    );
    const expected: Record<(typeof missing)[number], string> = {
      destination: "目的地/省份",
      firstPrice: "首重(元)",
      additionalPrice: "续重(元/kg)",
    };
    errors.push({
      row: 1,
      field: missing[0] ?? null,
      code: "missing_columns",
      message:
        `no header row with destination, first-weight and additional-weight price columns in the ` +
        `first ${HEADER_SCAN_ROWS} rows; missing: ${missing.map((f) => expected[f]).join(", ")}`,
    });
    return { ok: false, headerRow: null, columns: found, rows, zones: [], errors };
  }

  const cols = header.columns;
  const defaultFirst = header.firstWeightFromHeader ?? options.firstWeightG ?? 1000;
  const defaultUnit = header.additionalUnitFromHeader ?? options.additionalUnitG ?? 1000;
  const seen = new Map<string, { row: number; name: string }>();
  const cell = (cells: readonly string[], field: RateCardField): string => {
    const i = cols[field];
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };

  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    const row = i + 1;
    if (cells.every((c) => (c ?? "").trim() === "")) continue;
    const rowErrors: RateCardError[] = [];
    const err = (field: RateCardField | null, code: RateCardErrorCode, message: string) =>
      rowErrors.push({ row, field, code, message });

    const destinationText = cell(cells, "destination");
    let destination: Destination | null = null;
    if (destinationText === "") err("destination", "missing_field", "destination is empty");
    else {
      destination = resolveDestination(destinationText, sets);
      if (!destination.ok) err("destination", destination.code, destination.message);
    }

    const money = (field: "firstPrice" | "additionalPrice", label: string): number | null => {
      const text = cell(cells, field);
      if (text === "") {
        err(field, "missing_field", `${label} is empty`);
        return null;
      }
      const parsed = parseYuan(text);
      if (!parsed.ok) err(field, "bad_price", `${label}: ${parsed.reason}`);
      return parsed.ok ? parsed.value : null;
    };
    const firstPriceFen = money("firstPrice", "first-weight price (首重)");
    const additionalUnitPriceFen = money("additionalPrice", "additional-weight price (续重)");

    const weight = (field: "firstWeight" | "additionalUnit", fallback: number): number | null => {
      const text = cell(cells, field);
      if (text === "") return fallback;
      const parsed = parseWeight(text);
      if (!parsed.ok) err(field, "bad_weight", parsed.reason);
      return parsed.ok ? parsed.value : null;
    };
    const firstWeightG = weight("firstWeight", defaultFirst);
    const additionalUnitG = weight("additionalUnit", defaultUnit);

    let transitDays: number | undefined;
    const daysText = cell(cells, "transitDays");
    if (daysText !== "") {
      const parsed = parseDays(daysText);
      if (parsed.ok) transitDays = parsed.value;
      else err("transitDays", "bad_days", parsed.reason);
    }

    if (destination?.ok) {
      const dupes = destination.keys
        .map((k) => ({ k, first: seen.get(k) }))
        .filter((d): d is { k: string; first: { row: number; name: string } } => !!d.first);
      if (dupes.length > 0) {
        const list = dupes
          .map((d) => `${d.first.name} (row ${d.first.row})`)
          .slice(0, 5)
          .join(", ");
        err("destination", "duplicate_destination", `already priced on an earlier row: ${list}`);
      }
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const dest = destination as Extract<Destination, { ok: true }>;
    for (const k of dest.keys) {
      seen.set(k, { row, name: k === "*" ? "全国" : (regionByCode(k)?.name ?? k) });
    }
    const zone: FreightZone = {
      origin: options.origin,
      destination: dest.ref,
      firstWeightG: firstWeightG!,
      firstPriceFen: firstPriceFen!,
      additionalUnitG: additionalUnitG!,
      additionalUnitPriceFen: additionalUnitPriceFen!,
      ...(transitDays === undefined ? {} : { transitDays }),
    };
    rows.push({ row, destinationText, zone });
  }
  if (rows.length === 0 && errors.length === 0) {
    errors.push({
      row: headerIndex + 1,
      field: null,
      code: "no_rows",
      message: "the rate card has no price rows",
    });
  }
  return {
    ok: errors.length === 0,
    headerRow: headerIndex + 1,
    columns: cols,
    rows,
    zones: rows.map((r) => r.zone),
    errors,
  };
}
