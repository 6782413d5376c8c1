import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { idempotencyKeys } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { createApiKey, revokeApiKey } from "@/server/api-keys/service";
import { orderInputFor, seedShop } from "@/server/orders/testing";
import { orderOutput } from "@/server/orders/schemas";
import { apiRoute, type ApiDeps, type ApiHandler } from "./handler";
import { purgeExpiredIdempotencyKeys, requestHash } from "./idempotency";
import { cancelOrderById, createOrder, findOrderByPlatformNo, getOrderById } from "./orders";

const t = withTestDb();
const base = "http://localhost";
let shopA = "";
let shopB = "";
let keyA = "";
let keyB = "";

beforeAll(async () => {
  const db = t.current.db;
  shopA = (await seedShop(db, "api-shop-a")).shopId;
  shopB = (await seedShop(db, "api-shop-b")).shopId;
  keyA = (await createApiKey(db, null, { name: "A", shopIds: [shopA] })).secret;
  keyB = (await createApiKey(db, null, { name: "B", shopIds: [shopB] })).secret;
});

type Call = {
  key?: string | null;
  body?: unknown;
  raw?: BodyInit;
  headers?: Record<string, string>;
};

function request(method: string, path: string, call: Call = {}): Request {
  const headers: Record<string, string> = { ...call.headers };
  if (call.key !== null) headers.authorization ??= `Bearer ${call.key ?? keyA}`;
  let body: BodyInit | undefined = call.raw;
  if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers["content-type"] ??= "application/json";
  }
  return new Request(base + path, { method, headers, body });
}

