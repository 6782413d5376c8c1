import bwipjs from "bwip-js/generic";
import { correction, generate as generateQr } from "lean-qr";

/**
 * Barcodes as SVG from raw encodings (Code 128 by bwip-js, QR by lean-qr): we draw the modules ourselves so each module is a
 * whole unit of the viewBox and the SVG's physical size is set in millimetres. With
 * shape-rendering crispEdges and a module width that is a whole number of printer dots, bars land
 * on dot boundaries instead of being anti-aliased into grey at 203 or 300 dpi.
 * No hooks and no browser APIs: this renders the same on the server (print-sheet route, bench)
 * and in the browser (print preview): bwip-js's platform-neutral "generic" build and lean-qr have
 * no canvas or Node dependencies, so one import serves both bundles.
 */

/** 1/100 inch = 2.03 dots at 203 dpi and 3.00 at 300 dpi: its multiples are crisp on both. */
export const DOT_FRIENDLY_MM = 0.254;
/** Code 128 needs at least 10 modules of blank space either side. */
const QUIET = 10;

type Linear = { modules: number; bars: [x: number, w: number][] };
type Matrix = { size: number; path: string };

/** bwip-js caches nothing; a preview re-renders the same labels often, so keep recent ones. */
const linearCache = new Map<string, Linear | null>();
const matrixCache = new Map<string, Matrix | null>();
const CACHE_MAX = 2000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

/** Bars of a Code 128 symbol in module units, or null when the text cannot be encoded. */
export function encodeCode128(text: string): Linear | null {
  const hit = linearCache.get(text);
  if (hit !== undefined) return hit;
  let out: Linear | null = null;
  // Printable ASCII only: bwip-js would silently mangle anything else into other bytes.
  if (!/^[\x20-\x7e]+$/.test(text)) return remember(linearCache, text, out);
  try {
    const [sym] = bwipjs.raw("code128", text, {}) as { sbs?: number[] }[];
    if (sym?.sbs) {
      const bars: [number, number][] = [];
      let x = 0;
      // sbs alternates bar, space, bar, … widths in modules, starting with a bar.
      sym.sbs.forEach((w, i) => {
        if (i % 2 === 0) bars.push([x, w]);
        x += w;
      });
      out = { modules: x, bars };
    }
  } catch {
    out = null;
  }
  return remember(linearCache, text, out);
}

/**
 * A QR symbol as one filled path of horizontal runs in module units. Filled, not stroked: a
 * module of a 14 mm symbol is 0.81 pt, and Chromium's PDF and print output (Skia) draws a stroke
 * thinner than 1 pt as a hairline at 81% grey, so a stroked QR printed as thin lines that no
 * scanner reads (seen in the PDF of the label bench: line width 0, alpha 0.81).
 * Encoded by lean-qr: the smallest version that holds the text, error correction M as couriers
 * use, and the mask chosen by the specification's penalty rules (ISO/IEC 18004), which keeps
 * patterns that confuse scanners out of the symbol. ~0.65 ms a symbol, where bwip-js took ~2 ms
 * with the mask and version fixed up front (its own search tripled that).
 */
export function encodeQr(text: string): Matrix | null {
  const hit = matrixCache.get(text);
  if (hit !== undefined) return hit;
  let out: Matrix | null = null;
  try {
    const code = generateQr(text, {
      minCorrectionLevel: correction.M,
      maxCorrectionLevel: correction.M,
    });
    const n = code.size;
    // Each run is a filled rectangle one module high. A row's first run moves absolutely, the
    // others relative to the start of the run before (a closed subpath returns the pen there):
    // "m5 0h2v1h-2z" is 5 modules right of the last run's start, 2 dark.
    let d = "";
    for (let y = 0; y < n; y += 1) {
      let x = 0;
      let last = -1;
      while (x < n) {
        if (!code.get(x, y)) {
          x += 1;
          continue;
        }
        const start = x;
        while (x < n && code.get(x, y)) x += 1;
        const w = x - start;
        d += last < 0 ? `M${start} ${y}h${w}v1h-${w}z` : `m${start - last} 0h${w}v1h-${w}z`;
        last = start;
      }
    }
    out = { size: n, path: d };
  } catch {
    // Too long for any version.
    out = null;
  }
  return remember(matrixCache, text, out);
}

/** The widest dot-friendly module width that fits, else whatever fits (long codes, small labels). */
export function moduleWidthFor(modules: number, maxWidthMm: number): number {
  const total = modules + 2 * QUIET;
  for (const k of [3, 2, 1]) {
    if (total * k * DOT_FRIENDLY_MM <= maxWidthMm) return k * DOT_FRIENDLY_MM;
  }
  return maxWidthMm / total;
}

export function Code128({
  value,
  maxWidthMm,
  heightMm,
  className,
}: {
  value: string;
  maxWidthMm: number;
  heightMm: number;
  className?: string;
}) {
  const symbol = encodeCode128(value);
  if (!symbol) return <span className={className}>{value}</span>;
  const moduleMm = moduleWidthFor(symbol.modules, maxWidthMm);
  const total = symbol.modules + 2 * QUIET;
  const d = symbol.bars.map(([x, w]) => `M${x + QUIET} 0h${w}v1h-${w}z`).join("");
  return (
    <svg
      className={className}
      role="img"
      aria-label={value}
      data-barcode="code128"
      data-value={value}
      data-module-mm={moduleMm.toFixed(3)}
      xmlns="http://www.w3.org/2000/svg"
      width={`${(total * moduleMm).toFixed(3)}mm`}
      height={`${heightMm}mm`}
      viewBox={`0 0 ${total} 1`}
      preserveAspectRatio="none"
      shapeRendering="crispEdges"
    >
      <path d={d} fill="#000" />
    </svg>
  );
}

export function QrCode({
  value,
  sizeMm,
  className,
}: {
  value: string;
  sizeMm: number;
  className?: string;
}) {
  const symbol = encodeQr(value);
  if (!symbol) return null;
  // Four modules of quiet zone, as the QR specification asks.
  const total = symbol.size + 8;
  return (
    <svg
      className={className}
      role="img"
      aria-label="QR"
      data-barcode="qrcode"
      data-value={value}
      xmlns="http://www.w3.org/2000/svg"
      width={`${sizeMm}mm`}
      height={`${sizeMm}mm`}
      viewBox={`-4 -4 ${total} ${total}`}
      shapeRendering="crispEdges"
    >
      <path d={symbol.path} fill="#000" />
    </svg>
  );
}
