/**
 * SF's order services (PROTOCOLS.md §1.4): EXP_RECE_CREATE_ORDER, EXP_RECE_SEARCH_ORDER_RESP and
 * EXP_RECE_UPDATE_ORDER (confirm / cancel), with SF's business error codes (§1.3).
 */
import { sfCityCode, sfRouteLabel } from "./sf-sandbox-label";
import {
  orderDetails,
  type SandboxWaybill,
  type SfOrderDetails,
  type SfService,
  syncPickup,
} from "./sf-sandbox-store";
import {
  asRecord,
  asText,
  missing,
  parseShanghaiText,
  refuse,
  type SfOutcome,
  shanghaiHour,
  success,
} from "./sf-sandbox-wire";

/** The products this sandbox offers: expressTypeId 1 顺丰标快, 2 顺丰特快. */
const PRODUCTS = new Set([1, 2]);
const PROHIBITED = ["锂电池", "打火机", "管制刀具", "烟花", "爆竹"];
/** A recipient address containing this is out of SF's area (超区), so 筛单 answers 3. */
export const SF_SANDBOX_OUT_OF_AREA = "超区";

type Contact = { contact: string; mobile: string; city: string; district: string; address: string };

/**
 * PROTOCOLS.md gives 1010–1016 as "missing sender/receiver fields" without the split; the sandbox
 * uses address / contact / phone = 1010 / 1011 / 1012 for the sender, 1014 / 1015 / 1016 for the
 * recipient.
 */
function readContact(list: unknown[], type: 1 | 2): Contact | SfOutcome {
  const entry = list.map(asRecord).find((c) => asText(c?.contactType) === String(type));
  const [addressCode, contactCode, phoneCode] =
    type === 1 ? ["1010", "1011", "1012"] : ["1014", "1015", "1016"];
  const who = type === 1 ? "寄件方" : "到件方";
  const address = asText(entry?.address);
  const province = asText(entry?.province);
  const city = asText(entry?.city);
  if (!address || !province || !city) return refuse(addressCode, `${who}地址不能为空`);
  const contact = asText(entry?.contact);
  if (!contact) return refuse(contactCode, `${who}联系人不能为空`);
  const mobile = asText(entry?.mobile) ?? asText(entry?.tel);
  if (!mobile) return refuse(phoneCode, `${who}联系电话不能为空`);
  return { contact, mobile, city, district: asText(entry?.county) ?? "", address };
}

/** The create-order msgData shape; order search answers the same. */
function orderResult(waybill: SandboxWaybill, details: SfOrderDetails | undefined) {
  const { trackingNo } = waybill;
  return {
    orderId: waybill.orderId,
    originCode: details?.originCode ?? "",
    destCode: details?.destCode ?? "",
    filterResult: 2,
    remark: "",
    waybillNoInfoList: [{ waybillType: 1, waybillNo: trackingNo }],
    routeLabelInfo: [
      {
        code: "1000",
        routeLabelData: { waybillNo: trackingNo, ...(details?.label ?? {}) },
        message: `${trackingNo}:`,
      },
    ],
  };
}

