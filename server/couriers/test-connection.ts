import type { Db } from "@/db/client";
import { DomainError } from "@/server/errors";
import { loadAccountConfig } from "./accounts";
import { findCourier } from "./catalog";
import { CourierError, type CourierErrorKind } from "./contract";
import { execute, type Transport } from "./execute";
import { defaultBaseUrl } from "./registry";
import { resolveCourier } from "./resolve";

export type ConnectionResult =
  | { ok: true; latencyMs: number }
  | { ok: false; kind: CourierErrorKind; courierCode: string; message: string; latencyMs: number };

/** A well-formed tracking number no courier has issued: harmless to query, still authenticated. */
const PROBE_TRACKING_NO = "730000000000000";

/**
 * "Test connection": one authenticated, read-only call (a trajectory query). The courier
 * refusing our signature or account is a failure; "no such parcel" means the credentials work.
 */
export async function testConnection(
  db: Db,
  key: Buffer,
  accountId: string,
  consoleOrigin: string,
  transport: Transport,
): Promise<ConnectionResult> {
  const account = await loadAccountConfig(db, key, accountId, defaultBaseUrl(consoleOrigin));
  const driver = (await resolveCourier(db, account.courier))?.driver;
  if (!driver) {
    throw new DomainError("INVALID", `No driver for ${account.courier}`, {
      messageKey: "couriers.errors.noDriver",
    });
  }
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    // Aggregators need a target courier: probe as a ZTO parcel, which every aggregator lists.
    const productCode = findCourier("zto")?.aggregatorCodes[account.courier as "kdniao"];
    await execute(
      driver.queryTrack,
      { trackingNo: PROBE_TRACKING_NO, phoneLast4: "0000", productCode },
      account,
      transport,
      undefined,
      8_000,
    );
    return { ok: true, latencyMs: latency() };
  } catch (error) {
    if (!(error instanceof CourierError)) throw error;
    // The courier authenticated us and looked: credentials work even if the probe parcel is unknown.
    if (error.kind === "NOT_FOUND") return { ok: true, latencyMs: latency() };
    return {
      ok: false,
      kind: error.kind,
      courierCode: error.courierCode,
      message: error.message,
      latencyMs: latency(),
    };
  }
}
