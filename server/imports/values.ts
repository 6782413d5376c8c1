/**
 * Parsers for the individual cell values of an order row. Each returns either the value or a
 * specific English reason; rows.ts turns reasons into RowErrors. Money and weights are parsed
 * with string/integer arithmetic only: "0.29" * 100 in floating point is 28.999999999999996.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Quotes a user value for a message, shortened so one bad cell cannot flood the report. */
export function show(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** Printable ASCII without spaces: already what `compact` makes of it (NFKC leaves ASCII alone). */
const PLAIN_ASCII = /^[\x21-\x7e]*$/;
/** Printable ASCII, spaces allowed. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Full-width digits/letters/punctuation (common in IME-typed sheets) to ASCII, spaces removed. */
function compact(raw: string): string {
  if (PLAIN_ASCII.test(raw)) return raw;
  return raw.normalize("NFKC").replace(/\s+/g, "");
}

const MOBILE = /^1[3-9]\d{9}$/;

export type Mobile = { mobile: string; ext?: string };

/**
 * Mainland mobile numbers as platforms export them: "+86 138-0013-8000", "0086…", "86…",
 * and privacy-protected virtual numbers with an extension the courier must dial:
 * "13800138000-1234", "13800138000转1234", "13800138000,1234", "13800138000#1234".
 * Masked numbers ("138****5678") are rejected with the reason, since nobody can call them.
 */
export function parseMobile(raw: string): Parsed<Mobile> {
  // The usual cell, 11 plain digits, is what the full path below would make of it anyway.
  if (MOBILE.test(raw)) return ok({ mobile: raw });
  const s = compact(raw).replace(/[()（）[\]]/g, "");
  if (/[*＊]/.test(s) || /\d{3}x{4}\d{4}/i.test(s)) {
    return fail(
      `Recipient mobile ${show(raw)} is masked: the platform export hid the number. Export again ` +
        "with full recipient details (or decrypt it in the platform's order tool) and re-import.",
    );
  }
  let main = s;
  let ext: string | undefined;
  const marked = /^(.+?)(?:转|ext\.?|[,#;])(\d{1,6})$/i.exec(s);
  if (marked?.[1] && marked[2]) {
    main = marked[1];
    ext = marked[2];
  }
  main = main.replace(/^(?:\+86|0086|86)(?=-?1)/, "");
  let digits = main.replace(/-/g, "");
  if (ext === undefined && !MOBILE.test(digits)) {
    // "13800138000-1234": the last dash-separated group may be a virtual-number extension.
    const cut = main.lastIndexOf("-");
    const head = cut > 0 ? main.slice(0, cut).replace(/-/g, "") : "";
    const tail = cut > 0 ? main.slice(cut + 1) : "";
    if (MOBILE.test(head) && /^\d{1,6}$/.test(tail)) {
      digits = head;
      ext = tail;
    }
  }
  if (!MOBILE.test(digits)) {
    return fail(
      `Recipient mobile ${show(raw)} is not a mainland China mobile number ` +
        "(11 digits starting with 13–19, optionally +86 and an extension like -1234).",
    );
  }
  return ok(ext === undefined ? { mobile: digits } : { mobile: digits, ext });
}

/** Digits with optional decimals, tolerating "1,234.50" thousands separators. */
const DECIMAL = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/;

/**
 * Splits a non-negative decimal into integer digits and exactly `scale` fraction digits.
 * Extra fraction digits are allowed only if they are zeros ("59.900" is 59.90).
 */
function fixedPoint(
  s: string,
  scale: number,
): { int: string; frac: string } | "bad" | "too_precise" {
  const m = DECIMAL.exec(s);
  if (!m?.[1]) return "bad";
  const int = m[1].replace(/,/g, "");
  const fracRaw = m[2] ?? "";
  if (fracRaw.length > scale && /[^0]/.test(fracRaw.slice(scale))) return "too_precise";
  return { int, frac: fracRaw.slice(0, scale).padEnd(scale, "0") };
}

export const MAX_QUANTITY = 9999;

/** A positive whole number of pieces, at most 9999 per row ("2.0" from Excel is fine). */
export function parseQuantity(raw: string): Parsed<number> {
  const fp = fixedPoint(compact(raw), 0);
  const n = typeof fp === "object" && fp.int.length <= 6 ? Number(fp.int) : NaN;
  if (!(n >= 1 && n <= MAX_QUANTITY)) {
    return fail(`Quantity ${show(raw)} must be a whole number from 1 to ${MAX_QUANTITY}.`);
  }
  return ok(n);
}

/** Prices above this are typos (or a total in fen), not goods anyone ships: 100 million yuan. */
const MAX_PRICE_YUAN_DIGITS = 8;

/** Yuan with at most 2 decimals ("¥1,299.9", "59.90元") to integer fen, without floats. */
/** "68" or "68.00": the usual price cell, read without the general path's copies. */
const PLAIN_PRICE = /^(\d{1,8})(?:\.(\d\d))?$/;

export function parsePriceFen(raw: string): Parsed<number> {
  const plain = PLAIN_PRICE.exec(raw);
  if (plain) return ok(Number(plain[1]) * 100 + (plain[2] ? Number(plain[2]) : 0));
  const s = compact(raw)
    .replace(/^[¥￥]/, "")
    .replace(/元$/, "");
  const fp = fixedPoint(s, 2);
  if (fp === "too_precise") {
    return fail(
      `Unit price ${show(raw)} has more than 2 decimal places; prices are in yuan and fen.`,
    );
  }
  if (fp === "bad" || fp.int.length > MAX_PRICE_YUAN_DIGITS) {
    return fail(`Unit price ${show(raw)} is not an amount in yuan such as 59.90.`);
  }
  return ok(Number(fp.int) * 100 + Number(fp.frac));
}

export const MAX_WEIGHT_G = 100_000;
const PLAIN_GRAMS = /^\d{1,6}$/;

/**
 * Whole grams 1..100000. Bare numbers and "g"/"克" are grams; "kg"/"公斤"/"千克" are converted
 * exactly (1.2kg → 1200), so a kilogram value that is not whole grams is an error, not rounded.
 */
export function parseWeightG(raw: string): Parsed<number> {
  // Bare whole grams, the usual cell: the general path's answer without its copies.
  if (PLAIN_GRAMS.test(raw)) {
    const grams = Number(raw);
    if (grams <= MAX_WEIGHT_G) return ok(grams);
  }
  const s = compact(raw).toLowerCase();
  const kg = /^(.*?)(?:kg|公斤|千克)$/.exec(s);
  const number = kg ? (kg[1] ?? "") : s.replace(/(?:g|克)$/, "");
  const fp = fixedPoint(number, kg ? 3 : 0);
  // 0 is what platforms and our own template write for virtual goods (gift cards have no weight).
  const range = `whole grams from 0 to ${MAX_WEIGHT_G}`;
  if (fp === "too_precise") {
    return fail(`Weight ${show(raw)} is not a whole number of grams (${range}).`);
  }
  const grams = typeof fp === "object" && fp.int.length <= 9 ? Number(fp.int + fp.frac) : NaN;
  if (!(grams >= 0 && grams <= MAX_WEIGHT_G)) {
    return fail(`Weight ${show(raw)} must be ${range} (a "kg" suffix is converted).`);
  }
  return ok(grams);
}

const TRUE_WORDS = new Set(["是", "y", "yes", "true", "1"]);
const FALSE_WORDS = new Set(["否", "n", "no", "false", "0", ""]);

/** 是/否, Y/N, yes/no, true/false (Excel writes TRUE/FALSE), 1/0; empty means no. */
const YES = ok(true);
const NO = ok(false);

export function parseFlag(raw: string): Parsed<boolean> {
  if (raw === "否") return NO;
  if (raw === "是") return YES;
  const s = compact(raw).toLowerCase();
  if (TRUE_WORDS.has(s)) return YES;
  if (FALSE_WORDS.has(s)) return NO;
  return fail(
    `Virtual item ${show(raw)} must be 是 or 否 (also Y/N, true/false, 1/0, or empty for no).`,
  );
}

const DATE_TIME =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d{1,3})?)?)?$/;
/** Asia/Shanghai is UTC+8 all year; China has had no daylight saving time since 1991. */
const SHANGHAI_OFFSET_H = 8;

