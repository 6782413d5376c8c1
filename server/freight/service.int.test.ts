import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, courierAccounts, freightTemplates } from "@/db/schema";
import { seedDemoFreight } from "@/db/seed/demo-freight";
import { withTestDb } from "@/db/testing/test-db";
import { DomainError } from "@/server/errors";
import { EXAMPLE_ORIGIN_CODE, exampleRegionSets, exampleTemplates } from "./examples";
import { quote, sumLines } from "./quote";
import {
  deleteRegionSet,
  deleteTemplate,
  getTemplate,
  importRateCard,
  listRegionSets,
  listTemplates,
  quoteAll,
  resolveDestination,
  saveRegionSet,
  saveTemplate,
  setTemplateEnabled,
  type ImportRateCardInput,
} from "./service";
import type { FreightTemplate } from "./types";

const t = withTestDb();
const db = () => t.current.db;

const SHENZHEN_NANSHAN = "440305";
const SANDBOX = ["sf", "zto", "yto", "yunda", "jt", "ems", "deppon"];

beforeAll(async () => {
  await db()
    .insert(courierAccounts)
    .values(
      SANDBOX.map((c) => ({
        id: `sandbox-${c}`,
        courier: c,
        name: `${c} 沙箱`,
        environment: "sandbox" as const,
        credentials: "unused",
      })),
    );
  expect(await seedDemoFreight(db())).toBe(true);
});

async function audits(entityId: string) {
  return db().select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
}

/** Catches the DomainError a call throws. */
async function failure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

const parcel = { originCode: EXAMPLE_ORIGIN_CODE, weightG: 1800 };

describe("demo seed", () => {
  it("seeds the example region sets and one example template per sandbox account, once", async () => {
    const list = await listTemplates(db());
    expect(list.map((l) => l.id).sort()).toEqual(exampleTemplates.map((e) => e.id).sort());
    expect(list.every((l) => l.isExample && l.enabled)).toBe(true);
    const sets = await listRegionSets(db());
    expect(sets.map((s) => s.id).sort()).toEqual(exampleRegionSets.map((s) => s.id).sort());
    expect(sets.find((s) => s.id === "jzh")?.usedBy.length).toBe(exampleTemplates.length);
    expect(await seedDemoFreight(db())).toBe(false);
  });

  it("stores the template body without the column fields and reads it back whole", async () => {
    const [row] = await db()
      .select()
      .from(freightTemplates)
      .where(eq(freightTemplates.id, "example-zto-standard"));
    expect(row!.body).not.toHaveProperty("courierAccountId");
    expect(row!.body).not.toHaveProperty("name");
    const got = await getTemplate(db(), "example-zto-standard");
    expect(got.template).toEqual(exampleTemplates.find((e) => e.id === "example-zto-standard"));
    expect(got.account).toMatchObject({ id: "sandbox-zto", courierNameZh: "中通快递" });
  });
});

