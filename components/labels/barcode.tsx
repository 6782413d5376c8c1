import bwipjs from "bwip-js/generic";

/**
 * Barcodes as SVG from bwip-js's raw encodings: we draw the modules ourselves so each module is a
 * whole unit of the viewBox and the SVG's physical size is set in millimetres. With
 * shape-rendering crispEdges and a module width that is a whole number of printer dots, bars land
 * on dot boundaries instead of being anti-aliased into grey at 203 or 300 dpi.
 * No hooks and no browser APIs: this renders the same on the server (print-sheet route, bench)
 * and in the browser (print preview): bwip-js's platform-neutral "generic" build has no canvas
 * or Node dependencies, so one import serves both bundles.
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

/** Bytes a QR symbol holds in byte mode at error correction M, versions 1–40 (ISO/IEC 18004). */
const QR_BYTES_M = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
  711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989,
  2099, 2213, 2331,
];

/**
 * A QR symbol as one path of horizontal runs in module units (stroked 1 unit high, which is
 * shorter markup than filled rectangles: 500 labels of it go through the HTML parser).
 * Mask and version are fixed up front: any mask is valid (ISO/IEC 18004) and the smallest version
 * that holds the text as bytes always fits; bwip-js's own search over masks and versions triples
 * the ~1.5 ms a symbol costs, too slow for a batch of 500. Error correction M, as couriers use.
 */
export function encodeQr(text: string): Matrix | null {
  const hit = matrixCache.get(text);
  if (hit !== undefined) return hit;
  let out: Matrix | null = null;
  const bytes = new TextEncoder().encode(text).length;
  const version = QR_BYTES_M.findIndex((capacity) => capacity >= bytes) + 1;
  try {
    const opts = `eclevel=M mask=1${version > 0 ? ` version=${version}` : ""}`;
    const [sym] = bwipjs.raw("qrcode", text, opts) as { pixs?: number[]; pixx?: number }[];
    if (sym?.pixs && sym.pixx) {
      const n = sym.pixx;
      let d = "";
      for (let y = 0; y < n; y += 1) {
        let x = 0;
        while (x < n) {
          if (!sym.pixs[y * n + x]) {
            x += 1;
            continue;
          }
          const start = x;
          while (x < n && sym.pixs[y * n + x]) x += 1;
          d += `M${start} ${y}.5h${x - start}`;
        }
      }
      out = { size: n, path: d };
    }
  } catch {
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
      <path d={symbol.path} stroke="#000" strokeWidth={1} fill="none" />
    </svg>
  );
}