async function send<P>(
  handler: ApiHandler<P>,
  req: Request,
  params: P,
  deps: Partial<ApiDeps> = {},
) {
  const res = await handler({ db: t.current.db, ...deps }, req, params);
  return { res, status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const create = (body: unknown, call: Call = {}) =>
  send(createOrder, request("POST", "/api/v1/orders", { body, ...call }), {});
const get = (id: number | string, call: Call = {}) =>
  send(getOrderById, request("GET", `/api/v1/orders/${id}`, call), { id: String(id) });
const cancel = (id: number, body: unknown, call: Call = {}) =>
  send(cancelOrderById, request("POST", `/api/v1/orders/${id}/cancel`, { body, ...call }), {
    id: String(id),
  });

describe("REST v1 authentication", () => {
  it("answers 401 with WWW-Authenticate for a missing, unknown or revoked key", async () => {
    const missing = await get(1, { key: null });
    expect(missing.status).toBe(401);
    expect(missing.res.headers.get("www-authenticate")).toBe("Bearer");
    expect(missing.res.headers.get("content-type")).toBe("application/problem+json");
    expect(missing.json).toMatchObject({ type: "about:blank", title: "Unauthorized", status: 401 });

    const bad = await get(1, { key: "ek_live_not-a-real-key" });
    expect(bad.status).toBe(401);
    expect(bad.res.headers.get("www-authenticate")).toMatch(/^Bearer /);

    const { apiKey, secret } = await createApiKey(t.current.db, null, {
      name: "soon revoked",
      shopIds: [shopA],
    });
    expect((await get(999_999, { key: secret })).status).toBe(404);
    await revokeApiKey(t.current.db, null, apiKey.id);
    expect((await get(999_999, { key: secret })).status).toBe(401);
  });

  it("accepts X-Api-Key as well", async () => {
    const r = await get(999_999, { key: null, headers: { "x-api-key": keyA } });
    expect(r.status).toBe(404);
  });

  it("answers 429 with Retry-After past the per-key limit", async () => {
    const { secret } = await createApiKey(t.current.db, null, { name: "rate", shopIds: [shopA] });
    const now = new Date("2030-01-01T00:00:00Z");
    const deps = { rateLimitPerMinute: 2, now: () => now };
    const call = () =>
      send(getOrderById, request("GET", "/api/v1/orders/1", { key: secret }), { id: "1" }, deps);
    expect((await call()).status).toBe(404);
    expect((await call()).status).toBe(404);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(limited.res.headers.get("retry-after")).toBe("60");
    expect(limited.res.headers.get("content-type")).toBe("application/problem+json");
    expect(limited.json).toMatchObject({ status: 429, title: "Too Many Requests" });
  });
});

describe("REST v1 request bodies", () => {
  it("refuses an oversized body with 413", async () => {
    const big = { ...orderInputFor(shopA), buyerRemark: "x".repeat(1024 * 1024) };
    const r = await create(big);
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ status: 413, title: "Content Too Large" });
  });

  it("refuses a non-JSON body with 415 and malformed JSON with 400", async () => {
    const text = await create(undefined, {
      raw: "shop=a",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    const broken = await create(undefined, {
      raw: '{"shop": ',
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    expect(broken.json).toMatchObject({ type: "about:blank", title: "Bad Request", status: 400 });
  });

  it("answers 422 with one entry per invalid field", async () => {
    const input = orderInputFor(shopA);
    const r = await create({
      ...input,
      recipient: { ...input.recipient, mobile: "12345" },
      items: [{ ...input.items[0]!, quantity: 0 }],
    });
    expect(r.status).toBe(422);
    expect(r.res.headers.get("content-type")).toBe("application/problem+json");
    expect(r.json).toEqual({
      type: "about:blank",
      title: "Unprocessable Content",
      status: 422,
      detail: "The request is invalid",
      errors: [
        {
          field: "recipient.mobile",
          message: "a mainland mobile number, 11 digits starting with 1",
        },
        { field: "items.0.quantity", message: "Too small: expected number to be >=1" },
      ],
    });
  });

  it("answers 422 with the field for a domain validation failure", async () => {
    const r = await create(orderInputFor(shopA, { warehouse: "no-such-warehouse" }));
    expect(r.status).toBe(422);
    expect(r.json.errors).toEqual([{ field: "warehouse", message: expect.any(String) as unknown }]);
  });
});

describe("REST v1 orders", () => {
  it("creates (201), then answers the same order again with 200 and the same id", async () => {
    const input = orderInputFor(shopA);
    const first = await create(input);
    expect(first.status).toBe(201);
    const order = orderOutput.parse(first.json);
    expect(order).toMatchObject({
      shop: shopA,
      platformOrderNo: input.platformOrderNo,
      status: "AWAITING_SHIPMENT",
      paidAt: "2026-11-24T02:00:00.000Z",
      totalFen: 17600,
      recipient: { name: "张三", mobile: "13800138000" },
    });
    expect(order.parcels).toHaveLength(1);
    const again = await create(input);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(order.id);

    const read = await get(order.id);
    expect(read.status).toBe(200);
    expect(read.json).toEqual(again.json);
  });

  it("keeps each key to its shops: 403 for another shop's order, 404 for unknown ids", async () => {
    const { json } = await create(orderInputFor(shopA));
    expect((await get(json.id as number, { key: keyB })).status).toBe(403);
    expect((await create(orderInputFor(shopB))).status).toBe(403);
    expect((await create(orderInputFor(shopB), { key: keyB })).status).toBe(201);
    const missing = await get(987_654_321);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ title: "Not Found", status: 404 });
    expect((await get("not-a-number")).status).toBe(404);
  });

  it("finds an order by shop and platform order number", async () => {
    const input = orderInputFor(shopA);
    const { json } = await create(input);
    const find = (query: string, key = keyA) =>
      send(findOrderByPlatformNo, request("GET", `/api/v1/orders?${query}`, { key }), {});
    const found = await find(`shop=${shopA}&platformOrderNo=${input.platformOrderNo}`);
    expect(found.status).toBe(200);
    expect(found.json.id).toBe(json.id);
    expect((await find(`shop=${shopA}&platformOrderNo=nope`)).status).toBe(404);
    expect(
      (await find(`shop=${shopA}&platformOrderNo=${input.platformOrderNo}`, keyB)).status,
    ).toBe(403);
    const missing = await find(`shop=${shopA}`);
    expect(missing.status).toBe(422);
    expect(missing.json.errors).toEqual([
      { field: "platformOrderNo", message: expect.any(String) as unknown },
    ]);
  });

  it("cancels (200, CANCELLED), then refuses a changed order with 409", async () => {
    const input = orderInputFor(shopA);
    const id = (await create(input)).json.id as number;
    expect((await cancel(id, {})).status).toBe(422);
    expect((await cancel(id, { reason: "买家申请退款" }, { key: keyB })).status).toBe(403);
    const done = await cancel(id, { reason: "买家申请退款" });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ id, status: "CANCELLED", cancelReason: "买家申请退款" });
    expect((await get(id)).json.status).toBe("CANCELLED");
    expect((await cancel(id, { reason: "again" })).status).toBe(200);

    const changed = await create({ ...input, items: [{ ...input.items[0]!, quantity: 5 }] });
    expect(changed.status).toBe(409);
    expect(changed.json).toMatchObject({ title: "Conflict", status: 409 });
  });
});

