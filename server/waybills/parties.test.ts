import { describe, expect, it } from "vitest";
import {
  courierOrderId,
  goodsSummary,
  parcelWeightG,
  regionNames,
  toWaybillOrder,
  type IssuingLine,
  type IssuingParcel,
  type IssuingWarehouse,
} from "./parties";

const warehouse: IssuingWarehouse = {
  name: "杭州仓",
  contactName: "王仓管",
  contactMobile: "13900139000",
  provinceCode: "330000",
  cityCode: "330100",
  countyCode: "330110",
  address: "仓前街道文一西路 1500 号",
};

const parcel: IssuingParcel = {
  id: 42,
  recipientName: "张三",
  recipientMobile: "13800138000",
  recipientMobileExt: null,
  provinceCode: "110000",
  cityCode: "110100",
  countyCode: "110105",
  addressDetail: "建国路 88 号 SOHO 现代城 5 号楼",
  weightG: 1200,
  lengthMm: 300,
  widthMm: 200,
  heightMm: 150,
};

const line = (name: string, quantity: number, unitPriceFen = 1000, weightG: number | null = 100) =>
  ({ name, quantity, unitPriceFen, weightG }) satisfies IssuingLine;

describe("regionNames", () => {
  it.each([
    ["330110", { province: "浙江省", city: "杭州市", district: "余杭区" }],
    ["110105", { province: "北京市", city: "北京市", district: "朝阳区" }],
    ["500235", { province: "重庆市", city: "重庆市", district: "云阳县" }],
    // Counties the province administers directly: the county is the city on every address.
    ["429004", { province: "湖北省", city: "仙桃市", district: "仙桃市" }],
    // Cities without counties have no district.
    ["441900", { province: "广东省", city: "东莞市", district: "" }],
    ["999999", { province: "", city: "", district: "" }],
  ])("%s", (code, expected) => {
    expect(regionNames(code)).toEqual(expected);
  });
});

describe("courierOrderId", () => {
  it.each([
    [12, 0, "P12"],
    [12, 1, "P12R1"],
    [12, 2, "P12R2"],
  ])("parcel %i after %i cancelled waybills → %s", (id, cancelled, expected) => {
    expect(courierOrderId(id, cancelled)).toBe(expected);
  });
});

describe("goodsSummary", () => {
  it("merges lines of the same product and sorts by quantity", () => {
    expect(
      goodsSummary([
        line("马克杯", 1, 3900),
        line("咖啡豆 500g", 3, 8800),
        line("马克杯", 1, 3900),
      ]),
    ).toEqual([
      { name: "咖啡豆 500g", quantity: 3, unitValueFen: 8800 },
      { name: "马克杯", quantity: 2, unitValueFen: 3900 },
    ]);
  });

  it("folds the tail of a long order into one line", () => {
    const goods = goodsSummary(["A", "B", "C", "D", "E", "F", "G"].map((n, i) => line(n, 7 - i)));
    expect(goods).toHaveLength(5);
    expect(goods[4]).toEqual({ name: "E等3种", quantity: 6, unitValueFen: 1000 });
  });

  it("names a nameless line", () => {
    expect(goodsSummary([line("  ", 1)])[0]?.name).toBe("商品");
  });
});

describe("parcelWeightG", () => {
  it.each([
    ["weighed at packing", { weightG: 1200 }, [line("a", 2, 0, 300)], 1200],
    ["sum of catalogue weights", { weightG: null }, [line("a", 2, 0, 300), line("b", 1)], 700],
    ["a line without weight", { weightG: null }, [line("a", 2, 0, null)], 500],
    ["no lines", { weightG: null }, [], 500],
  ] as const)("%s", (_name, patch, lines, expected) => {
    expect(parcelWeightG({ ...parcel, ...patch }, lines)).toBe(expected);
  });
});

describe("toWaybillOrder", () => {
  it("maps the parcel and its warehouse to sender and recipient", () => {
    const order = toWaybillOrder(parcel, warehouse, [line("咖啡豆", 2, 8800)], 0);
    expect(order).toEqual({
      orderId: "P42",
      sender: {
        name: "王仓管",
        mobile: "13900139000",
        company: "杭州仓",
        province: "浙江省",
        city: "杭州市",
        district: "余杭区",
        address: "仓前街道文一西路 1500 号",
        regionCode: "330110",
      },
      recipient: {
        name: "张三",
        mobile: "13800138000",
        province: "北京市",
        city: "北京市",
        district: "朝阳区",
        address: "建国路 88 号 SOHO 现代城 5 号楼",
        regionCode: "110105",
      },
      weightG: 1200,
      lengthMm: 300,
      widthMm: 200,
      heightMm: 150,
      goods: [{ name: "咖啡豆", quantity: 2, unitValueFen: 8800 }],
    });
  });

  it("keeps the extension of a privacy number and reissues under a fresh order id", () => {
    const order = toWaybillOrder(
      { ...parcel, recipientMobileExt: "1234", lengthMm: null, countyCode: null },
      warehouse,
      [],
      1,
    );
    expect(order.orderId).toBe("P42R1");
    expect(order.recipient).toMatchObject({
      mobile: "13800138000-1234",
      city: "北京市",
      district: "",
      regionCode: "110100",
    });
    expect(order).not.toHaveProperty("lengthMm");
  });
});
