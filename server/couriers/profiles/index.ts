/**
 * Courier profiles shipped with the console: couriers defined purely as data and driven by the
 * generic engine. They are validated when this module loads, so a broken built-in profile fails
 * the first import (and the test suite) instead of the first shipment.
 */
import deppon from "./deppon.json";
import { profileDriver } from "./engine";
import { type CourierProfile, courierProfileSchema, profileIssues } from "./schema";
import yunda from "./yunda.json";

function validated(source: unknown, file: string): CourierProfile {
  const result = courierProfileSchema.safeParse(source);
  if (!result.success) {
    const lines = profileIssues(result.error).map((i) => `  ${i.path}: ${i.message}`);
    throw new Error(`built-in courier profile ${file} is invalid:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** The built-in profiles by courier code. */
export const builtInProfiles = {
  yunda: validated(yunda, "yunda.json"),
  deppon: validated(deppon, "deppon.json"),
} as const satisfies Record<string, CourierProfile>;

export type BuiltInProfileCode = keyof typeof builtInProfiles;

/** The generic driver of a built-in profile. */
export const builtInProfileDriver = (code: BuiltInProfileCode) =>
  profileDriver(builtInProfiles[code]);

export { dryRun, profileDriver, profileStatus } from "./engine";
export {
  courierProfileSchema,
  LEVEL1_STATUSES,
  parseProfile,
  profileIssues,
  type CourierProfile,
  type Level1Status,
  type ProfileIssue,
} from "./schema";