describe("quoteAll", () => {
  it("quotes every enabled template side by side, cheapest first, equal to the pure function", async () => {
    const r = await quoteAll(db(), { ...parcel, destination: { code: SHENZHEN_NANSHAN } });
    expect(r.destination).toEqual({ code: SHENZHEN_NANSHAN, label: "广东省 深圳市 南山区" });
    expect(r.origin.code).toBe(EXAMPLE_ORIGIN_CODE);
    expect(r.unavailable).toEqual([]);
    expect(r.quotes).toHaveLength(exampleTemplates.length);
    const totals = r.quotes.map((q) => q.totalFen);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    for (const q of r.quotes) {
      const template = exampleTemplates.find((e) => e.id === q.templateId)!;
      const pure = quote(template, exampleRegionSets, {
        ...parcel,
        destinationCode: SHENZHEN_NANSHAN,
      });
      expect(pure.ok && pure.totalFen).toBe(q.totalFen);
      expect(sumLines(q.lines)).toBe(q.totalFen);
    }
    // ZTO 全国 tier: ¥5 first kg + 1 × ¥4 (1.8 kg rounds up to 2 kg).
    const zto = r.quotes.find((q) => q.account.id === "sandbox-zto")!;
    expect(zto).toMatchObject({ ok: true, totalFen: 900, transitDays: 3 });
    expect(zto.account).toMatchObject({ courierNameZh: "中通快递", courierNameEn: "ZTO Express" });
    expect(zto.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ["first_weight", 500],
      ["additional_weight", 400],
    ]);
  });

  it("takes an address, and lists templates that cannot quote with their reason", async () => {
    const r = await quoteAll(db(), {
      ...parcel,
      destination: { address: "新疆乌鲁木齐市天山区人民路1号" },
      // Above EMS's insurable maximum (¥20,000) only.
      declaredValueFen: 2_500_000,
    });
    expect(r.destination.label).toBe("新疆维吾尔自治区 乌鲁木齐市 天山区");
    expect(r.unavailable.map((u) => [u.account.id, u.reason])).toEqual([
      ["sandbox-ems", "declared_value_too_high"],
    ]);
    const deppon = r.quotes.find((q) => q.account.id === "sandbox-deppon")!;
    expect(deppon.lines.map((l) => l.kind)).toEqual([
      "first_weight",
      "remote",
      "fuel",
      "insurance",
    ]);
  });

  it("refuses an unknown origin or a destination that names no region", async () => {
    const bad = await failure(
      quoteAll(db(), { ...parcel, originCode: "999999", destination: { code: "440305" } }),
    );
    expect(bad.details.fields).toEqual({ originCode: "freight.errors.unknownRegion" });
    const nowhere = await failure(quoteAll(db(), { ...parcel, destination: { address: "xyz" } }));
    expect(nowhere.code).toBe("INVALID");
    expect(nowhere.details.fields).toEqual({
      "destination.address": "freight.errors.destination",
    });
  });

  it("leaves out disabled templates and reports templates of disabled accounts", async () => {
    await setTemplateEnabled(db(), null, "example-yto-standard", false);
    await db()
      .update(courierAccounts)
      .set({ enabled: false })
      .where(eq(courierAccounts.id, "sandbox-jt"));
    try {
      const r = await quoteAll(db(), { ...parcel, destination: { code: SHENZHEN_NANSHAN } });
      const ids = r.quotes.map((q) => q.account.id);
      expect(ids).not.toContain("sandbox-yto");
      expect(ids).not.toContain("sandbox-jt");
      expect(r.unavailable.map((u) => [u.account.id, u.reason])).toEqual([
        ["sandbox-jt", "account_disabled"],
      ]);
    } finally {
      await setTemplateEnabled(db(), null, "example-yto-standard", true);
      await db()
        .update(courierAccounts)
        .set({ enabled: true })
        .where(eq(courierAccounts.id, "sandbox-jt"));
    }
    const log = await audits("example-yto-standard");
    expect(log.map((a) => a.action)).toEqual([
      "freight_template.create",
      "freight_template.disable",
      "freight_template.enable",
    ]);
  });
});

