/**
 * The Kdniao (快递鸟) side of the wire (PROTOCOLS.md §3), for the courier sandbox. Accounts are
 * `state.accounts`: EBusinessID -> { ApiKey }. Tracking numbers are the courier's Kdniao code plus
 * 10 digits of `state.nextSeq()` (e.g. "ZTO0000000001"); `state.waybills` is keyed by OrderCode.
 * A parcel counts as collected 2 hours after its e-waybill was issued (PICKUP_AFTER_MS).
 *
 * Written from the document alone (no driver or signing import), so both sides must agree with
 * PROTOCOLS.md rather than with each other.
 */
import type {
  SandboxHandler,
  SandboxState,
  WireRequest,
  WireResponse,
} from "@/server/couriers/contract";
import { kdniaoRoutes, kdniaoSyncPickup, kdniaoTrajectory } from "./kdniao-trajectory";
import { jsonReply, kdniaoSign, parseLooseJson, shanghaiTime } from "./kdniao-wire";

export { kdniaoPushRequest, type KdniaoPushShipment, type KdniaoPushTrace } from "./kdniao-wire";
export { kdniaoSandboxShipment, PICKUP_AFTER_MS } from "./kdniao-trajectory";

/** Which RequestTypes each production path serves (PROTOCOLS.md §3.2). */
const PATH_TYPES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["/Ebusiness/EbusinessOrderHandle.aspx", ["1002"]],
  ["/api/dist", ["1008"]],
  ["/api/EOrderService", ["1007", "1147"]],
  // Kdniao's own sandbox: one gateway for everything.
  ["/exterfaceInvoke.json", ["1002", "1008", "1007", "1147"]],
];

type Json = Record<string, unknown>;
type Call = { businessId: string; data: Json; state: SandboxState; now: Date };

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const str = (obj: Json, key: string): string =>
  typeof obj[key] === "string" || typeof obj[key] === "number" ? String(obj[key]) : "";

/** A refusal in the Kdniao envelope. */
function fail(businessId: string, resultCode: string, reason: string): WireResponse {
  return jsonReply({
    EBusinessID: businessId,
    Success: false,
    ResultCode: resultCode,
    Reason: reason,
  });
}

/** The first missing required field as "Receiver.Mobile", or undefined. */
function missing(data: Json, paths: readonly string[]): string | undefined {
  return paths.find((path) => {
    const alternatives = path.split("|");
    return !alternatives.some((alt) => {
      const [head, tail] = alt.split(".");
      const value = head === undefined ? undefined : data[head];
      if (tail === undefined) return typeof value === "string" ? value !== "" : value !== undefined;
      return isObject(value) && str(value, tail) !== "";
    });
  });
}

const short = (name: string): string => name.replace(/(自治区|自治州|新区|省|市|区|县)$/, "");

function party(data: Json, key: string): Json {
  const value = data[key];
  return isObject(value) ? value : {};
}

const partyFields = (p: string): string[] =>
  ["Name", "Mobile|Tel", "ProvinceName", "CityName", "Address"].map((f) =>
    f
      .split("|")
      .map((alt) => `${p}.${alt}`)
      .join("|"),
  );

function createWaybill({ businessId, data, state, now }: Call): WireResponse {
  const required = [
    "ShipperCode",
    "OrderCode",
    ...partyFields("Sender"),
    ...partyFields("Receiver"),
  ];
  const absent = missing(data, required);
  if (absent) return fail(businessId, "101", `缺少必要参数：${absent}`);
  const goods = data.Commodity;
  if (!Array.isArray(goods) || !goods.some((g) => isObject(g) && str(g, "GoodsName"))) {
    return fail(businessId, "101", "缺少必要参数：Commodity.GoodsName");
  }
  const orderCode = str(data, "OrderCode");
  const shipperCode = str(data, "ShipperCode");
  const routes = kdniaoRoutes(state);
  const existing = state.waybills.get(orderCode);
  if (existing) {
    const order = routes.get(existing.trackingNo)?.order ?? {
      OrderCode: orderCode,
      LogisticCode: existing.trackingNo,
    };
    return jsonReply({
      EBusinessID: businessId,
      Order: order,
      Success: true,
      ResultCode: "106",
      Reason: "该订单号已下单成功",
    });
  }
  const seq = state.nextSeq();
  const trackingNo = `${shipperCode}${String(seq).padStart(10, "0")}`;
  const sender = party(data, "Sender");
  const receiver = party(data, "Receiver");
  const receiverCity = short(str(receiver, "CityName"));
  const receiverDistrict = short(str(receiver, "ExpAreaName"));
  const order = {
    OrderCode: orderCode,
    ShipperCode: shipperCode,
    LogisticCode: trackingNo,
    MarkDestination: `${receiverCity} ${receiverDistrict}`.trim(),
    OriginCode: String(100 + ((seq * 37) % 900)),
    DestinatioCode: String(100 + ((seq * 53) % 900)),
    SortingCode: `${100 + (seq % 900)}-${String(seq % 100).padStart(2, "0")}`,
    PackageCode: `P${String(seq % 1000).padStart(3, "0")}`,
    PackageName: `${receiverCity}转运中心`,
  };
  state.waybills.set(orderCode, {
    orderId: orderCode,
    trackingNo,
    cancelled: false,
    pickedUp: false,
    sortingCode: order.MarkDestination,
    createdAt: now,
  });
  routes.set(trackingNo, {
    shipperCode,
    senderCity: short(str(sender, "CityName")),
    receiverCity,
    receiverDistrict,
    phonesLast4: [sender, receiver].flatMap((p) =>
      [str(p, "Mobile"), str(p, "Tel")].filter(Boolean).map((n) => n.slice(-4)),
    ),
    order,
  });
  return jsonReply({
    EBusinessID: businessId,
    Order: order,
    ...(str(data, "IsReturnPrintTemplate") === "1"
      ? { PrintTemplate: `<html><body>${trackingNo}</body></html>` }
      : {}),
    Success: true,
    ResultCode: "100",
    Reason: "成功",
    UniquerRequestNumber: `UR${String(seq).padStart(10, "0")}`,
  });
}

