import { performance } from "node:perf_hooks";
import type { Figure } from "@/server/bench/harness";
import { regionIndex } from "@/server/regions/data";
import { EXAMPLE_ORIGIN_CODE, exampleRegionSets, exampleTemplates } from "./examples";
import { compileTemplate } from "./quote";
import type { Parcel } from "./types";

/**
 * Freight quotes per second on the pure function (DESIGN.md section 9: >= 50k quotes/s).
 * Parcels vary in destination (every level: provinces, cities, counties), weight (50 g to 40 kg),
 * dimensions (half of them, some volumetric-heavy) and declared value, and rotate over the seven
 * example templates. Templates are compiled once, as the service does; the loop warms up first,
 * then runs for ~1.5 s.
 */

/** Deterministic LCG so every run quotes the same parcels. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function benchParcels(count: number): Parcel[] {
  const random = rng(20240601);
  const regions = regionIndex().all;
  const parcels: Parcel[] = [];
  for (let i = 0; i < count; i++) {
    const destination = regions[Math.floor(random() * regions.length)]!;
    const weightG = 50 + Math.floor(random() ** 2 * 40_000);
    const parcel: Parcel = {
      originCode: EXAMPLE_ORIGIN_CODE,
      destinationCode: destination.code,
      weightG,
    };
    if (random() < 0.5) {
      parcel.lengthMm = 100 + Math.floor(random() * 600);
      parcel.widthMm = 100 + Math.floor(random() * 400);
      parcel.heightMm = 50 + Math.floor(random() * 400);
    }
    if (random() < 0.3) parcel.declaredValueFen = Math.floor(random() * 1_000_000);
    parcels.push(parcel);
  }
  return parcels;
}

export function freightBench(durationMs = 1500): Figure[] {
  const quoters = exampleTemplates.map((t) => compileTemplate(t, exampleRegionSets));
  const parcels = benchParcels(4096);
  const mask = parcels.length - 1;
  let checksum = 0;
  const run = (n: number, offset: number) => {
    for (let i = 0; i < n; i++) {
      const k = offset + i;
      const result = quoters[k % quoters.length]!(parcels[k & mask]!);
      if (result.ok) checksum += result.totalFen;
    }
  };
  run(100_000, 0); // warm-up: JIT, region chains and zone memo

  const batch = 10_000;
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    run(batch, done);
    done += batch;
    elapsed = performance.now() - start;
  }
  const perSecond = (done / elapsed) * 1000;
  if (checksum <= 0) throw new Error("freight bench produced no successful quotes");
  return [
    {
      group: "freight",
      name: "quote, pure function (7 templates, 4,096 varied parcels)",
      value: perSecond,
      unit: "quotes/s",
      budget: { op: ">=", value: 50_000 },
      note: `${done} quotes in ${Math.round(elapsed)} ms`,
    },
  ];
}
