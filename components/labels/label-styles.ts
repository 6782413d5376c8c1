/**
 * Label geometry and CSS in millimetres, kept apart from Tailwind: a label is a physical document
 * and must print identically from the console, from the bare print-sheet route and from the bench
 * (react-dom/server + setContent, where no app stylesheet exists). Black on white only: thermal
 * printers have no grey.
 */
import type { LabelTemplate } from "@/server/printing/label-data";

export type Geometry = {
  widthMm: number;
  heightMm: number;
  /** Rows of the main part: header, sort, centre, barcode, recipient, sender, goods, footer. */
  rows: [number, number, number, number, number, number, number, number];
  barcodeMm: number;
  stubBarcodeMm: number;
  qrMm: number;
  font: {
    sort: number;
    center: number;
    track: number;
    name: number;
    addr: number;
    small: number;
    stub: number;
  };
  /** The tear-off stub's content: 100×180 has room for a signature line. */
  signature: boolean;
};

export const PAD_MM = 1.5;

export const geometry: Record<LabelTemplate, Geometry> = {
  "76x130": {
    widthMm: 76,
    heightMm: 130,
    rows: [9, 13, 7, 19, 19, 12, 14, 4],
    barcodeMm: 12,
    stubBarcodeMm: 7,
    qrMm: 12,
    font: { sort: 8.5, center: 4.2, track: 3.2, name: 3.6, addr: 3, small: 2.3, stub: 2.3 },
    signature: false,
  },
  "100x150": {
    widthMm: 100,
    heightMm: 150,
    rows: [11, 15, 8, 22, 20, 13, 16, 5],
    barcodeMm: 14,
    stubBarcodeMm: 8,
    qrMm: 14,
    font: { sort: 10.5, center: 5, track: 3.8, name: 4.2, addr: 3.4, small: 2.6, stub: 2.7 },
    signature: false,
  },
  "100x180": {
    widthMm: 100,
    heightMm: 180,
    rows: [12, 17, 9, 25, 23, 15, 20, 5],
    barcodeMm: 16,
    stubBarcodeMm: 11,
    qrMm: 18,
    font: { sort: 12, center: 5.5, track: 4, name: 4.4, addr: 3.6, small: 2.7, stub: 3.1 },
    signature: true,
  },
};

/** Width of text in em for a bold CJK face: ideographs are square, Latin and digits ~0.62 em. */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 1 : ch === " " ? 0.3 : 0.62;
  return em;
}

/** The base size, shrunk so `text` fits `lines` lines of `widthMm`, never below `minMm`. */
export function fitFont(text: string, baseMm: number, widthMm: number, lines = 1, minMm = 2) {
  const em = textEm(text);
  if (em === 0) return baseMm;
  return Math.max(minMm, Math.min(baseMm, (widthMm * lines * 0.96) / em));
}

export const labelCss = `
.wl{box-sizing:border-box;position:relative;overflow:hidden;background:#fff;color:#000;
font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","Noto Sans SC",sans-serif;
line-height:1.18;padding:${PAD_MM}mm;display:flex;flex-direction:column;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.wl *{box-sizing:border-box}
.wl-main{display:grid;border:.35mm solid #000;min-height:0}
.wl-row{display:flex;align-items:center;min-width:0;overflow:hidden;border-top:.25mm solid #000;padding:0 1.2mm}
.wl-row:first-child{border-top:0}
.wl-mark{display:flex;align-items:center;justify-content:center;flex:none;background:#000;color:#fff;font-weight:700;border-radius:.6mm}
.wl-brand{display:flex;flex-direction:column;margin-left:1.5mm;min-width:0}
.wl-brand b{font-weight:700;white-space:nowrap}
.wl-brand span,.wl-small{font-size:var(--f-small)}
.wl-spacer{flex:1}
.wl-product{border:.35mm solid #000;font-weight:700;padding:.3mm 1.2mm;margin-left:1mm;white-space:nowrap}
.wl-sort{justify-content:center;font-weight:800;letter-spacing:.02em;white-space:nowrap}
.wl-center{gap:1.5mm}
.wl-center b{font-weight:700;white-space:nowrap}
.wl-extras{margin-left:auto;display:flex;gap:2mm;font-size:var(--f-small);white-space:nowrap}
.wl-barcode{flex-direction:column;justify-content:center;padding-top:.8mm}
.wl-track{font-weight:700;letter-spacing:.08em;margin-top:.4mm;font-family:"DejaVu Sans Mono","Noto Sans Mono",monospace;white-space:nowrap}
.wl-party{align-items:stretch;padding-left:0}
.wl-badge{flex:none;display:flex;align-items:center;justify-content:center;font-weight:700;border-right:.25mm solid #000}
.wl-badge.solid{background:#000;color:#fff}
.wl-who{display:flex;flex-direction:column;justify-content:center;min-width:0;padding:.4mm 0 .4mm 1.5mm;overflow:hidden}
.wl-who b{font-weight:700;white-space:nowrap;overflow:hidden;text-overflow:clip}
.wl-addr{word-break:break-all;overflow:hidden}
.wl-goods{align-items:stretch;gap:1.5mm}
.wl-goods-text{flex:1;min-width:0;display:flex;flex-direction:column;justify-content:center;font-size:var(--f-stub);overflow:hidden}
.wl-goods-text p{margin:0;overflow:hidden;word-break:break-all}
.wl-secondary{flex:none;display:flex;align-items:center;justify-content:center}
.wl-footer{font-size:calc(var(--f-small) * .9);justify-content:space-between;white-space:nowrap}
.wl-stub{flex:1;min-height:0;margin-top:1mm;border-top:.35mm dashed #000;padding:1mm 1.2mm 0;display:flex;flex-direction:column;gap:.6mm;font-size:var(--f-stub);overflow:hidden}
.wl-stub-code{display:flex;align-items:center;gap:2mm}
.wl-stub-code .wl-track{font-size:calc(var(--f-stub) * 1.15)}
.wl-stub p{margin:0;overflow:hidden;word-break:break-all;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2}
.wl-sign{margin-top:auto;display:flex;gap:6mm;padding-bottom:1mm}
.wl-sign span{flex:1;border-bottom:.25mm solid #000;padding-bottom:.5mm}
svg[data-barcode]{display:block}
`;
