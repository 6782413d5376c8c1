import {
  BinaryBitmap,
  Code128Reader,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from "@zxing/library";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DOT_FRIENDLY_MM, encodeCode128, encodeQr, moduleWidthFor, QrCode } from "./barcode";

/** Paints module-unit geometry into an 8-bit grey bitmap and decodes it with ZXing. */
function decode(
  width: number,
  height: number,
  paint: (set: (x: number, y: number) => void) => void,
  reader: Code128Reader | QRCodeReader,
) {
  const px = new Uint8ClampedArray(width * height).fill(255);
  paint((x, y) => {
    px[y * width + x] = 0;
  });
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(px, width, height)));
  return reader.decode(bitmap).getText();
}

describe("Code 128", () => {
  it.each(["SF1400000000001", "78123456789012", "JT0001234567890", "YT7512345678901"])(
    "%s decodes back to itself",
    (text) => {
      const sym = encodeCode128(text)!;
      const scale = 3;
      const width = (sym.modules + 20) * scale;
      const text2 = decode(
        width,
        30,
        (set) => {
          for (const [x, w] of sym.bars) {
            for (let i = (x + 10) * scale; i < (x + 10 + w) * scale; i += 1) {
              for (let y = 0; y < 30; y += 1) set(i, y);
            }
          }
        },
        new Code128Reader(),
      );
      expect(text2).toBe(text);
    },
  );

  it("returns null for text Code 128 cannot carry", () => {
    expect(encodeCode128("顺丰")).toBeNull();
  });

  it("picks whole 1/100-inch modules that fit, else shrinks to fit", () => {
    expect(moduleWidthFor(145, 94)).toBeCloseTo(2 * DOT_FRIENDLY_MM);
    expect(moduleWidthFor(145, 70)).toBeCloseTo(DOT_FRIENDLY_MM);
    expect(moduleWidthFor(100, 200)).toBeCloseTo(3 * DOT_FRIENDLY_MM);
    expect(moduleWidthFor(400, 70)).toBeCloseTo(70 / 420);
  });
});

describe("QR", () => {
  it.each([
    ["a short code", "Q-1"],
    [
      "SF's route payload",
      "MMM={'k1':'020WA','k2':'020AF','k3':'','k4':'T801','k5':'SF1400000000001'}",
    ],
    ["a long payload at a higher version", "x".repeat(300)],
  ])("%s decodes back to itself, upright", (_, text) => {
    const sym = encodeQr(text)!;
    const scale = 4;
    const size = (sym.size + 8) * scale;
    // Runs as drawn: "M x y h w v1 h-w z" starts a row, "m dx 0 h w v1 h-w z" goes on from
    // the start of the run before (where the closed subpath left the pen).
    const cells: [number, number, number][] = [];
    let pen = { x: 0, y: 0 };
    for (const m of sym.path.matchAll(/([Mm])(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
      const [a, b, w] = [Number(m[2]), Number(m[3]), Number(m[4])];
      expect(Number(m[5])).toBe(w);
      pen = m[1] === "M" ? { x: a, y: b } : { x: pen.x + a, y: pen.y };
      cells.push([pen.x, pen.y, w]);
    }
    expect(cells.length).toBeGreaterThan(sym.size);
    const decoded = decode(
      size,
      size,
      (set) => {
        for (const [x0, y, w] of cells) {
          for (let x = x0; x < x0 + w; x += 1) {
            for (let dy = 0; dy < scale; dy += 1) {
              for (let dx = 0; dx < scale; dx += 1) set((x + 4) * scale + dx, (y + 4) * scale + dy);
            }
          }
        }
      },
      new QRCodeReader(),
    );
    expect(decoded).toBe(text);
  });

  it("is filled, never stroked: a stroke under 1 pt prints as a hairline", () => {
    // Chromium's PDF and print output draws strokes thinner than 1 pt as 0-width lines at
    // reduced alpha; a module of a 14 mm symbol is 0.81 pt.
    const svg = renderToStaticMarkup(createElement(QrCode, { value: "Q-1", sizeMm: 14 }));
    expect(svg).toContain('fill="#000"');
    expect(svg).not.toMatch(/stroke/);
  });
});
