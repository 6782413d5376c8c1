/**
 * The SF services that answer questions without changing anything: pickup windows
 * (EXP_EXCE_CHECK_PICKUP_TIME) and transit time / price (EXP_RECE_QUERY_DELIVERTM).
 *
 * PROTOCOLS.md §1.4 names both but documents only the DELIVERTM request. The rest follows public
 * SDK code ([?]): CHECK_PICKUP_TIME takes address / addressType / sendTime / province / city /
 * county / version and answers a bare boolean (V1.0) or `{status,startTm,endTm,exceptionReason}`
 * (V1.1); DELIVERTM answers `{deliverTmDto:[{businessType,businessTypeDesc,deliverTime,fee}]}`.
 */
import type { SfService } from "./sf-sandbox-store";
import {
  asRecord,
  asText,
  missing,
  parseShanghaiText,
  shanghaiHour,
  shanghaiText,
  success,
} from "./sf-sandbox-wire";

const HOUR = 3_600_000;
/** SF couriers collect 08:00–20:00 Asia/Shanghai in this sandbox. */
const OPEN_HOUR = 8;
const CLOSE_HOUR = 20;

/** EXP_EXCE_CHECK_PICKUP_TIME: is `sendTime` inside collection hours, and in which window. */
export const checkPickupTime: SfService = (msgData) => {
  const query = asRecord(msgData);
  if (!query || !asText(query.address)) return missing("address");
  const sendMs = parseShanghaiText(asText(query.sendTime) ?? "");
  if (sendMs === undefined) return missing("sendTime");
  const hour = shanghaiHour(sendMs);
  const open = hour >= OPEN_HOUR && hour < CLOSE_HOUR;
  if (asText(query.version) !== "V1.1") return success(open);
  if (!open) {
    return success({ status: false, exceptionReason: "不在揽收服务时间范围内(08:00-20:00)" });
  }
  const startMs = sendMs - (sendMs % HOUR);
  const endMs = startMs + Math.min(2, CLOSE_HOUR - hour) * HOUR;
  return success({ status: true, startTm: shanghaiText(startMs), endTm: shanghaiText(endMs) });
};

type Lane = "city" | "province" | "national";

/** Per product: hours by lane, and yuan for the first kg plus each further started kg. */
const PRODUCTS = [
  {
    businessType: "2",
    businessTypeDesc: "顺丰特快",
    hours: { city: 12, province: 24, national: 24 },
    firstKg: { city: 14, province: 18, national: 28 },
    perKg: { city: 3, province: 6, national: 16 },
  },
  {
    businessType: "1",
    businessTypeDesc: "顺丰标快",
    hours: { city: 24, province: 36, national: 48 },
    firstKg: { city: 12, province: 13, national: 23 },
    perKg: { city: 2, province: 3, national: 13 },
  },
] as const;

/** EXP_RECE_QUERY_DELIVERTM: promised delivery time and price for each product on the lane. */
export const queryDeliverTm: SfService = (msgData, { nowMs }) => {
  const query = asRecord(msgData);
  const src = asRecord(query?.srcAddress);
  const dest = asRecord(query?.destAddress);
  if (!query || !asText(src?.province) || !asText(src?.city)) return missing("srcAddress");
  if (!asText(dest?.province) || !asText(dest?.city)) return missing("destAddress");
  const weight = Number(asText(query.weight) ?? Number.NaN);
  if (!(weight > 0)) return missing("weight");
  const consignedText = asText(query.consignedTime);
  const consignedMs = consignedText === undefined ? nowMs : parseShanghaiText(consignedText);
  if (consignedMs === undefined) return missing("consignedTime");
  const lane: Lane =
    src?.city === dest?.city ? "city" : src?.province === dest?.province ? "province" : "national";
  const priced = asText(query.searchPrice) === "1";
  const extraKg = Math.max(0, Math.ceil(weight) - 1);
  return success({
    deliverTmDto: PRODUCTS.map((p) => ({
      businessType: p.businessType,
      businessTypeDesc: p.businessTypeDesc,
      deliverTime: shanghaiText(consignedMs + p.hours[lane] * HOUR),
      ...(priced ? { fee: p.firstKg[lane] + p.perKg[lane] * extraKg } : {}),
    })),
  });
};
