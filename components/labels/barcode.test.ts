import {
  BinaryBitmap,
  Code128Reader,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from "@zxing/library";
import { describe, expect, it } from "vitest";
import { DOT_FRIENDLY_MM, encodeCode128, encodeQr, moduleWidthFor } from "./barcode";

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
    const cells = [...sym.path.matchAll(/M(\d+) (\d+)\.5h(\d+)/g)].map((m) =>
      m.slice(1).map(Number),
    );
    const decoded = decode(
      size,
      size,
      (set) => {
        for (const [x0, y, w] of cells as [number, number, number][]) {
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
});
