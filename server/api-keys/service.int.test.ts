import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys, auditLog, shops, warehouses } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { createUser } from "@/server/users/service";
import {
  authenticateApiKey,
  createApiKey,
  DEMO_API_KEY,
  ensureDemoApiKey,
  hashApiKey,
  listApiKeys,
  revokeApiKey,
} from "./service";

const t = withTestDb();

/** Minimal shop rows; the shops service (and its region lookups) is not what is tested here. */
async function shop(id: string) {
  const db = t.current.db;
  await db
    .insert(warehouses)
    .values({
      id: `wh-${id}`,
      name: `仓 ${id}`,
      contactName: "王",
      contactMobile: "13900139000",
      provinceCode: "330000",
      cityCode: "330100",
      regionText: "浙江省 杭州市",
      address: "文一西路 1500 号",
    })
    .onConflictDoNothing();
  await db
    .insert(shops)
    .values({ id, name: `店铺 ${id}`, platform: "tmall", defaultWarehouseId: `wh-${id}` })
    .onConflictDoNothing();
  return id;
}

async function admin() {
  return createUser(t.current.db, null, {
    name: "Key Admin",
    email: `keys-${Math.random().toString(36).slice(2, 8)}@test.local`,
    role: "admin",
    password: "test-password",
  });
}

describe("API keys", () => {
  it("creates a key: plaintext once, only its hash stored, audited in the same transaction", async () => {
    const db = t.current.db;
    const [a, b] = [await shop("keys-a"), await shop("keys-b")];
    const me = await admin();
    const { apiKey, secret } = await createApiKey(db, me.id, {
      name: "ERP",
      shopIds: [a, b],
    });
    expect(secret).toMatch(/^ek_live_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({
      name: "ERP",
      prefix: secret.slice(0, 12),
      shops: [
        { id: a, name: "店铺 keys-a" },
        { id: b, name: "店铺 keys-b" },
      ],
      createdByName: "Key Admin",
      lastUsedAt: null,
      revokedAt: null,
    });
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row?.keyHash).toBe(hashApiKey(secret));
    expect(row?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, apiKey.id));
    expect(entry).toMatchObject({
      action: "apiKey.create",
      entityType: "api_key",
      actorId: me.id,
      after: { name: "ERP", prefix: apiKey.prefix, shopIds: [a, b] },
    });
    expect(JSON.stringify(entry)).not.toContain(secret);
    expect(JSON.stringify(entry)).not.toContain(row!.keyHash);
  });

  it("refuses unknown shops with a field error and writes nothing", async () => {
    const db = t.current.db;
    const before = (await db.select().from(auditLog)).length;
    await expect(
      createApiKey(db, null, { name: "x", shopIds: ["no-such-shop"] }),
    ).rejects.toMatchObject({
      code: "INVALID",
      details: { fields: { shopIds: expect.any(String) as unknown } },
    });
    expect(await db.select().from(auditLog)).toHaveLength(before);
  });

  it("lists keys without hashes or secrets", async () => {
    const list = await listApiKeys(t.current.db);
    expect(list.length).toBeGreaterThan(0);
    expect(Object.keys(list[0]!).sort()).toEqual([
      "createdAt",
      "createdByName",
      "id",
      "lastUsedAt",
      "name",
      "prefix",
      "revokedAt",
      "shops",
    ]);
  });

  it("authenticates a valid key, marks it used, and refuses unknown and revoked keys", async () => {
    const db = t.current.db;
    const a = await shop("keys-a");
    const { apiKey, secret } = await createApiKey(db, null, { name: "auth", shopIds: [a] });
    const now = new Date("2026-11-24T02:00:00Z");
    const auth = await authenticateApiKey(db, secret, now, 10);
    expect(auth).toMatchObject({
      key: { id: apiKey.id, name: "auth", shopIds: [a] },
      limited: false,
      limit: 10,
      remaining: 9,
      resetAt: new Date("2026-11-24T02:01:00Z"),
    });
    expect((await listApiKeys(db)).find((k) => k.id === apiKey.id)?.lastUsedAt).toEqual(now);
    expect(await authenticateApiKey(db, `${secret}x`, now)).toBeNull();
    expect(await authenticateApiKey(db, "", now)).toBeNull();

    const revoked = await revokeApiKey(db, null, apiKey.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await authenticateApiKey(db, secret, now)).toBeNull();
    // Revoking again changes nothing and writes no second audit entry.
    await revokeApiKey(db, null, apiKey.id);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, apiKey.id))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["apiKey.create", "apiKey.revoke"]);
    await expect(revokeApiKey(db, null, "missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("counts requests in a fixed 60 s window per key", async () => {
    const db = t.current.db;
    const { secret } = await createApiKey(db, null, {
      name: "rate",
      shopIds: [await shop("keys-a")],
    });
    const start = new Date("2026-11-24T03:00:00Z");
    const at = (s: number) => new Date(start.getTime() + s * 1000);
    const results = [];
    for (const s of [0, 10, 20, 30]) results.push(await authenticateApiKey(db, secret, at(s), 3));
    expect(results.map((r) => r?.limited)).toEqual([false, false, false, true]);
    expect(results[3]).toMatchObject({ remaining: 0, resetAt: at(60) });
    // The window restarts at the first request after it ended.
    const next = await authenticateApiKey(db, secret, at(61), 3);
    expect(next).toMatchObject({ limited: false, remaining: 2, resetAt: at(121) });
  });

  it("seeds the documented demo key once, scoped to the demo shop", async () => {
    const db = t.current.db;
    expect(await ensureDemoApiKey(db, "demo-shop")).toBe(true);
    expect(await ensureDemoApiKey(db, "demo-shop")).toBe(false);
    const auth = await authenticateApiKey(db, DEMO_API_KEY);
    expect(auth?.key).toMatchObject({ id: "demo", shopIds: ["demo-shop"] });
    const created = await db.select().from(auditLog).where(eq(auditLog.entityId, "demo"));
    expect(created).toHaveLength(1);
  });
});
