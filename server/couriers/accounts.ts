import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { courierAccounts, type CourierAccountRow } from "@/db/schema";
import { writeAudit } from "@/server/audit/queries";
import type { SessionUser } from "@/server/auth/session";
import { DomainError } from "@/server/errors";
import { findCourier } from "./catalog";
import type { CourierAccountConfig } from "./contract";
import type { CredentialField } from "./credential-fields";
import { resolveCourier } from "./resolve";
import type { AccountView, CreateAccountInput, UpdateAccountInput } from "./accounts-schemas";
import { decryptSecret, encryptSecret, maskSecret } from "./secrets";

type Actor = Pick<SessionUser, "id">;

export function pushPathOf(id: string, token: string): string {
  return `/api/couriers/${id}/push?token=${encodeURIComponent(token)}`;
}

/** The credentials as the UI and audit log may show them; optional fields left empty are omitted. */
function masked(fields: readonly CredentialField[], credentials: Record<string, string>) {
  return Object.fromEntries(
    fields.flatMap((f) => {
      const value = credentials[f.key] ?? "";
      if (!value && f.required === false) return [];
      return [[f.key, f.secret && value ? maskSecret(value) : value]];
    }),
  );
}

function toView(
  row: CourierAccountRow,
  key: Buffer,
  fields: readonly CredentialField[],
): AccountView {
  const credentials = JSON.parse(decryptSecret(row.credentials, key)) as Record<string, string>;
  return {
    id: row.id,
    courier: row.courier,
    name: row.name,
    environment: row.environment,
    baseUrl: row.baseUrl,
    enabled: row.enabled,
    credentials: masked(fields, credentials),
    pushPath: pushPathOf(row.id, row.pushToken),
    pushAllowIps: row.pushAllowIps,
    labelTemplate: row.labelTemplate,
    maxConcurrency: row.maxConcurrency,
    updatedAt: row.updatedAt,
  };
}

/** Every field of the driver filled, nothing unknown: refuse half-configured accounts. */
async function checkCredentials(db: Db | Tx, courier: string, credentials: Record<string, string>) {
  const fields = (await resolveCourier(db, courier))?.credentialFields;
  if (!fields) {
    throw new DomainError(
      "INVALID",
      `No built-in driver for ${courier}; reach it through an aggregator account`,
      {
        messageKey: "couriers.errors.noDriver",
        fields: { courier: "couriers.errors.noDriver" },
      },
    );
  }
  const errors: Record<string, string> = {};
  for (const f of fields) {
    if (f.required !== false && !credentials[f.key]) {
      errors[`credentials.${f.key}`] = "validation.required";
    }
  }
  for (const k of Object.keys(credentials)) {
    if (!fields.some((f) => f.key === k))
      errors[`credentials.${k}`] = "couriers.errors.unknownField";
  }
  if (Object.keys(errors).length > 0) {
    throw new DomainError("INVALID", "Credentials incomplete", {
      messageKey: "couriers.errors.credentials",
      fields: errors,
    });
  }
}

async function mustFind(db: Db | Tx, id: string) {
  const [row] = await db.select().from(courierAccounts).where(eq(courierAccounts.id, id));
  if (!row)
    throw new DomainError("NOT_FOUND", "Courier account not found", {
      messageKey: "couriers.errors.notFound",
    });
  return row;
}

/** Credential fields by courier, resolved once per call (profiles live in the database). */
async function fieldsByCourier(db: Db | Tx, couriers: string[]) {
  const entries = await Promise.all(
    [...new Set(couriers)].map(
      async (c) => [c, (await resolveCourier(db, c))?.credentialFields ?? []] as const,
    ),
  );
  return new Map(entries);
}

export async function listAccounts(db: Db | Tx, key: Buffer): Promise<AccountView[]> {
  const rows = await db
    .select()
    .from(courierAccounts)
    .orderBy(asc(courierAccounts.courier), asc(courierAccounts.id));
  const fields = await fieldsByCourier(
    db,
    rows.map((r) => r.courier),
  );
  return rows.map((r) => toView(r, key, fields.get(r.courier) ?? []));
}

