import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { courierProfiles } from "@/db/schema";
import type { CourierDriver } from "./contract";
import { fieldsFor, type CredentialField } from "./credential-fields";
import { builtInProfiles, parseProfile, profileDriver, type CourierProfile } from "./profiles";
import { courierCatalog } from "./catalog";
import { driverFor } from "./registry";

export type ResolvedCourier = {
  driver: CourierDriver;
  credentialFields: readonly CredentialField[];
  source: "built-in" | "built-in profile" | "profile";
  profile?: CourierProfile;
};

/**
 * The driver for a courier code: a hand-written built-in driver, else a profile shipped with the
 * console, else one the merchant added in Settings. Undefined when the console cannot speak it.
 */
export async function resolveCourier(
  db: Db | Tx,
  courier: string,
): Promise<ResolvedCourier | undefined> {
  const builtIn = driverFor(courier);
  const fields = fieldsFor(courier);
  if (builtIn && fields) return { driver: builtIn, credentialFields: fields, source: "built-in" };
  if (Object.hasOwn(builtInProfiles, courier)) {
    const profile = builtInProfiles[courier as keyof typeof builtInProfiles];
    return {
      driver: profileDriver(profile),
      credentialFields: profile.credentialFields,
      source: "built-in profile",
      profile,
    };
  }
  const [row] = await db
    .select({ profile: courierProfiles.profile })
    .from(courierProfiles)
    .where(eq(courierProfiles.code, courier));
  if (!row) return undefined;
  const parsed = parseProfile(row.profile);
  if (!parsed.ok) return undefined;
  return {
    driver: profileDriver(parsed.profile),
    credentialFields: parsed.profile.credentialFields,
    source: "profile",
    profile: parsed.profile,
  };
}

/** Codes no merchant profile may take: they belong to built-in drivers and profiles. */
export function isReservedCode(code: string): boolean {
  return Boolean(driverFor(code)) || Object.hasOwn(builtInProfiles, code);
}

export type CourierOption = {
  code: string;
  nameZh: string;
  nameEn: string;
  credentialFields: readonly CredentialField[];
};

/** Every courier an account can be opened for: catalog couriers the console speaks, plus merchant profiles. */
export async function courierOptions(db: Db | Tx): Promise<CourierOption[]> {
  const fromCatalog = await Promise.all(
    courierCatalog
      .filter((c) => c.driver)
      .map(async (c) => ({
        code: c.code,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        credentialFields: (await resolveCourier(db, c.code))?.credentialFields ?? [],
      })),
  );
  const rows = await db.select({ profile: courierProfiles.profile }).from(courierProfiles);
  const custom = rows.flatMap((r) => {
    const parsed = parseProfile(r.profile);
    return parsed.ok
      ? [
          {
            code: parsed.profile.code,
            nameZh: parsed.profile.nameZh,
            nameEn: parsed.profile.nameEn,
            credentialFields: parsed.profile.credentialFields,
          },
        ]
      : [];
  });
  return [...fromCatalog.filter((o) => o.credentialFields.length > 0), ...custom];
}
