import { afterEach, describe, expect, it } from "vitest";
import {
  clearAnalysisCache,
  forgetAnalysis,
  mappingKey,
  recallAnalysis,
  rememberAnalysis,
  type CachedAnalysis,
} from "./analysis-cache";

const entry = (batchId: number, over: Partial<CachedAnalysis> = {}): CachedAnalysis => ({
  batchId,
  fileSha256: `sha-${batchId}`,
  headers: ["订单号"],
  mappingKey: mappingKey({ orderNo: 0 }),
  orders: [],
  ...over,
});

describe("analysis cache", () => {
  afterEach(clearAnalysisCache);

  it("keys mappings canonically: same columns for the same fields, whatever the key order", () => {
    expect(mappingKey({ orderNo: 0, sku: 3 })).toBe(mappingKey({ sku: 3, orderNo: 0 }));
    expect(mappingKey({ orderNo: 0, sku: 3 })).not.toBe(mappingKey({ orderNo: 0, sku: 4 }));
    expect(mappingKey({ orderNo: 0 })).not.toBe(mappingKey({ orderNo: 0, sku: 0 }));
  });

  it("answers only for the same batch and file", () => {
    rememberAnalysis(entry(1));
    expect(recallAnalysis(1, "sha-1")?.batchId).toBe(1);
    expect(recallAnalysis(1, "another file")).toBeNull();
    expect(recallAnalysis(2, "sha-1")).toBeNull();
    forgetAnalysis(1);
    expect(recallAnalysis(1, "sha-1")).toBeNull();
  });

  it("keeps the two most recent previews and expires old ones", () => {
    const t0 = 1_000_000;
    rememberAnalysis(entry(1), t0);
    rememberAnalysis(entry(2), t0);
    rememberAnalysis(entry(3), t0);
    expect(recallAnalysis(1, "sha-1", t0)).toBeNull();
    expect(recallAnalysis(2, "sha-2", t0)).not.toBeNull();
    expect(recallAnalysis(3, "sha-3", t0 + 14 * 60_000)).not.toBeNull();
    expect(recallAnalysis(3, "sha-3", t0 + 16 * 60_000)).toBeNull();
  });
});
