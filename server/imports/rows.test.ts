import { describe, expect, it } from "vitest";
import type { ColumnMapping, Field } from "./presets";
import { validateRow, type AddressInput } from "./rows";
import { expectedLine, fakeParser, headers, mapping, row } from "./test-fixtures";

describe("validateRow", () => {
  it("turns a good row into an order line", () => {
    expect(validateRow(row(), mapping, fakeParser())).toEqual({ ok: true, line: expectedLine });
  });

  it("keeps a virtual-number extension and accepts the full-address form", () => {
    const result = validateRow(
      row({
        手机号: "13800138000转1234",
        省: "",
        市: "",
        区: "",
        详细地址: "",
        完整地址: "浙江省杭州市西湖区文三路90号",
      }),
      mapping,
      fakeParser(),
    );
    expect(result).toMatchObject({
      ok: true,
      line: { recipient: { mobile: "13800138000", mobileExt: "1234", detail: "文三路90号" } },
    });
  });

  it("leaves optional cells empty as null/false", () => {
    const result = validateRow(
      row({ "单价(元)": "", "重量(克)": "", "虚拟商品(是/否)": "", 付款时间: "", 店铺: "" }),
      mapping,
      fakeParser(),
    );
    expect(result).toMatchObject({
      ok: true,
      line: {
        paidAt: null,
        shopName: null,
        item: { unitPriceFen: null, weightG: null, isVirtual: false },
      },
    });
  });

  it.each<{
    name: string;
    changes: Record<string, string>;
    field: Field | null;
    code: string;
    message: RegExp;
  }>([
    {
      name: "empty order number",
      changes: { 订单号: "" },
      field: "orderNo",
      code: "missing_field",
      message: /Order number is required but the cell is empty/,
    },
    {
      name: "empty name",
      changes: { 收件人: " " },
      field: "recipientName",
      code: "missing_field",
      message: /Recipient name is required/,
    },
    {
      name: "empty mobile",
      changes: { 手机号: "" },
      field: "recipientMobile",
      code: "missing_field",
      message: /Recipient mobile is required/,
    },
    {
      name: "masked mobile",
      changes: { 手机号: "138****5678" },
      field: "recipientMobile",
      code: "invalid_mobile",
      message: /export hid the number/,
    },
    {
      name: "landline",
      changes: { 手机号: "0571-88886666" },
      field: "recipientMobile",
      code: "invalid_mobile",
      message: /"0571-88886666" is not a mainland China mobile/,
    },
    {
      name: "no address",
      changes: { 省: "", 市: "", 区: "", 详细地址: "" },
      field: "fullAddress",
      code: "missing_field",
      message: /address is required but the row has none/,
    },
    {
      name: "region without street address",
      changes: { 详细地址: "" },
      field: "addressDetail",
      code: "missing_field",
      message: /Address detail \(street and number\) is required/,
    },
    {
      name: "city typo",
      changes: { 市: "杭洲市" },
      field: "province",
      code: "unknown_region",
      message: /杭洲市 is not in 浙江省\. Did you mean: 杭州市\?/,
    },
    {
      name: "unknown full address",
      changes: { 省: "", 市: "", 区: "", 详细地址: "", 完整地址: "火星基地1号" },
      field: "fullAddress",
      code: "unknown_region",
      message: /"火星基地1号": the region is unknown\.$/,
    },
    {
      name: "empty SKU",
      changes: { SKU: "" },
      field: "sku",
      code: "missing_field",
      message: /SKU is required/,
    },
    {
      name: "empty item name",
      changes: { 商品名称: "" },
      field: "itemName",
      code: "missing_field",
      message: /Item name is required/,
    },
    {
      name: "empty quantity",
      changes: { 数量: "" },
      field: "quantity",
      code: "missing_field",
      message: /Quantity is required/,
    },
    {
      name: "zero quantity",
      changes: { 数量: "0" },
      field: "quantity",
      code: "bad_quantity",
      message: /"0" must be a whole number from 1 to 9999/,
    },
    {
      name: "huge quantity",
      changes: { 数量: "10000" },
      field: "quantity",
      code: "bad_quantity",
      message: /1 to 9999/,
    },
    {
      name: "3-decimal price",
      changes: { "单价(元)": "9.999" },
      field: "unitPrice",
      code: "bad_price",
      message: /more than 2 decimal places/,
    },
    {
      name: "fractional grams",
      changes: { "重量(克)": "12.5" },
      field: "weightG",
      code: "bad_weight",
      message: /whole number of grams/,
    },
    {
      name: "too heavy",
      changes: { "重量(克)": "120kg" },
      field: "weightG",
      code: "bad_weight",
      message: /0 to 100000/,
    },
    {
      name: "unknown virtual flag",
      changes: { "虚拟商品(是/否)": "可能" },
      field: "isVirtual",
      code: "bad_flag",
      message: /must be 是 or 否/,
    },
    {
      name: "impossible date",
      changes: { 付款时间: "2024-02-30 10:00:00" },
      field: "paidAt",
      code: "bad_date",
      message: /"2024-02-30 10:00:00" is not a date-time/,
    },
  ])("$name -> $code", ({ changes, field, code, message }) => {
    const result = validateRow(row(changes), mapping, fakeParser());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([[field, code]]);
    expect(result.errors[0]?.message).toMatch(message);
  });

  it("reports every problem of a row at once", () => {
    const result = validateRow(
      row({ 手机号: "123", 数量: "x", "单价(元)": "abc", 付款时间: "soon" }),
      mapping,
      fakeParser(),
    );
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual([
      "invalid_mobile",
      "bad_quantity",
      "bad_price",
      "bad_date",
    ]);
  });

  it("says when a required field has no column at all", () => {
    const { sku: _sku, ...noSku } = mapping;
    const result = validateRow(row(), noSku, fakeParser());
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: "sku",
          code: "missing_field",
          message: "SKU is required but no column is mapped to it.",
        },
      ],
    });
  });

  it("prefixes the street (Douyin 街道) to the detail unless already there", () => {
    const douyin: ColumnMapping = { ...mapping, street: headers.length };
    const calls: AddressInput[] = [];
    validateRow([...row(), "西溪街道"], douyin, fakeParser(calls));
    validateRow(
      [...row({ 详细地址: "西溪街道文三路90号" }), "西溪街道"],
      douyin,
      fakeParser(calls),
    );
    expect(calls.map((c) => c.detail)).toEqual(["西溪街道文三路90号", "西溪街道文三路90号"]);
    expect(calls[0]).toEqual({
      province: "浙江省",
      city: "杭州市",
      county: "西湖区",
      detail: "西溪街道文三路90号",
    });
  });
});