const dateReason = (raw: string) =>
  `Paid time ${show(raw)} is not a date-time like 2024-06-18 20:15:00 (Beijing time).`;

/**
 * "YYYY-MM-DD HH:mm:ss" (also "/" or "." separators, no leading zeros, seconds or time
 * optional, which is what Excel writes when it re-saves a CSV) read as Beijing time → UTC Date.
 * Impossible dates such as 2024-02-30 are rejected rather than rolled over into March.
 */
export function parseShanghaiDateTime(raw: string): Parsed<Date> {
  const canonical = canonicalDateTime(raw);
  if (canonical) return shanghaiDate(raw, ...canonical);
  const s = (PRINTABLE_ASCII.test(raw) ? raw : raw.normalize("NFKC")).trim().replace(/\s+/g, " ");
  const m = DATE_TIME.exec(s);
  if (!m) return fail(dateReason(raw));
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((part) => Number(part ?? 0)) as DateParts;
  return shanghaiDate(raw, y, mo, d, h, mi, sec);
}

type DateParts = [number, number, number, number, number, number];

/** Beijing wall-clock parts to a UTC Date, refusing impossible dates instead of rolling over. */
function shanghaiDate(raw: string, ...[y, mo, d, h, mi, sec]: DateParts): Parsed<Date> {
  if (y < 2000 || y > 2099 || h > 23 || mi > 59 || sec > 59) return fail(dateReason(raw));
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return fail(dateReason(raw));
  return ok(new Date(Date.UTC(y, mo - 1, d, h - SHANGHAI_OFFSET_H, mi, sec)));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the Gregorian calendar (2000–2099, where every fourth year leaps). */
function daysInMonth(y: number, mo: number): number {
  return mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS_IN_MONTH[mo - 1]!;
}

/** Digit value of the character at `i`, or -1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Positions of the separators in "2024-06-18 20:15:00"; every other position is a digit. */
const CANONICAL_SEPARATORS: Record<number, number> = { 4: 45, 7: 45, 10: 32, 13: 58, 16: 58 };

/**
 * "YYYY-MM-DD HH:mm:ss" exactly, which is what platforms and our template write: read without a
 * regular expression or intermediate strings, as this runs once per row of a 100k-row file.
 */
function canonicalDateTime(s: string): DateParts | null {
  if (s.length !== 19) return null;
  const n: number[] = [];
  let value = 0;
  for (let i = 0; i < 19; i++) {
    const sep = CANONICAL_SEPARATORS[i];
    if (sep !== undefined) {
      if (s.charCodeAt(i) !== sep) return null;
      n.push(value);
      value = 0;
      continue;
    }
    const digit = digitAt(s, i);
    if (digit < 0) return null;
    value = value * 10 + digit;
  }
  n.push(value);
  return n as DateParts;
}
