import { shanghaiHour } from "./shanghai";

/** Paid-at times for generated orders: sorted, inside the period, following the daily rhythm. */

/**
 * Orders by local hour of day (0–23), shaped like a Chinese online shop's day: a trough before
 * dawn, a late-morning plateau and the evening peak at 21–22 h.
 */
// prettier-ignore
const HOUR_WEIGHT = [
  2.5, 1.5, 0.8, 0.5, 0.4, 0.4, 0.7, 1.5, 3, 4.5, 5.5, 5.5,
  5, 4.8, 5, 5, 4.8, 4.6, 4.8, 5.5, 6.5, 7.5, 7, 4.5,
];

/**
 * Maps a fraction of the period to an instant so that orders follow HOUR_WEIGHT: hour-long
 * buckets with cumulative weights, binary-searched. The map is monotonic, so feeding it
 * increasing fractions yields orders already sorted by paid-at time.
 */
export class Timeline {
  private readonly edges: Float64Array;
  private readonly cumulative: Float64Array;

  constructor(startMs: number, endMs: number) {
    const hour = 3_600_000;
    const edges = [startMs];
    // Asia/Shanghai is a whole-hour offset from UTC, so UTC hour edges are local hour edges too.
    for (let t = Math.floor(startMs / hour + 1) * hour; t < endMs; t += hour) edges.push(t);
    edges.push(endMs);
    this.edges = Float64Array.from(edges);
    this.cumulative = new Float64Array(edges.length);
    let sum = 0;
    for (let k = 0; k + 1 < edges.length; k++) {
      const from = this.edges[k] as number;
      sum += ((this.edges[k + 1] as number) - from) * (HOUR_WEIGHT[shanghaiHour(from)] as number);
      this.cumulative[k + 1] = sum;
    }
  }

  at(fraction: number): number {
    const total = this.cumulative[this.cumulative.length - 1] as number;
    const first = this.edges[0] as number;
    if (!(total > 0)) return first;
    const target = fraction * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    // Largest k with cumulative[k] <= target.
    while (lo + 1 < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) <= target) lo = mid;
      else hi = mid;
    }
    const from = this.edges[lo] as number;
    const to = this.edges[lo + 1] as number;
    const below = this.cumulative[lo] as number;
    const span = (this.cumulative[lo + 1] as number) - below;
    return Math.min(to, from + ((target - below) / span) * (to - from));
  }
}