function cancelWaybill({ businessId, data, state, now }: Call): WireResponse {
  const absent = missing(data, ["ShipperCode", "OrderCode", "ExpNo"]);
  if (absent) return fail(businessId, "101", `缺少必要参数：${absent}`);
  const waybill = state.waybills.get(str(data, "OrderCode"));
  if (!waybill || waybill.trackingNo !== str(data, "ExpNo")) {
    return fail(businessId, "105", "运单不存在，请核对订单号与运单号");
  }
  kdniaoSyncPickup(waybill, now);
  if (waybill.cancelled) return fail(businessId, "105", "该运单已取消，请勿重复操作");
  if (waybill.pickedUp) return fail(businessId, "105", "快件已揽收，不能取消");
  waybill.cancelled = true;
  return jsonReply({
    EBusinessID: businessId,
    Success: true,
    ResultCode: "100",
    Reason: "取消成功",
  });
}

function queryTrack({ businessId, data, state, now }: Call): WireResponse {
  const absent = missing(data, ["ShipperCode", "LogisticCode"]);
  if (absent) return fail(businessId, "101", `缺少必要参数：${absent}`);
  const shipperCode = str(data, "ShipperCode");
  const trackingNo = str(data, "LogisticCode");
  const found = kdniaoTrajectory(state, trackingNo, now);
  const known = found && found.route.shipperCode === shipperCode ? found : undefined;
  if (known && shipperCode === "SF") {
    const last4 = str(data, "CustomerName");
    if (!last4) return fail(businessId, "101", "顺丰单号查询需提供CustomerName（手机号后四位）");
    if (!known.route.phonesLast4.includes(last4)) {
      return fail(businessId, "105", "CustomerName（手机号后四位）不正确");
    }
  }
  const head = {
    EBusinessID: businessId,
    OrderCode: str(data, "OrderCode"),
    ShipperCode: shipperCode,
    LogisticCode: trackingNo,
  };
  if (!known?.traces.length) {
    return jsonReply({ ...head, Success: false, Reason: "暂无轨迹信息", State: "0", Traces: [] });
  }
  // 1002 traces carry only time, station and remark (PROTOCOLS.md §3.4); Action is an 8001 field.
  const traces = known.traces.map((t) => ({
    AcceptTime: t.AcceptTime,
    AcceptStation: t.AcceptStation,
    Remark: t.Remark ?? "",
  }));
  return jsonReply({ ...head, Success: true, Reason: null, State: known.state, Traces: traces });
}

function subscribe({ businessId, data, now }: Call): WireResponse {
  const absent = missing(data, ["ShipperCode", "LogisticCode"]);
  if (absent) return fail(businessId, "101", `缺少必要参数：${absent}`);
  return jsonReply({
    EBusinessID: businessId,
    UpdateTime: shanghaiTime(now),
    Success: true,
    Reason: "",
    EstimatedDeliveryTime: "",
  });
}

const OPERATIONS = new Map<string, (call: Call) => WireResponse>([
  ["1007", createWaybill],
  ["1147", cancelWaybill],
  ["1002", queryTrack],
  ["1008", subscribe],
]);

function handle(request: WireRequest, state: SandboxState, now: Date): WireResponse {
  const path = new URL(request.url).pathname;
  const served = PATH_TYPES.find(([suffix]) => path.endsWith(suffix))?.[1];
  if (request.method !== "POST" || !served) {
    return {
      status: 404,
      headers: { "content-type": "text/html" },
      body: "<h1>404 Not Found</h1>",
    };
  }
  // The form is decoded exactly once; a value encoded twice stays encoded and fails (§0 trap 5).
  const form = new URLSearchParams(request.body);
  const businessId = form.get("EBusinessID") ?? "";
  for (const name of ["RequestType", "EBusinessID", "RequestData", "DataSign", "DataType"]) {
    if (!form.get(name)) return fail(businessId, "101", `缺少必要参数：${name}`);
  }
  if (form.get("DataType") !== "2") return fail(businessId, "103", "DataType只支持2（JSON）");
  const apiKey = state.accounts.get(businessId)?.ApiKey;
  if (!apiKey) return fail(businessId, "104", "EBusinessID不存在或未开通接口权限");
  const requestData = form.get("RequestData") ?? "";
  if (form.get("DataSign") !== kdniaoSign(requestData, apiKey)) {
    return fail(businessId, "102", "DataSign签名校验失败");
  }
  const requestType = form.get("RequestType") ?? "";
  const operation = OPERATIONS.get(requestType);
  if (!operation || !served.includes(requestType)) {
    return fail(businessId, "105", `RequestType ${requestType} 不能通过此地址调用`);
  }
  const parsed = parseLooseJson(requestData);
  if (!parsed || !isObject(parsed.value)) return fail(businessId, "401", "RequestData格式有误");
  return operation({ businessId, data: parsed.value, state, now });
}

/** Options of a Kdniao sandbox: its clock (creation times, trajectory progress, UpdateTime). */
export type KdniaoSandboxOptions = { now?: () => Date };

/** A Kdniao sandbox handler with the given clock. */
export function createKdniaoSandbox(options: KdniaoSandboxOptions = {}): SandboxHandler {
  const now = options.now ?? (() => new Date());
  return (request, state) => handle(request, state, now());
}

/** The Kdniao sandbox on the system clock. */
export const kdniaoSandbox: SandboxHandler = createKdniaoSandbox();
