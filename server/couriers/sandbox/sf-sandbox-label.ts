/**
 * Route labels the way SF computes them for a create-order reply (PROTOCOLS.md §1.4): city codes
 * (深圳 755, 广州 020, …), a destination transfer hub and a routing code like "755WA-021". The
 * parts below the city code are derived from an MD5 of the address so they are stable per address.
 */
import type { SfRouteLabel } from "./sf-sandbox-store";
import { md5Hex } from "./sf-sandbox-wire";

/** SF city codes are the telephone area codes. */
const CITY_CODES = new Map<string, string>([
  ["北京市", "010"],
  ["上海市", "021"],
  ["天津市", "022"],
  ["重庆市", "023"],
  ["南京市", "025"],
  ["武汉市", "027"],
  ["成都市", "028"],
  ["西安市", "029"],
  ["广州市", "020"],
  ["苏州市", "512"],
  ["杭州市", "571"],
  ["宁波市", "574"],
  ["厦门市", "592"],
  ["襄阳市", "710"],
  ["十堰市", "719"],
  ["深圳市", "755"],
  ["佛山市", "757"],
  ["东莞市", "769"],
]);

const hexInt = (hex: string, from: number, to: number): number =>
  Number.parseInt(hex.slice(from, to), 16);

/** The SF city code of a city, or a stable made-up three-digit code for cities not listed. */
export function sfCityCode(city: string): string {
  return CITY_CODES.get(city) ?? String(100 + (hexInt(md5Hex(city), 0, 6) % 900));
}

/** The label fields for one waybill. */
export function sfRouteLabel(input: {
  waybillNo: string;
  senderCity: string;
  recipientCity: string;
  recipientDistrict: string;
  expressTypeId: number;
}): SfRouteLabel {
  const source = sfCityCode(input.senderCity);
  const dest = sfCityCode(input.recipientCity);
  const hash = md5Hex(`${input.recipientCity}/${input.recipientDistrict}`);
  const letter = "ABCDEFGH"[hexInt(hash, 0, 1) % 8] ?? "A";
  const destTransferCode = `${dest}W${letter}`;
  const destDeptCode = `${dest}${letter}F`;
  const checkCode = md5Hex(input.waybillNo).slice(0, 8);
  return {
    sourceTransferCode: `${source}W`,
    sourceCityCode: source,
    destCityCode: dest,
    destDeptCode,
    destTransferCode,
    destRouteLabel: `${destTransferCode}-${String(hexInt(hash, 1, 4) % 100).padStart(3, "0")}`,
    cargoTypeCode: "C201",
    limitTypeCode: input.expressTypeId === 2 ? "T1" : "T4",
    expressTypeCode: "B1",
    codingMapping: `K${10 + (hexInt(hash, 4, 6) % 90)}`,
    xbFlag: "0",
    printFlag: "000000000",
    twoDimensionCode: `MMM={'k1':'${destTransferCode}','k2':'${destDeptCode}','k3':'','k4':'T801','k5':'${input.waybillNo}','k6':'','k7':'${checkCode}'}`,
    proCode: input.expressTypeId === 2 ? "特快" : "标快",
    printIcon: "00000000",
    checkCode,
  };
}