describe("resolveDestination", () => {
  it.each([
    ["广东省深圳市南山区科技园科苑路15号", "440305"],
    ["杭州西湖区", "330106"],
    ["广东省东莞市", "441900"],
    ["新疆", "650000"],
  ])("%s -> %s", (address, code) => {
    expect(resolveDestination({ address })).toMatchObject({ ok: true, code });
  });

  it("gives suggestions for an ambiguous name", () => {
    const r = resolveDestination({ address: "朝阳区" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.suggestions).toEqual(["北京市 朝阳区", "吉林省 长春市 朝阳区"]);
  });
});

describe("saveTemplate", () => {
  const zto = () => exampleTemplates.find((e) => e.id === "example-zto-standard")!;

  it("refuses an invalid template with one message key per field and writes nothing", async () => {
    const before = (await audits("example-zto-standard")).length;
    const broken: FreightTemplate = {
      ...zto(),
      zones: [
        { ...zto().zones[0]!, firstPriceFen: -1 },
        { ...zto().zones[1]!, destination: { type: "set", id: "no-such-set" } },
        { ...zto().zones[2]!, additionalUnitG: 1.5 },
      ],
      fuelSurchargeBasisPoints: 20_000,
    };
    const error = await failure(
      saveTemplate(db(), null, { id: "example-zto-standard", template: broken }),
    );
    expect(error.code).toBe("INVALID");
    expect(error.details.fields).toEqual({
      "zones.0.firstPriceFen": "freight.errors.tooSmall",
      "zones.2.additionalUnitG": "freight.errors.wholeNumber",
      fuelSurchargeBasisPoints: "freight.errors.tooBig",
    });
    // Schema-valid but naming an unknown region set.
    const unknownSet = await failure(
      saveTemplate(db(), null, {
        id: "example-zto-standard",
        template: { ...zto(), zones: [broken.zones[1]!] },
      }),
    );
    expect(unknownSet.details.fields).toEqual({
      "zones.0.destination": "freight.errors.unknownRegionSet",
    });
    const noAccount = await failure(
      saveTemplate(db(), null, { template: { ...zto(), courierAccountId: "nope" } }),
    );
    expect(noAccount.details.fields).toEqual({ courierAccountId: "freight.errors.unknownAccount" });
    expect((await audits("example-zto-standard")).length).toBe(before);
    expect((await getTemplate(db(), "example-zto-standard")).template).toEqual(zto());
  });

  it("updates prices with an audit record holding before and after, and quotes change", async () => {
    const edited = {
      ...zto(),
      isExample: false,
      zones: zto().zones.map((z) =>
        z.destination.type === "all" ? { ...z, firstPriceFen: 650 } : z,
      ),
    };
    await saveTemplate(db(), null, {
      id: "example-zto-standard",
      template: edited,
    });
    const log = await audits("example-zto-standard");
    const last = log.at(-1)!;
    expect(last.action).toBe("freight_template.update");
    const allZone = (x: unknown) =>
      (x as FreightTemplate).zones.find((z) => z.destination.type === "all")!.firstPriceFen;
    expect(allZone(last.before)).toBe(500);
    expect(allZone(last.after)).toBe(650);
    expect((last.after as { isExample: boolean }).isExample).toBe(false);

    const r = await quoteAll(db(), { ...parcel, destination: { code: SHENZHEN_NANSHAN } });
    expect(r.quotes.find((q) => q.account.id === "sandbox-zto")?.totalFen).toBe(1050);
    const [row] = await db()
      .select({ isExample: freightTemplates.isExample })
      .from(freightTemplates)
      .where(eq(freightTemplates.id, "example-zto-standard"));
    expect(row!.isExample).toBe(false);
  });

  it("creates a template with a generated id, and deletes it (audited, not re-seeded)", async () => {
    const { id } = await saveTemplate(db(), null, {
      template: { ...zto(), name: "中通 合同价", isExample: false },
      enabled: false,
    });
    expect(id).toMatch(/^tpl-[0-9a-f]{10}$/);
    const list = await listTemplates(db());
    expect(list.find((l) => l.id === id)).toMatchObject({ enabled: false, zoneCount: 6 });
    await deleteTemplate(db(), null, id);
    expect((await audits(id)).map((a) => a.action)).toEqual([
      "freight_template.create",
      "freight_template.delete",
    ]);

    await deleteTemplate(db(), null, "example-ems-standard");
    expect(await seedDemoFreight(db())).toBe(false);
    expect((await listTemplates(db())).some((l) => l.id === "example-ems-standard")).toBe(false);
    expect((await failure(getTemplate(db(), "example-ems-standard"))).code).toBe("NOT_FOUND");
  });
});

describe("region sets", () => {
  it("creates, refuses a duplicate name, re-prices templates on change, refuses deleting one in use", async () => {
    const set = await saveRegionSet(db(), null, { name: "华南", codes: ["440000", "450000"] });
    expect(set.id).toMatch(/^rs-/);
    const dup = await failure(saveRegionSet(db(), null, { name: "华南", codes: ["440000"] }));
    expect(dup.code).toBe("CONFLICT");
    expect(dup.details.fields).toEqual({ name: "freight.errors.regionSetNameTaken" });
    const bad = await failure(saveRegionSet(db(), null, { name: "x", codes: ["123456"] }));
    expect(bad.details.fields).toEqual({ "codes.0": "freight.errors.unknownRegion" });

    // Give SF a 华南 tier (before 全国) and watch the quote follow the set.
    const sf = (await getTemplate(db(), "example-sf-standard")).template;
    const zones = [...sf.zones];
    zones.splice(zones.length - 1, 0, {
      ...sf.zones.at(-1)!,
      destination: { type: "set", id: set.id },
      firstPriceFen: 1500,
    });
    await saveTemplate(db(), null, { id: sf.id, template: { ...sf, zones } });
    const sfTotal = async () =>
      (await quoteAll(db(), { ...parcel, destination: { code: SHENZHEN_NANSHAN } })).quotes.find(
        (q) => q.account.id === "sandbox-sf",
      )!.totalFen;
    expect(await sfTotal()).toBe(1500 + 1000);
    await saveRegionSet(db(), null, { id: set.id, name: "华南", codes: ["450000"] });
    expect(await sfTotal()).toBe(2000 + 1000);
    const log = await audits(set.id);
    expect(log.at(-1)).toMatchObject({
      action: "region_set.update",
      before: { codes: ["440000", "450000"] },
      after: { codes: ["450000"], usedBy: ["example-sf-standard"] },
    });

    const inUse = await failure(deleteRegionSet(db(), null, set.id));
    expect(inUse).toMatchObject({ code: "CONFLICT" });
    expect(inUse.details.messageKey).toBe("freight.errors.regionSetInUse");
    await saveTemplate(db(), null, { id: sf.id, template: sf });
    await deleteRegionSet(db(), null, set.id);
    expect((await listRegionSets(db())).some((s) => s.id === set.id)).toBe(false);
  });
});

describe("importRateCard", () => {
  const csv = (lines: string[]) => new TextEncoder().encode(lines.join("\r\n") + "\r\n");
  const badCard = csv([
    "圆通速递 2024 电商价格表（杭州发）",
    "目的地,首重(元),续重(元/kg),时效(天)",
    "江浙沪,3.2,1,1",
    "广东,4.5,3.5,2-3",
    "火星,5,4,3",
    "新疆,15,12.345,5",
    "全国,4.8,4,3",
  ]);
  const importInto = (templateId: string, over: Partial<ImportRateCardInput> = {}) =>
    importRateCard(db(), null, {
      target: { templateId },
      fileName: "yto.csv",
      bytes: badCard,
      mode: "apply",
      ...over,
    });

  it("reports row errors with spreadsheet row numbers and writes nothing", async () => {
    const before = await getTemplate(db(), "example-yto-standard");
    const auditsBefore = (await audits("example-yto-standard")).length;
    for (const mode of ["preview", "apply"] as const) {
      const r = await importInto("example-yto-standard", { mode });
      expect(r.applied).toBe(false);
      expect(r.headerRow).toBe(2);
      expect(r.errors.map((e) => [e.row, e.field, e.code])).toEqual([
        [5, "destination", "unknown_destination"],
        [6, "additionalPrice", "bad_price"],
      ]);
      expect(r.rows.map((x) => [x.row, x.destinationLabel])).toEqual([
        [3, "江浙沪"],
        [4, "广东省"],
        [7, "全国"],
      ]);
      // The template ships from 浙江省内 (its first zone's origin): those 4 zones would be replaced,
      // the 2 "from anywhere" zones kept.
      expect(r).toMatchObject({ originLabel: "浙江省内", replacedZones: 4, keptZones: 2 });
    }
    expect((await getTemplate(db(), "example-yto-standard")).template).toEqual(before.template);
    expect((await audits("example-yto-standard")).length).toBe(auditsBefore);
  });

  it("imports the valid rows when asked to, replacing the zones of that origin", async () => {
    const r = await importInto("example-yto-standard", { mode: "applyValidRows" });
    expect(r.applied).toBe(true);
    const after = (await getTemplate(db(), "example-yto-standard")).template;
    expect(after.isExample).toBe(false);
    expect(after.zones.filter((z) => z.origin.type === "all")).toHaveLength(2);
    expect(after.zones.filter((z) => z.origin.type !== "all")).toEqual([
      {
        origin: { type: "set", id: "zhejiang" },
        destination: { type: "set", id: "jzh" },
        firstWeightG: 1000,
        firstPriceFen: 320,
        additionalUnitG: 1000,
        additionalUnitPriceFen: 100,
        transitDays: 1,
      },
      {
        origin: { type: "set", id: "zhejiang" },
        destination: { type: "codes", codes: ["440000"] },
        firstWeightG: 1000,
        firstPriceFen: 450,
        additionalUnitG: 1000,
        additionalUnitPriceFen: 350,
        transitDays: 3,
      },
      {
        origin: { type: "set", id: "zhejiang" },
        destination: { type: "all" },
        firstWeightG: 1000,
        firstPriceFen: 480,
        additionalUnitG: 1000,
        additionalUnitPriceFen: 400,
        transitDays: 3,
      },
    ]);
    const last = (await audits("example-yto-standard")).at(-1)!;
    expect(last.action).toBe("freight_template.import");
    expect(last.after).toMatchObject({
      import: { fileName: "yto.csv", rows: 3, skippedRowErrors: 2, replacedZones: 4 },
    });
    const q = await quoteAll(db(), { ...parcel, destination: { code: SHENZHEN_NANSHAN } });
    expect(q.quotes.find((x) => x.account.id === "sandbox-yto")?.totalFen).toBe(450 + 350);
  });

  it("applies a clean GB18030 card, keeping zones of other origins", async () => {
    const text = ["省份,首重1kg(元),续重(元/0.5kg)", "浙江、上海、江苏,3,0.5", "其他,6,2"].join(
      "\r\n",
    );
    const r = await importInto("example-yunda-standard", {
      bytes: new Uint8Array(iconv.encode(text, "gb18030")),
      fileName: "韵达.csv",
      origin: { type: "codes", codes: ["320000"] },
    });
    expect(r.errors).toEqual([]);
    expect(r.applied).toBe(true);
    expect(r).toMatchObject({ replacedZones: 0, keptZones: 6, originLabel: "江苏省" });
    const after = (await getTemplate(db(), "example-yunda-standard")).template;
    expect(after.zones).toHaveLength(8);
    expect(after.zones.slice(6)).toEqual([
      {
        origin: { type: "codes", codes: ["320000"] },
        destination: { type: "codes", codes: ["330000", "310000", "320000"] },
        firstWeightG: 1000,
        firstPriceFen: 300,
        additionalUnitG: 500,
        additionalUnitPriceFen: 50,
      },
      {
        origin: { type: "codes", codes: ["320000"] },
        destination: { type: "all" },
        firstWeightG: 1000,
        firstPriceFen: 600,
        additionalUnitG: 500,
        additionalUnitPriceFen: 200,
      },
    ]);
    // From Nanjing the new card prices; from Hangzhou the old example zones still do.
    const fromNanjing = await quoteAll(db(), {
      ...parcel,
      originCode: "320102",
      destination: { code: SHENZHEN_NANSHAN },
    });
    expect(fromNanjing.quotes.find((x) => x.account.id === "sandbox-yunda")?.totalFen).toBe(
      600 + 2 * 200,
    );
  });

  it("creates a new template from an XLSX card", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("价格表");
    ws.addRows([
      ["目的地", "首重(元)", "续重(元/kg)"],
      ["江浙沪", 4, 1.5],
      ["全国", 7, 5],
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importRateCard(db(), null, {
      target: {
        create: { name: "申通 合同价 2025", courierAccountId: "sandbox-zto", product: "standard" },
      },
      fileName: "sto.xlsx",
      bytes,
      mode: "apply",
    });
    expect(r.applied).toBe(true);
    const created = await getTemplate(db(), r.templateId!);
    expect(created.template).toMatchObject({
      name: "申通 合同价 2025",
      billing: "weight",
      volumetricDivisor: 8000,
      rounding: { unitG: 1000, firstWeightG: 1000 },
      isExample: false,
      zones: [
        { origin: { type: "all" }, firstPriceFen: 400, additionalUnitPriceFen: 150 },
        { origin: { type: "all" }, firstPriceFen: 700, additionalUnitPriceFen: 500 },
      ],
    });
    expect(created.enabled).toBe(true);
    const [a] = await db()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, r.templateId!), eq(auditLog.action, "freight_template.import")),
      );
    expect(a).toBeDefined();
  });

  it("refuses a file it cannot read and a card without the price columns", async () => {
    const empty = await failure(importInto("example-sf-standard", { bytes: new Uint8Array() }));
    expect(empty.details.fields).toEqual({ file: "freight.errors.file.empty_file" });
    const r = await importInto("example-sf-standard", { bytes: csv(["省份,价格", "浙江,3"]) });
    expect(r.applied).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual(["missing_columns"]);
    const rv = await importInto("example-sf-standard", {
      bytes: csv(["省份,价格", "浙江,3"]),
      mode: "applyValidRows",
    });
    expect(rv.applied).toBe(false);
  });
});
