import { exampleTemplates } from "@/server/freight/examples";
import { courierLabel } from "./labels";
import type { Candidate, CourierLimits } from "./types";

/**
 * EXAMPLE candidates for the demo's sandbox accounts, one per example freight template
 * (server/freight/examples.ts). Limits and goods restrictions are plausible illustrations, not
 * any courier's published terms: EMS flies parcels and so refuses liquids and batteries here, the
 * express networks stop at 50 kg, Deppon's large-parcel product takes up to 60 kg.
 */

const LIMITS: Record<string, CourierLimits> = {
  sf: { maxWeightG: 50_000, maxSideMm: 1_500, maxSumMm: 3_000 },
  ems: { maxWeightG: 40_000, maxSideMm: 1_500, maxSumMm: 3_000 },
  deppon: { maxWeightG: 60_000, maxSideMm: 2_000, maxSumMm: 4_000 },
};
const TONGDA_LIMITS: CourierLimits = { maxWeightG: 50_000, maxSideMm: 1_200, maxSumMm: 2_500 };

const REFUSES: Record<string, string[]> = {
  ems: ["liquid", "battery"],
};

/** Fresh objects on every call; the templates are shared (they are immutable values). */
export function exampleCandidates(): Candidate[] {
  return exampleTemplates.map((t) => {
    const courier = t.courierAccountId.replace(/^sandbox-/, "");
    return {
      accountId: t.courierAccountId,
      courier,
      name: `${courierLabel(courier).zh}沙箱账号`,
      enabled: true,
      breakerOpen: false,
      templates: [t],
      limits: { ...(LIMITS[courier] ?? TONGDA_LIMITS) },
      restrictions: { refuses: [...(REFUSES[courier] ?? [])] },
    };
  });
}
