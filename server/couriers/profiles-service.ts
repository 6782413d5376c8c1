import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { courierAccounts, courierProfiles } from "@/db/schema";
import { writeAudit } from "@/server/audit/queries";
import type { SessionUser } from "@/server/auth/session";
import { DomainError } from "@/server/errors";
import { loadAccountConfig } from "./accounts";
import { findCourier } from "./catalog";
import { CourierError, type WaybillResult, type WireRequest } from "./contract";
import { execute, type Transport } from "./execute";
import {
  builtInProfiles,
  dryRun,
  parseProfile,
  type CourierProfile,
  type ProfileIssue,
} from "./profiles";
import { defaultBaseUrl } from "./registry";
import { isReservedCode, resolveCourier } from "./resolve";
import { sampleOrder } from "./sample";

type Actor = Pick<SessionUser, "id">;

export type ProfileListItem = {
  code: string;
  nameZh: string;
  nameEn: string;
  builtIn: boolean;
  profile: CourierProfile;
};

export async function listProfiles(db: Db): Promise<ProfileListItem[]> {
  const rows = await db.select().from(courierProfiles).orderBy(asc(courierProfiles.code));
  const custom = rows.flatMap((r) => {
    const parsed = parseProfile(r.profile);
    return parsed.ok
      ? [
          {
            code: r.code,
            nameZh: parsed.profile.nameZh,
            nameEn: parsed.profile.nameEn,
            builtIn: false,
            profile: parsed.profile,
          },
        ]
      : [];
  });
  const builtIn = Object.values(builtInProfiles).map((p) => ({
    code: p.code,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    builtIn: true,
    profile: p,
  }));
  return [...builtIn, ...custom];
}

function invalid(issues: ProfileIssue[]): DomainError {
  return new DomainError(
    "INVALID",
    `The profile is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
    {
      messageKey: "profiles.errors.invalid",
      fields: Object.fromEntries(issues.map((i) => [i.path, i.message])),
    },
  );
}

/** Validates and stores a merchant profile (create or replace), audited. */
export async function saveProfile(db: Db, actor: Actor | null, raw: unknown) {
  const parsed = parseProfile(raw);
  if (!parsed.ok) throw invalid(parsed.issues);
  const profile = parsed.profile;
  if (isReservedCode(profile.code)) {
    throw new DomainError(
      "CONFLICT",
      `"${profile.code}" is a built-in courier; choose another code`,
      {
        messageKey: "profiles.errors.reserved",
        fields: { code: "profiles.errors.reserved" },
      },
    );
  }
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(courierProfiles)
      .where(eq(courierProfiles.code, profile.code));
    await tx
      .insert(courierProfiles)
      .values({ code: profile.code, profile })
      .onConflictDoUpdate({
        target: courierProfiles.code,
        set: { profile, updatedAt: new Date() },
      });
    await writeAudit(tx, {
      actorId: actor?.id ?? null,
      action: before ? "courier_profile.update" : "courier_profile.create",
      entityType: "courier_profile",
      entityId: profile.code,
      before: before ? { profile: before.profile } : null,
      after: { profile },
    });
    return { code: profile.code };
  });
}

export async function deleteProfile(db: Db, actor: Actor, code: string) {
  return db.transaction(async (tx) => {
    const [used] = await tx
      .select({ id: courierAccounts.id })
      .from(courierAccounts)
      .where(eq(courierAccounts.courier, code));
    if (used) {
      throw new DomainError("CONFLICT", `Account ${used.id} uses this profile`, {
        messageKey: "profiles.errors.inUse",
      });
    }
    const [row] = await tx
      .delete(courierProfiles)
      .where(eq(courierProfiles.code, code))
      .returning();
    if (!row)
      throw new DomainError("NOT_FOUND", "Profile not found", {
        messageKey: "profiles.errors.notFound",
      });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "courier_profile.delete",
      entityType: "courier_profile",
      entityId: code,
      before: { profile: row.profile },
    });
  });
}

/** The exact request a profile would send for the sample shipment: the editor's live dry run. */
export function dryRunProfile(
  raw: unknown,
  credentials: Record<string, string>,
  now: Date,
): { ok: true; request: WireRequest } | { ok: false; issues: ProfileIssue[] } {
  const parsed = parseProfile(raw);
  if (!parsed.ok) return parsed;
  try {
    const request = dryRun(
      parsed.profile,
      "createWaybill",
      sampleOrder(now),
      {
        courier: parsed.profile.code,
        environment: "sandbox",
        baseUrl: "https://courier.example",
        credentials,
      },
      { now, requestId: "dry-run" },
    );
    return { ok: true, request };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: "credentials", message }] };
  }
}

/**
 * Issues a waybill for the sample shipment through a sandbox account: proves a new courier
 * end to end. Production accounts are refused so nobody creates a real waybill by accident.
 */
export async function sampleWaybill(
  db: Db,
  key: Buffer,
  accountId: string,
  consoleOrigin: string,
  transport: Transport,
): Promise<WaybillResult> {
  const account = await loadAccountConfig(db, key, accountId, defaultBaseUrl(consoleOrigin));
  if (account.environment !== "sandbox") {
    throw new DomainError("INVALID", "Sample waybills are for sandbox accounts only", {
      messageKey: "profiles.errors.sandboxOnly",
    });
  }
  const resolved = await resolveCourier(db, account.courier);
  if (!resolved)
    throw new DomainError("INVALID", `No driver for ${account.courier}`, {
      messageKey: "couriers.errors.noDriver",
    });
  try {
    // An aggregator needs the target courier: the sample goes as a ZTO parcel, which all list.
    const productCode = findCourier("zto")?.aggregatorCodes[account.courier as "kdniao"];
    const order = { ...sampleOrder(new Date()), productCode };
    return await execute(resolved.driver.createWaybill, order, account, transport);
  } catch (error) {
    if (error instanceof CourierError) {
      throw new DomainError(
        error.kind === "UNAVAILABLE" ? "UNAVAILABLE" : "INVALID",
        error.message,
        {
          messageKey: `couriers.kinds.${error.kind}`,
          cause: error,
        },
      );
    }
    throw error;
  }
}
