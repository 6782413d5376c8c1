/** Pickup windows offered for booking (pure). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const HOUR = 3_600_000;
/** Morning and afternoon collection rounds, Asia/Shanghai local hours. */
const ROUNDS = [
  [9, 12],
  [14, 18],
] as const;

export type PickupWindow = { start: Date; end: Date };

/**
 * The windows offered for booking: today's and tomorrow's morning (09–12) and afternoon (14–18)
 * rounds in Asia/Shanghai, those not yet over. None of our drivers lists a courier's free slots
 * (SF only confirms one requested time and narrows it, which booking does), so these are the
 * rounds couriers commonly run; the courier's confirmed window is what gets stored.
 */
export function pickupWindows(now: Date, days = 2): PickupWindow[] {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const midnight = local - (local % (24 * HOUR)) - SHANGHAI_OFFSET_MS;
  const out: PickupWindow[] = [];
  for (let d = 0; d < days; d++) {
    for (const [from, to] of ROUNDS) {
      const start = midnight + d * 24 * HOUR + from * HOUR;
      const end = midnight + d * 24 * HOUR + to * HOUR;
      if (end > now.getTime()) out.push({ start: new Date(start), end: new Date(end) });
    }
  }
  return out;
}