/** EXP_RECE_CREATE_ORDER: validates, issues `SF` + 12 digits, remembers the order. */
export const createOrder: SfService = (msgData, { state, nowMs }) => {
  const order = asRecord(msgData);
  const orderId = asText(order?.orderId);
  if (!order || !orderId) return missing("orderId");
  // Checked first so that resending an order that did go through answers 8016 (§1.3 example).
  if (state.waybills.has(orderId)) return refuse("8016", "重复下单");

  const contacts = Array.isArray(order.contactInfoList) ? order.contactInfoList : [];
  const sender = readContact(contacts, 1);
  if ("ok" in sender) return sender;
  const recipient = readContact(contacts, 2);
  if ("ok" in recipient) return recipient;

  const monthlyCard = asText(order.monthlyCard);
  if (asText(order.payMethod) !== "2" && !monthlyCard) return refuse("8119", "月结卡号不合法");
  if (monthlyCard && !/^\d{10}$/.test(monthlyCard)) return refuse("6126", "月结卡号不合法");
  const expressTypeId = Number(asText(order.expressTypeId) ?? "1");
  if (!PRODUCTS.has(expressTypeId)) return refuse("8057", "快件类型为空或不存在");

  const cargo = Array.isArray(order.cargoDetails) ? order.cargoDetails : [];
  const names = cargo.map((c) => asText(asRecord(c)?.name));
  if (names.length === 0 || names.some((n) => n === undefined)) return missing("cargoDetails.name");
  if (names.some((n) => PROHIBITED.some((p) => n?.includes(p)))) {
    return refuse("20035", "托寄物包含禁寄品");
  }
  if (asText(order.isDocall) === "1") {
    const start = parseShanghaiText(asText(order.sendStartTm) ?? "");
    if (start === undefined) return missing("sendStartTm");
    const hour = shanghaiHour(start);
    if (hour < 8 || hour >= 20) return refuse("8096", "预约上门时间不在收派时间范围内");
  }

  if (recipient.address.includes(SF_SANDBOX_OUT_OF_AREA)) {
    // 筛单 not serviceable: SF answers filterResult 3 and issues no waybill.
    return success({
      orderId,
      originCode: sfCityCode(sender.city),
      destCode: sfCityCode(recipient.city),
      filterResult: 3,
      remark: "超范围",
    });
  }

  const trackingNo = `SF${String(100_000_000_000 + state.nextSeq())}`;
  const label = sfRouteLabel({
    waybillNo: trackingNo,
    senderCity: sender.city,
    recipientCity: recipient.city,
    recipientDistrict: recipient.district,
    expressTypeId,
  });
  const waybill: SandboxWaybill = {
    orderId,
    trackingNo,
    cancelled: false,
    pickedUp: false,
    sortingCode: label.destRouteLabel,
    createdAt: new Date(nowMs),
  };
  const details: SfOrderDetails = {
    originCode: label.sourceCityCode,
    destCode: label.destCityCode,
    sender: { city: sender.city, district: sender.district, mobile: sender.mobile },
    recipient: { city: recipient.city, district: recipient.district, mobile: recipient.mobile },
    label,
  };
  state.waybills.set(orderId, waybill);
  orderDetails(state).set(orderId, details);
  return success(orderResult(waybill, details));
};

/** EXP_RECE_SEARCH_ORDER_RESP: the waybill and label of an existing order. */
export const searchOrder: SfService = (msgData, { state }) => {
  const orderId = asText(asRecord(msgData)?.orderId);
  if (!orderId) return missing("orderId");
  const waybill = state.waybills.get(orderId);
  if (!waybill) return refuse("8018", "未获取到订单信息");
  return success(orderResult(waybill, orderDetails(state).get(orderId)));
};

/** EXP_RECE_UPDATE_ORDER: dealType 1 confirms, 2 cancels (refused once collected). */
export const updateOrder: SfService = (msgData, { state, nowMs }) => {
  const update = asRecord(msgData);
  const orderId = asText(update?.orderId);
  if (!update || !orderId) return missing("orderId");
  const dealType = asText(update.dealType);
  if (dealType !== "1" && dealType !== "2") return missing("dealType");
  const waybill = state.waybills.get(orderId);
  if (!waybill) return refuse("8018", "未获取到订单信息");
  const listed = Array.isArray(update.waybillNoInfoList) ? update.waybillNoInfoList : [];
  if (listed.some((w) => asText(asRecord(w)?.waybillNo) !== waybill.trackingNo)) {
    return refuse("8017", "订单号与运单号不匹配");
  }
  const reply = {
    orderId,
    waybillNoInfoList: [{ waybillType: 1, waybillNo: waybill.trackingNo }],
    resStatus: 2,
  };
  if (dealType === "1") return success(reply);
  if (waybill.cancelled) return refuse("8037", "已消单");
  syncPickup(waybill, nowMs);
  // PROTOCOLS.md documents no dedicated "collected, cannot cancel" code; 8168 is its only
  // picked-up refusal, so the sandbox answers that (and the driver maps it to ALREADY_PICKED_UP).
  if (waybill.pickedUp) return refuse("8168", "订单已收件，不能取消");
  waybill.cancelled = true;
  return success(reply);
};