export async function createAccount(
  db: Db,
  key: Buffer,
  actor: Actor | null,
  input: CreateAccountInput,
) {
  return db.transaction(async (tx) => {
    await checkCredentials(tx, input.courier, input.credentials);
    const [existing] = await tx
      .select({ id: courierAccounts.id })
      .from(courierAccounts)
      .where(eq(courierAccounts.id, input.id));
    if (existing) {
      throw new DomainError("CONFLICT", "This account id is taken", {
        messageKey: "couriers.errors.idTaken",
        fields: { id: "couriers.errors.idTaken" },
      });
    }
    const [row] = await tx
      .insert(courierAccounts)
      .values({
        id: input.id,
        courier: input.courier,
        name: input.name,
        environment: input.environment,
        baseUrl: input.baseUrl ?? null,
        credentials: encryptSecret(JSON.stringify(input.credentials), key),
        pushToken: randomBytes(18).toString("base64url"),
        pushAllowIps: input.pushAllowIps ?? null,
        // The courier's own e-waybill paper unless the account says otherwise.
        labelTemplate:
          input.labelTemplate ?? findCourier(input.courier)?.defaultLabelSize ?? "100x180",
        ...(input.maxConcurrency ? { maxConcurrency: input.maxConcurrency } : {}),
      })
      .returning();
    const view = toView(
      row!,
      key,
      (await fieldsByCourier(tx, [input.courier])).get(input.courier) ?? [],
    );
    await writeAudit(tx, {
      actorId: actor?.id ?? null,
      action: "courier_account.create",
      entityType: "courier_account",
      entityId: input.id,
      after: auditShape(view),
    });
    return view;
  });
}

export async function updateAccount(
  db: Db,
  key: Buffer,
  actor: Actor | null,
  input: UpdateAccountInput,
) {
  return db.transaction(async (tx) => {
    const row = await mustFind(tx, input.id);
    const fields = (await fieldsByCourier(tx, [row.courier])).get(row.courier) ?? [];
    const before = toView(row, key, fields);
    let credentials = row.credentials;
    if (input.credentials) {
      const current = JSON.parse(decryptSecret(row.credentials, key)) as Record<string, string>;
      const kept = Object.fromEntries(
        Object.entries(input.credentials).filter(([, v]) => v !== ""),
      );
      const merged = { ...current, ...kept };
      await checkCredentials(tx, row.courier, merged);
      credentials = encryptSecret(JSON.stringify(merged), key);
    }
    const [updated] = await tx
      .update(courierAccounts)
      .set({
        name: input.name ?? row.name,
        environment: input.environment ?? row.environment,
        baseUrl: input.baseUrl === undefined ? row.baseUrl : input.baseUrl,
        enabled: input.enabled ?? row.enabled,
        pushAllowIps: input.pushAllowIps === undefined ? row.pushAllowIps : input.pushAllowIps,
        labelTemplate: input.labelTemplate ?? row.labelTemplate,
        maxConcurrency: input.maxConcurrency ?? row.maxConcurrency,
        credentials,
        updatedAt: new Date(),
      })
      .where(eq(courierAccounts.id, input.id))
      .returning();
    const after = toView(updated!, key, fields);
    await writeAudit(tx, {
      actorId: actor?.id ?? null,
      action: "courier_account.update",
      entityType: "courier_account",
      entityId: input.id,
      before: auditShape(before),
      after: auditShape(after),
    });
    return after;
  });
}

/** Decrypted configuration for a driver call; `baseUrl` falls back to the driver's default. */
export async function loadAccountConfig(
  db: Db | Tx,
  key: Buffer,
  id: string,
  defaultBaseUrl: (courier: string, env: "sandbox" | "production") => string,
): Promise<CourierAccountConfig & { enabled: boolean }> {
  const row = await mustFind(db, id);
  return {
    courier: row.courier,
    environment: row.environment,
    baseUrl: row.baseUrl ?? defaultBaseUrl(row.courier, row.environment),
    credentials: JSON.parse(decryptSecret(row.credentials, key)) as Record<string, string>,
    enabled: row.enabled,
  };
}

function auditShape(v: AccountView): Record<string, unknown> {
  return {
    courier: v.courier,
    name: v.name,
    environment: v.environment,
    baseUrl: v.baseUrl,
    enabled: v.enabled,
    credentials: v.credentials,
    labelTemplate: v.labelTemplate,
    maxConcurrency: v.maxConcurrency,
  };
}