describe("REST v1 idempotency", () => {
  it("replays the first response for the same key and body", async () => {
    const input = orderInputFor(shopA);
    const headers = { "idempotency-key": "idem-replay-1" };
    const first = await create(input, { headers });
    expect(first.status).toBe(201);
    expect(first.res.headers.get("idempotent-replayed")).toBeNull();
    const again = await create(input, { headers });
    expect(again.status).toBe(201);
    expect(again.res.headers.get("idempotent-replayed")).toBe("true");
    expect(again.res.headers.get("content-type")).toBe("application/json");
    expect(again.json).toEqual(first.json);
    // Without the header the same order is simply an upsert that changed nothing.
    expect((await create(input)).status).toBe(200);
  });

  it("refuses the same key with a different body (422)", async () => {
    const headers = { "idempotency-key": "idem-mismatch-1" };
    expect((await create(orderInputFor(shopA), { headers })).status).toBe(201);
    const other = await create(orderInputFor(shopA), { headers });
    expect(other.status).toBe(422);
    expect(other.json.detail).toMatch(/Idempotency-Key/);
  });

  it("answers 409 while the first request with the key is still in flight", async () => {
    const input = orderInputFor(shopA);
    const { apiKey, secret } = await createApiKey(t.current.db, null, {
      name: "in flight",
      shopIds: [shopA],
    });
    await t.current.db.insert(idempotencyKeys).values({
      apiKeyId: apiKey.id,
      key: "idem-inflight-1",
      requestHash: requestHash("POST", "/api/v1/orders", input),
    });
    const r = await create(input, {
      key: secret,
      headers: { "idempotency-key": "idem-inflight-1" },
    });
    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({ title: "Conflict", status: 409 });
    // Nothing ran: the order does not exist.
    const find = await send(
      findOrderByPlatformNo,
      request("GET", `/api/v1/orders?shop=${shopA}&platformOrderNo=${input.platformOrderNo}`, {
        key: secret,
      }),
      {},
    );
    expect(find.status).toBe(404);
  });

  it("forgets keys after 24 h: an expired key runs again, and the purge deletes old rows", async () => {
    const { apiKey, secret } = await createApiKey(t.current.db, null, {
      name: "expiry",
      shopIds: [shopA],
    });
    const old = new Date(Date.now() - 25 * 60 * 60 * 1000);
    for (const key of ["idem-old-1", "idem-old-2"]) {
      await t.current.db.insert(idempotencyKeys).values({
        apiKeyId: apiKey.id,
        key,
        requestHash: "something else",
        responseStatus: 201,
        responseBody: {},
        createdAt: old,
      });
    }
    const r = await create(orderInputFor(shopA), {
      key: secret,
      headers: { "idempotency-key": "idem-old-1" },
    });
    expect(r.status).toBe(201);
    expect(r.res.headers.get("idempotent-replayed")).toBeNull();
    expect(await purgeExpiredIdempotencyKeys(t.current.db)).toBe(1);
    const left = await t.current.db
      .select({ key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.apiKeyId, apiKey.id));
    expect(left).toEqual([{ key: "idem-old-1" }]);
  });

  it("releases the key when the request fails with a 5xx, so a retry runs again", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    let calls = 0;
    const flaky = apiRoute(() => {
      calls += 1;
      if (calls === 1) return Promise.reject(new Error("database hiccup"));
      return Promise.resolve({ status: 201, body: { ok: true } });
    });
    const headers = { "idempotency-key": "idem-retry-1" };
    const first = await send(
      flaky,
      request("POST", "/api/v1/orders", { body: { a: 1 }, headers }),
      {},
    );
    expect(first.status).toBe(500);
    expect(JSON.stringify(first.json)).not.toContain("hiccup");
    const rows = await t.current.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, "idem-retry-1"));
    expect(rows).toHaveLength(0);
    const retry = await send(
      flaky,
      request("POST", "/api/v1/orders", { body: { a: 1 }, headers }),
      {},
    );
    expect(retry.status).toBe(201);
    expect(calls).toBe(2);
    log.mockRestore();
  });
});
