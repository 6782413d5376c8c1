import type { inferRouterOutputs } from "@trpc/server";
import type { freightRouter } from "@/server/trpc/routers/freight";

/**
 * Text fields in the units people type (yuan, kg, %, cm) to the integers the server stores (fen,
 * grams, basis points, mm), exactly: strings are split at the decimal point, never multiplied as
 * floats. `null` = not a valid amount; "" is handled by the caller (required or optional).
 */
export type FreightOutputs = inferRouterOutputs<typeof freightRouter>;

function scaled(text: string, decimals: number): number | null {
  const s = text
    .trim()
    .replace(/^[¥￥]/, "")
    .replace(/,/g, "");
  const m = /^(\d{1,9})(?:\.(\d*))?$/.exec(s);
  if (!m?.[1]) return null;
  const frac = m[2] ?? "";
  if (frac.length > decimals && /[1-9]/.test(frac.slice(decimals))) return null;
  return Number(m[1]) * 10 ** decimals + Number(frac.slice(0, decimals).padEnd(decimals, "0") || 0);
}

/** "12.5" -> 1250 fen. */
export const yuanToFen = (text: string) => scaled(text, 2);
/** "1.5" -> 1500 g. */
export const kgToG = (text: string) => scaled(text, 3);
/** "5.5" -> 550 bp. */
export const percentToBp = (text: string) => scaled(text, 2);
/** "30.5" -> 305 mm. */
export const cmToMm = (text: string) => scaled(text, 1);

function unscaled(n: number, decimals: number, keep = 0): string {
  const base = 10 ** decimals;
  const whole = Math.floor(n / base);
  let frac = String(n % base).padStart(decimals, "0");
  while (frac.length > keep && frac.endsWith("0")) frac = frac.slice(0, -1);
  return frac ? `${whole}.${frac}` : String(whole);
}

/** 1250 -> "12.50", 300 -> "3.00". */
export const fenToYuan = (fen: number) => unscaled(fen, 2, 2);
/** 1500 -> "1.5". */
export const gToKg = (g: number) => unscaled(g, 3);
/** 550 -> "5.5". */
export const bpToPercent = (bp: number) => unscaled(bp, 2);

/** 新疆, 西藏, 青海, 内蒙古, 甘肃, 宁夏, 海南: the default remote-area list (server/freight/regions.ts). */
export const DEFAULT_REMOTE_CODES = [
  "650000",
  "540000",
  "630000",
  "150000",
  "620000",
  "640000",
  "460000",
];

export const COMMON_DIVISORS = [6000, 8000, 12000] as const;
export const PRODUCTS = ["standard", "express", "economy", "large_parcel"] as const;
