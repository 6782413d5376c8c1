import { describe, expect, it } from "vitest";
import {
  detectPreset,
  FIELDS,
  mappingFor,
  missingRequired,
  normalizeHeader,
  PRESETS,
  templateFile,
  templateHeaders,
  type ColumnMapping,
  type Field,
  type PresetId,
} from "./presets";
import { validateRow } from "./rows";
import { readTable } from "./table";

/** Header rows as the platforms export them; the stray trailing spaces exercise header trimming. */
const HEADERS: Record<string, string> = {
  taobaoClassic:
    "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额," +
    "买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,订单付款时间 ," +
    "宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费," +
    "发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,是否上传合同照片,是否上传小票,是否代付,定金排名,修改后的sku," +
    "修改后的收货地址,异常信息",
  taobaoMerged:
    "订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,买家会员名,收货人姓名,收货地址," +
    "联系手机,订单付款时间,买家留言,订单备注,店铺名称",
  jd:
    "订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型," +
    "下单帐号,客户姓名,客户地址,联系电话,订单备注,发票类型,发票抬头,发票内容,商家备注,商家备注等级（等级1-5为由高到低）," +
    "运费金额,付款确认时间,增值税发票,货号,订单完成时间,订单来源,订单渠道",
  pddClassic:
    "商品,订单号,订单状态,商品总价(元),店铺优惠折扣(元),平台优惠折扣(元),邮费(元),用户实付金额(元),商品数量(件),身份证姓名," +
    "身份证号码,收货人,手机,是否异常,省,市,区,街道,支付时间,拼单成功时间,订单确认时间,承诺发货时间,发货时间,确认收货时间," +
    "商品id,商品规格,用户购买手机号,样式ID,商家编码-SKU维度,商家编码-商品维度,快递单号,快递公司,商家备注,售后状态,买家留言",
  pddCurrent:
    "商品,订单号,订单状态,商品数量(件),是否审核中,支付时间,承诺发货时间,发货时间,确认收货时间,商品id,商品规格,样式ID," +
    "商品一级类目,商家编码-规格维度,商家编码-商品维度,商家备注,买家留言,售后状态,订单成交时间,商品总价(元),邮费(元)," +
    "用户实付金额(元),商家实收金额(元),快递单号,快递公司,省,市,区,街道/镇,用户购买手机号",
  douyin:
    "主订单编号,子订单编号,选购商品,商品规格,商品数量,商品ID,商家编码,商品单价,订单应付金额,运费,优惠总金额,支付方式," +
    "收件人,收件人手机号,省,市,区,街道,详细地址,是否修改过地址,买家留言,订单提交时间,支付完成时间,商家备注,订单状态,售后状态",
  ours: templateHeaders.join(","),
};
const split = (name: string) => (HEADERS[name] ?? "").split(",");

