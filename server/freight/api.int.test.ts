import { beforeAll, describe, expect, it } from "vitest";
import { courierAccounts } from "@/db/schema";
import { seedDemoFreight } from "@/db/seed/demo-freight";
import { withTestDb } from "@/db/testing/test-db";
import type { ApiDeps } from "@/server/api-v1/handler";
import { createApiKey } from "@/server/api-keys/service";
import { seedShop } from "@/server/orders/testing";
import { saveShop, saveWarehouse } from "@/server/shops/service";
import { createFreightQuotes } from "./api";
import { freightQuoteOutput } from "./api-schemas";

const t = withTestDb();
let shopA = "";
let shopB = "";
let keyA = "";
let keyAB = "";

beforeAll(async () => {
  const db = t.current.db;
  await db.insert(courierAccounts).values(
    ["sf", "zto", "ems", "deppon"].map((c) => ({
      id: `sandbox-${c}`,
      courier: c,
      name: `${c} 沙箱`,
      environment: "sandbox" as const,
      credentials: "unused",
    })),
  );
  await seedDemoFreight(db);
  shopA = (await seedShop(db, "freight-a")).shopId;
  shopB = (await seedShop(db, "freight-b")).shopId;
  // A second warehouse, in Beijing.
  await saveWarehouse(db, null, {
    id: "wh-beijing",
    name: "北京仓",
    contactName: "仓管李",
    contactMobile: "13900139001",
    countyCode: "110105",
    address: "酒仙桥路 10 号",
    active: true,
  });
  keyA = (await createApiKey(db, null, { name: "A", shopIds: [shopA] })).secret;
  keyAB = (await createApiKey(db, null, { name: "AB", shopIds: [shopA, shopB] })).secret;
});

type Call = { key?: string | null; body?: unknown; raw?: string; contentType?: string };

