/**
 * TMS_WAYBILL_GET (取号) and TMS_WAYBILL_DISCARD (回收) played by the sandbox. The fields follow
 * Cainiao's cloud-print e-waybill API as public clients send it. A repeated order (same package
 * id under the same courier) gets its first waybill back, as Cainiao hands out the same number
 * again for the same order.
 */
import {
  asRecord,
  asText,
  type CainiaoApiHandler,
  type CainiaoOrderDetails,
  cainiaoOrderDetails,
  type CainiaoSandboxWaybill,
  COURIERS,
  findWaybill,
  md5Hex,
  ok,
  refuse,
  shortCity,
  syncPickup,
} from "./cainiao-sandbox-wire";

type Place = CainiaoOrderDetails["sender"];

/** Reads a sender or recipient block, or names its first missing field. */
function readContact(block: unknown, prefix: string): { place: Place } | { missing: string } {
  const record = asRecord(block) ?? {};
  if (!asText(record.name)) return { missing: `${prefix}.name` };
  if (!asText(record.mobile) && !asText(record.phone)) return { missing: `${prefix}.mobile` };
  const address = asRecord(record.address) ?? {};
  for (const key of ["province", "city", "detail"]) {
    if (!asText(address[key])) return { missing: `${prefix}.address.${key}` };
  }
  return {
    place: { city: asText(address.city) ?? "", district: asText(address.district) ?? "" },
  };
}

/** 大头笔, 集包地 and route code for a destination, stable per courier and district. */
function routing(cpCode: string, recipient: Place) {
  const hex = md5Hex(`cainiao:${cpCode}:${recipient.city}${recipient.district}`);
  const n = (from: number, mod: number) => parseInt(hex.slice(from, from + 6), 16) % mod;
  const city = shortCity(recipient.city);
  const letter = String.fromCharCode(65 + n(6, 26));
  return {
    sortation:
      `${city} ${recipient.district.replace(/[区县市]$/, "")} ${String(n(0, 1000)).padStart(3, "0")}`.trim(),
    consolidation: { name: `${city}转运中心`, code: String(n(12, 1_000_000)).padStart(6, "0") },
    routeCode: `${String(100 + n(18, 900))} ${letter}${String(n(24, 100)).padStart(2, "0")}`,
  };
}

/** The cloud-print JSON of one waybill, unencrypted (the request asked `needEncrypt` false). */
function printData(
  cpCode: string,
  waybillCode: string,
  route: ReturnType<typeof routing>,
  templateUrl: string | undefined,
): string {
  const data = {
    cpCode,
    waybillCode,
    routingInfo: {
      sortation: { name: route.sortation },
      consolidation: route.consolidation,
      routeCode: route.routeCode,
    },
  };
  return JSON.stringify({
    data,
    signature: md5Hex(JSON.stringify(data)),
    ...(templateUrl ? { templateURL: templateUrl } : {}),
  });
}

type Issued = { objectId: string; waybillCode: string; printData: string };

/** TMS_WAYBILL_GET: one waybill per trade order in `tradeOrderInfoDtos`. */
export const waybillGet: CainiaoApiHandler = (body, { state, nowMs }) => {
  const invalid = (message: string) => refuse("isv.invalid-parameter", message);
  const cpCode = asText(body.cpCode);
  if (!cpCode) return invalid("cpCode不能为空");
  const courier = COURIERS[cpCode];
  if (!courier) return refuse("isv.cp-not-supported", `不支持的快递公司：${cpCode}`);
  const sender = readContact(body.sender, "sender");
  if ("missing" in sender) return invalid(`${sender.missing}不能为空`);
  const dtos = Array.isArray(body.tradeOrderInfoDtos) ? (body.tradeOrderInfoDtos as unknown[]) : [];
  if (!dtos.length) return invalid("tradeOrderInfoDtos不能为空");

  const issued: Issued[] = [];
  for (const entry of dtos) {
    const dto = asRecord(entry) ?? {};
    const objectId = asText(dto.objectId);
    if (!objectId) return invalid("objectId不能为空");
    const trades = asRecord(dto.orderInfo)?.tradeOrderList;
    const tradeNo = Array.isArray(trades) ? asText(trades[0]) : undefined;
    if (!tradeNo) return invalid("orderInfo.tradeOrderList不能为空");
    const pack = asRecord(dto.packageInfo) ?? {};
    const items = Array.isArray(pack.items) ? (pack.items as unknown[]) : [];
    if (!items.length || !items.every((item) => asText(asRecord(item)?.name))) {
      return invalid("packageInfo.items.name不能为空");
    }
    const recipient = readContact(dto.recipient, "recipient");
    if ("missing" in recipient) return invalid(`${recipient.missing}不能为空`);
    const orderId = asText(pack.id) ?? tradeNo;

    const known = state.waybills.get(orderId);
    const knownDetails = cainiaoOrderDetails(state).get(orderId);
    if (known && knownDetails) {
      if (knownDetails.cpCode !== cpCode) {
        return invalid(
          `订单${orderId}已在${COURIERS[knownDetails.cpCode]?.name ?? ""}取号，不能换用其他快递公司`,
        );
      }
      issued.push({ objectId, waybillCode: known.trackingNo, printData: knownDetails.printData });
      continue;
    }
    const route = routing(cpCode, recipient.place);
    const waybill: CainiaoSandboxWaybill = {
      orderId,
      trackingNo: courier.number(state.nextSeq()),
      cancelled: false,
      pickedUp: false,
      sortingCode: route.sortation,
      createdAt: new Date(nowMs),
    };
    const print = printData(cpCode, waybill.trackingNo, route, asText(dto.templateUrl));
    state.waybills.set(orderId, waybill);
    cainiaoOrderDetails(state).set(orderId, {
      cpCode,
      sender: sender.place,
      recipient: recipient.place,
      ...route,
      printData: print,
    });
    issued.push({ objectId, waybillCode: waybill.trackingNo, printData: print });
  }
  return ok({ waybillCloudPrintResponseList: issued });
};

/** TMS_WAYBILL_DISCARD: refused once the courier has collected the parcel. */
export const waybillDiscard: CainiaoApiHandler = (body, { state, nowMs }) => {
  const cpCode = asText(body.cpCode);
  const waybillCode = asText(body.waybillCode);
  if (!cpCode || !waybillCode)
    return refuse("isv.invalid-parameter", "cpCode和waybillCode不能为空");
  const waybill = findWaybill(state, cpCode, waybillCode);
  if (!waybill) return refuse("isv.waybill-not-exist", "运单号不存在");
  if (waybill.cancelled) return refuse("isv.waybill-discarded", "该运单已取消（回收）");
  syncPickup(waybill, nowMs);
  if (waybill.pickedUp) return refuse("isv.waybill-collected", "该运单已揽收，不能取消");
  waybill.cancelled = true;
  return ok({ discardResult: true });
};
