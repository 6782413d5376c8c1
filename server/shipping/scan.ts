/**
 * Scan verification at the pack station. Every line is identified by its barcode, or by its SKU
 * when the product has no barcode (the packer scans the SKU label instead).
 */
export interface PackLine {
  sku: string;
  barcode: string | null;
  quantity: number;
}

export const scanCode = (line: Pick<PackLine, "sku" | "barcode">) => line.barcode || line.sku;

export function expectedScans(lines: readonly PackLine[]): Map<string, number> {
  const want = new Map<string, number>();
  for (const l of lines) want.set(scanCode(l), (want.get(scanCode(l)) ?? 0) + l.quantity);
  return want;
}

export interface ScanCheck {
  ok: boolean;
  /** Codes scanned fewer times than the parcel holds, with how many are still missing. */
  missing: { code: string; count: number }[];
  /** Codes scanned more often than expected, or that do not belong in this parcel. */
  extra: { code: string; count: number }[];
}

export function checkScans(
  lines: readonly PackLine[],
  scans: Readonly<Record<string, number>>,
): ScanCheck {
  const want = expectedScans(lines);
  const missing: ScanCheck["missing"] = [];
  const extra: ScanCheck["extra"] = [];
  for (const [code, qty] of want) {
    const got = scans[code] ?? 0;
    if (got < qty) missing.push({ code, count: qty - got });
    if (got > qty) extra.push({ code, count: got - qty });
  }
  for (const [code, got] of Object.entries(scans)) {
    if (!want.has(code) && got > 0) extra.push({ code, count: got });
  }
  return { ok: missing.length === 0 && extra.length === 0, missing, extra };
}