async function post(call: Call, deps: Partial<ApiDeps> = {}) {
  const headers: Record<string, string> = {
    "content-type": call.contentType ?? "application/json",
  };
  if (call.key !== null) headers.authorization = `Bearer ${call.key ?? keyA}`;
  const request = new Request("http://localhost/api/v1/freight/quotes", {
    method: "POST",
    headers,
    body: call.raw ?? JSON.stringify(call.body),
  });
  const res = await createFreightQuotes({ db: t.current.db, ...deps }, request, {});
  return { res, status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const good = { destination: { countyCode: "440305" }, weightG: 1800 };

describe("POST /api/v1/freight/quotes", () => {
  it("answers 401 without a key or with an unknown one", async () => {
    const missing = await post({ key: null, body: good });
    expect(missing.status).toBe(401);
    expect(missing.res.headers.get("content-type")).toBe("application/problem+json");
    expect(missing.res.headers.get("www-authenticate")).toBe("Bearer");
    expect(missing.json).toMatchObject({ title: "Unauthorized", status: 401 });
    const unknown = await post({ key: "ek_live_nope", body: good });
    expect(unknown.status).toBe(401);
  });

  it("answers 422 with one entry per invalid field", async () => {
    const r = await post({
      body: { destination: {}, weightG: -5, lengthMm: 300, declaredValueFen: 1.5 },
    });
    expect(r.status).toBe(422);
    expect(r.res.headers.get("content-type")).toBe("application/problem+json");
    expect(r.json).toMatchObject({ title: "Unprocessable Content", status: 422 });
    const fields = (r.json.errors as { field: string; message: string }[]).map((e) => e.field);
    expect(fields).toEqual(["destination", "weightG", "declaredValueFen"]);

    // Only once the shape is right are the dimensions checked together.
    const dims = await post({ body: { ...good, lengthMm: 300 } });
    expect(dims.status).toBe(422);
    expect(dims.json.errors).toEqual([
      { field: "lengthMm", message: "give lengthMm, widthMm and heightMm together, or none" },
    ]);
  });

  it("answers 422 for a destination or origin that names nothing, 400 for broken JSON", async () => {
    const nowhere = await post({ body: { destination: { address: "某某某某" }, weightG: 100 } });
    expect(nowhere.status).toBe(422);
    expect(nowhere.json.errors).toEqual([
      { field: "destination.address", message: expect.stringMatching(/某某某某/) as string },
    ]);
    const ambiguous = await post({ body: { destination: { address: "朝阳区" }, weightG: 100 } });
    expect(ambiguous.status).toBe(422);
    expect(JSON.stringify(ambiguous.json.errors)).toContain("did you mean: 北京市 朝阳区");
    const code = await post({ body: { destination: { countyCode: "999999" }, weightG: 100 } });
    expect(code.json.errors).toEqual([
      { field: "destination.countyCode", message: 'Unknown region code "999999"' },
    ]);
    const origin = await post({ body: { ...good, origin: "no-such-warehouse" } });
    expect(origin.status).toBe(422);
    expect((origin.json.errors as { field: string }[])[0]!.field).toBe("origin");
    const broken = await post({ raw: '{"weightG": ' });
    expect(broken.status).toBe(400);
  });

  it("quotes every enabled courier from the shop's default warehouse, cheapest first", async () => {
    const r = await post({ body: good });
    expect(r.status).toBe(200);
    expect(r.res.headers.get("ratelimit-limit")).toBeTruthy();
    const body = freightQuoteOutput.parse(r.json);
    expect(body.origin).toEqual({ code: "330110", label: "浙江省 杭州市 余杭区" });
    expect(body.destination).toEqual({ code: "440305", label: "广东省 深圳市 南山区" });
    expect(body.quotes.map((q) => [q.accountId, q.totalFen])).toEqual([
      ["sandbox-zto", 900],
      ["sandbox-ems", 1800],
      ["sandbox-deppon", 2060],
      ["sandbox-sf", 3000],
    ]);
    const zto = body.quotes[0]!;
    expect(zto).toMatchObject({
      courier: "zto",
      courierName: "中通快递",
      courierNameEn: "ZTO Express",
      product: "standard",
      isExample: true,
      chargeableWeightG: 2000,
      transitDays: 3,
    });
    expect(zto.lines).toEqual([
      { kind: "first_weight", labelZh: "首重 1kg", labelEn: "First weight 1kg", amountFen: 500 },
      {
        kind: "additional_weight",
        labelZh: "续重 1 × ¥4.00/1kg",
        labelEn: "Additional weight 1 × ¥4.00/1kg",
        amountFen: 400,
      },
    ]);
    expect(body.unavailable).toEqual([]);
  });

  it("takes an address, dimensions, a declared value and an explicit origin", async () => {
    const r = await post({
      body: {
        origin: "wh-beijing",
        destination: { address: "浙江省杭州市西湖区文三路100号" },
        weightG: 500,
        lengthMm: 600,
        widthMm: 400,
        heightMm: 400,
        declaredValueFen: 2_500_000,
      },
    });
    expect(r.status).toBe(200);
    const body = freightQuoteOutput.parse(r.json);
    expect(body.origin.code).toBe("110105");
    // From Beijing the examples' "from anywhere" nationwide tier prices (ZTO: ¥5.00 first kg).
    const ztoFromBeijing = body.quotes.find((q) => q.accountId === "sandbox-zto")!;
    expect(ztoFromBeijing.lines.find((l) => l.kind === "first_weight")?.amountFen).toBe(500);

    const fromHangzhou = await post({
      body: {
        origin: "330110",
        destination: { address: "浙江省杭州市西湖区文三路100号" },
        weightG: 500,
        lengthMm: 600,
        widthMm: 400,
        heightMm: 400,
        declaredValueFen: 2_500_000,
      },
    });
    const b = freightQuoteOutput.parse(fromHangzhou.json);
    expect(b.unavailable.map((u) => [u.accountId, u.reason])).toEqual([
      ["sandbox-ems", "declared_value_too_high"],
    ]);
    const sf = b.quotes.find((q) => q.accountId === "sandbox-sf")!;
    // 600×400×400 mm ÷ 12000 = 8 kg volumetric, charged instead of 0.5 kg actual.
    expect(sf.chargeableWeightG).toBe(8000);
    expect(sf.lines.map((l) => l.kind)).toEqual([
      "volumetric_note",
      "first_weight",
      "additional_weight",
      "insurance",
    ]);
  });

  it("needs origin or shop when the key's shops ship from different warehouses", async () => {
    // Shop B moves to the Beijing warehouse.
    await saveShop(t.current.db, null, {
      id: shopB,
      name: "B",
      platform: "tmall",
      defaultWarehouseId: "wh-beijing",
      autoShip: false,
      afterSalesDays: 7,
      active: true,
    });
    const r = await post({ key: keyAB, body: good });
    expect(r.status).toBe(422);
    expect((r.json.errors as { field: string }[])[0]!.field).toBe("origin");
    const withShop = await post({ key: keyAB, body: { ...good, shop: shopA } });
    expect(withShop.status).toBe(200);
    const outOfScope = await post({ key: keyA, body: { ...good, shop: shopB } });
    expect(outOfScope.status).toBe(403);
  });

  it("answers 429 past the per-key limit", async () => {
    const { secret } = await createApiKey(t.current.db, null, { name: "rate", shopIds: [shopA] });
    const now = new Date("2030-01-01T00:00:00Z");
    const deps = { rateLimitPerMinute: 1, now: () => now };
    expect((await post({ key: secret, body: good }, deps)).status).toBe(200);
    const limited = await post({ key: secret, body: good }, deps);
    expect(limited.status).toBe(429);
    expect(limited.res.headers.get("retry-after")).toBe("60");
  });
});