describe("detectPreset and mappingFor on real header rows", () => {
  it.each<{ file: string; id: PresetId; missing: Field[]; expect: Partial<Record<Field, string>> }>(
    [
      {
        file: "taobaoClassic",
        id: "taobao",
        missing: ["sku"],
        expect: {
          orderNo: "订单编号",
          recipientMobile: "联系手机",
          fullAddress: "收货地址 ",
          quantity: "宝贝总数量",
          sellerRemark: "订单备注",
        },
      },
      {
        file: "taobaoMerged",
        id: "taobao",
        missing: [],
        expect: {
          sku: "商家编码",
          itemName: "标题",
          quantity: "购买数量",
          unitPrice: "价格",
          paidAt: "订单付款时间",
        },
      },
      {
        file: "jd",
        id: "jd",
        missing: [],
        expect: {
          recipientName: "客户姓名",
          fullAddress: "客户地址",
          sku: "货号",
          quantity: "订购数量",
          buyerRemark: "订单备注",
          paidAt: "付款确认时间",
        },
      },
      {
        file: "pddClassic",
        id: "pdd",
        missing: [],
        expect: {
          recipientMobile: "手机",
          addressDetail: "街道",
          sku: "商家编码-SKU维度",
          quantity: "商品数量(件)",
          paidAt: "支付时间",
        },
      },
      {
        file: "pddCurrent",
        id: "pdd",
        missing: ["recipientName", "recipientMobile"],
        expect: { addressDetail: "街道/镇", sku: "商家编码-规格维度", itemName: "商品" },
      },
      {
        file: "douyin",
        id: "douyin",
        missing: [],
        expect: {
          orderNo: "主订单编号",
          street: "街道",
          addressDetail: "详细地址",
          sku: "商家编码",
          itemName: "选购商品",
          paidAt: "支付完成时间",
        },
      },
      {
        file: "ours",
        id: "express-console",
        missing: [],
        expect: {
          fullAddress: "完整地址",
          weightG: "重量(克)",
          isVirtual: "虚拟商品(是/否)",
          shopName: "店铺",
        },
      },
    ],
  )("$file -> $id", ({ file, id, missing, expect: expected }) => {
    const headers = split(file);
    const preset = detectPreset(headers);
    expect(preset?.id).toBe(id);
    if (!preset) return;
    const mapping = mappingFor(preset, headers);
    expect(missingRequired(mapping)).toEqual(missing);
    const named = Object.fromEntries(
      Object.entries(mapping).map(([field, i]) => [field, headers[i]]),
    );
    expect(named).toMatchObject(expected);
  });

  it.each([
    { name: "unrelated sheet", headers: ["name", "email", "phone"] },
    { name: "only an order number", headers: ["订单号", "备注"] },
    { name: "empty header row", headers: [] },
  ])("returns null for $name", ({ headers }) => {
    expect(detectPreset(headers)).toBeNull();
  });

  it("matches full-width brackets, stray spaces, asterisks and letter case", () => {
    const headers = [
      "*订单号",
      "收件人 ",
      "手 机 号",
      "完整地址",
      "sku",
      "商品名称",
      "数量",
      "单价（元）",
    ];
    const preset = detectPreset(headers);
    expect(preset?.id).toBe("express-console");
    expect(preset && mappingFor(preset, headers)).toMatchObject({
      orderNo: 0,
      recipientMobile: 2,
      sku: 4,
      unitPrice: 7,
    });
    expect(normalizeHeader("商品数量（件）")).toBe(normalizeHeader("商品数量(件)"));
  });

  it("never maps one column to two fields and uses the first of duplicate headers", () => {
    const pdd = PRESETS.find((p) => p.id === "pdd");
    if (!pdd) throw new Error("pdd preset missing");
    const mapping = mappingFor(pdd, ["订单号", "街道", "订单号"]);
    expect(mapping).toEqual({ orderNo: 0, addressDetail: 1 });
  });

  it("every preset alias refers to a known field", () => {
    for (const preset of PRESETS) {
      for (const field of Object.keys(preset.columns)) expect(FIELDS).toContain(field);
    }
  });
});

describe("missingRequired", () => {
  const all: ColumnMapping = {
    orderNo: 0,
    recipientName: 1,
    recipientMobile: 2,
    sku: 3,
    itemName: 4,
    quantity: 5,
  };
  it.each<{ name: string; mapping: ColumnMapping; missing: Field[] }>([
    {
      name: "nothing",
      mapping: {},
      missing: [
        "orderNo",
        "recipientName",
        "recipientMobile",
        "sku",
        "itemName",
        "quantity",
        "fullAddress",
      ],
    },
    { name: "full address", mapping: { ...all, fullAddress: 6 }, missing: [] },
    {
      name: "structured address",
      mapping: { ...all, province: 6, city: 7, county: 8, addressDetail: 9 },
      missing: [],
    },
    {
      name: "partial structured address",
      mapping: { ...all, province: 6, city: 7 },
      missing: ["county", "addressDetail"],
    },
    { name: "no address", mapping: all, missing: ["fullAddress"] },
  ])("$name", ({ mapping, missing }) => {
    expect(missingRequired(mapping)).toEqual(missing);
  });
});

describe("templateFile", () => {
  const fakeParser = () =>
    ({
      ok: true,
      provinceCode: "33",
      cityCode: "3301",
      countyCode: "330106",
      provinceName: "浙江省",
      cityName: "杭州市",
      countyName: "西湖区",
      detail: "x",
    }) as const;

  it.each(["xlsx", "csv"] as const)(
    "%s template reads back, is detected and validates",
    async (format) => {
      const table = await readTable(await templateFile(format), `template.${format}`);
      expect(table.headers).toEqual(templateHeaders);
      expect(table.rows).toHaveLength(2);
      const preset = detectPreset(table.headers);
      expect(preset?.id).toBe("express-console");
      if (!preset) return;
      const mapping = mappingFor(preset, table.headers);
      for (const row of table.rows) {
        expect(validateRow(row, mapping, { parseAddress: fakeParser })).toMatchObject({ ok: true });
      }
    },
  );
});
