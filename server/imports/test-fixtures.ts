/** Shared fixtures for the row validation tests (not a test file itself). */
import { mappingFor, PRESETS, templateHeaders } from "./presets";
import type { AddressInput, ImportLine, ParsedAddress, ValidateContext } from "./rows";
import { TableReadError } from "./table";

/** A tiny stand-in for the real address parser: knows one district, suggests one typo fix. */
export function fakeParser(calls: AddressInput[] = []): ValidateContext {
  const place = {
    ok: true as const,
    provinceCode: "330000",
    cityCode: "330100",
    countyCode: "330106",
    provinceName: "浙江省",
    cityName: "杭州市",
    countyName: "西湖区",
  };
  const parseAddress = (input: AddressInput): ParsedAddress => {
    calls.push(input);
    const prefix = "浙江省杭州市西湖区";
    if (input.full?.startsWith(prefix))
      return { ...place, detail: input.full.slice(prefix.length) };
    if (input.province === "浙江省" && input.city === "杭州市" && input.county === "西湖区") {
      return { ...place, detail: input.detail ?? "" };
    }
    if (input.city === "杭洲市")
      return { ok: false, message: "city 杭洲市 is not in 浙江省.", suggestions: ["杭州市"] };
    return { ok: false, message: "the region is unknown.", suggestions: [] };
  };
  return { parseAddress };
}

const ours = PRESETS.find((p) => p.id === "express-console");
if (!ours) throw new Error("express-console preset missing");
export const headers = [...templateHeaders];
export const mapping = mappingFor(ours, headers);

/** A template row with the given cells changed, by header name. */
export function row(changes: Record<string, string> = {}): string[] {
  const base: Record<string, string> = {
    订单号: "EC1",
    收件人: "张三",
    手机号: "13800138000",
    省: "浙江省",
    市: "杭州市",
    区: "西湖区",
    详细地址: "文三路90号",
    SKU: "SKU-1",
    商品名称: "T恤",
    数量: "2",
    "单价(元)": "59.90",
    "重量(克)": "1.2kg",
    "虚拟商品(是/否)": "否",
    付款时间: "2024-06-18 20:15:00",
    店铺: "旗舰店",
  };
  const merged = { ...base, ...changes };
  return headers.map((h) => merged[h] ?? "");
}

export const expectedLine: ImportLine = {
  orderNo: "EC1",
  recipient: {
    name: "张三",
    mobile: "13800138000",
    provinceCode: "330000",
    cityCode: "330100",
    countyCode: "330106",
    provinceName: "浙江省",
    cityName: "杭州市",
    countyName: "西湖区",
    detail: "文三路90号",
  },
  paidAt: new Date("2024-06-18T12:15:00Z"),
  buyerRemark: null,
  sellerRemark: null,
  shopName: "旗舰店",
  item: {
    sku: "SKU-1",
    name: "T恤",
    barcode: null,
    quantity: 2,
    unitPriceFen: 5990,
    weightG: 1200,
    isVirtual: false,
  },
};

/** Awaits a promise that must reject with a TableReadError. */
export async function readError(promise: Promise<unknown>): Promise<TableReadError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TableReadError))
    throw new Error(`expected TableReadError, got ${String(error)}`);
  return error;
}
