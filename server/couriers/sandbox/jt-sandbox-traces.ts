/**
 * J&T traces in the sandbox: a realistic trajectory that unfolds with the caller's clock, in the
 * scan types of PROTOCOLS.md §5.1 (快件揽收, 发件扫描, 到件扫描, 出仓扫描, 快件签收), the
 * logistics/trace and trace/subscribe APIs, and the signed push J&T would POST to a merchant.
 */
import type { SandboxState, WireRequest } from "@/server/couriers/contract";
import {
  asRecord,
  asText,
  findByBillCode,
  type JtApiHandler,
  type JtOrderDetails,
  jtOrderDetails,
  type JtSandboxWaybill,
  jtSandboxHeaderDigest,
  PICKUP_AFTER_MS,
  refuse,
  shanghaiText,
  shortCity,
  success,
  syncPickup,
} from "./jt-sandbox-wire";

/** One scan, as in the push's `details` (§5.1). */
export type JtSandboxScan = Record<string, string>;
/** One waybill with its scans: an item of the trace reply and of the push's bizContent. */
export type JtSandboxTrace = { billCode: string; txlogisticId?: string; details: JtSandboxScan[] };

const HOUR = 3_600_000;

type Network = { name: string; prov: string; city: string; area: string };
type Places = { fromOutlet: Network; fromHub: Network; toHub: Network; toOutlet: Network };

/** Scan type code (the trace node of §5.1) and text. */
const SCAN = {
  collected: ["1", "快件揽收"],
  departure: ["3", "发件扫描"],
  arrival: ["4", "到件扫描"],
  outForDelivery: ["5", "出仓扫描"],
  signed: ["10", "快件签收"],
} as const;

type Step = {
  afterMs: number;
  scan: (typeof SCAN)[keyof typeof SCAN];
  at: keyof Places;
  desc: (p: Places) => string;
  staff?: readonly [name: string, contact: string];
};

const PICKER = ["王伟", "13800138001"] as const;
const COURIER = ["李强", "13900139002"] as const;

const STEPS: Step[] = [
  {
    afterMs: 0,
    scan: SCAN.collected,
    at: "fromOutlet",
    desc: (p) => `快件已由【${p.fromOutlet.name}】揽收，揽收员：${PICKER[0]}（${PICKER[1]}）`,
    staff: PICKER,
  },
  {
    afterMs: HOUR,
    scan: SCAN.departure,
    at: "fromOutlet",
    desc: (p) => `快件离开【${p.fromOutlet.name}】，已发往【${p.fromHub.name}】`,
  },
  {
    afterMs: 3 * HOUR,
    scan: SCAN.arrival,
    at: "fromHub",
    desc: (p) => `快件到达【${p.fromHub.name}】`,
  },
  {
    afterMs: 4 * HOUR,
    scan: SCAN.departure,
    at: "fromHub",
    desc: (p) => `快件离开【${p.fromHub.name}】，已发往【${p.toHub.name}】`,
  },
  {
    afterMs: 14 * HOUR,
    scan: SCAN.arrival,
    at: "toHub",
    desc: (p) => `快件到达【${p.toHub.name}】`,
  },
  {
    afterMs: 15 * HOUR,
    scan: SCAN.departure,
    at: "toHub",
    desc: (p) => `快件离开【${p.toHub.name}】，已发往【${p.toOutlet.name}】`,
  },
  {
    afterMs: 18 * HOUR,
    scan: SCAN.arrival,
    at: "toOutlet",
    desc: (p) => `快件到达【${p.toOutlet.name}】`,
  },
  {
    afterMs: 19 * HOUR,
    scan: SCAN.outForDelivery,
    at: "toOutlet",
    desc: (p) =>
      `【${p.toOutlet.name}】的快递员${COURIER[0]}（${COURIER[1]}）正在为您派件，请保持电话畅通`,
    staff: COURIER,
  },
  {
    afterMs: 22 * HOUR,
    scan: SCAN.signed,
    at: "toOutlet",
    desc: () =>
      `快件已签收，签收人：本人。如有疑问请联系快递员${COURIER[0]}（${COURIER[1]}），感谢使用极兔速递`,
    staff: COURIER,
  },
];

function places(order: JtOrderDetails | undefined): Places {
  const where = (place: JtOrderDetails["sender"] | undefined, kind: "网点" | "转运中心") => {
    const prov = place?.prov ?? "上海";
    const city = place?.city ?? "上海市";
    const area = place?.area ?? "";
    const name = kind === "网点" ? `${shortCity(city)}${area}网点` : `${shortCity(city)}转运中心`;
    return { name, prov, city, area };
  };
  return {
    fromOutlet: where(order?.sender, "网点"),
    fromHub: where(order?.sender, "转运中心"),
    toHub: where(order?.receiver, "转运中心"),
    toOutlet: where(order?.receiver, "网点"),
  };
}

/** The waybill's scans visible at `nowMs`, oldest first: none before collection or once cancelled. */
export function jtTraces(
  state: SandboxState,
  waybill: JtSandboxWaybill,
  nowMs: number,
): JtSandboxTrace {
  const trace = { billCode: waybill.trackingNo, txlogisticId: waybill.orderId, details: [] };
  syncPickup(waybill, nowMs);
  if (!waybill.pickedUp) return trace;
  const createdMs = waybill.createdAt.getTime();
  // Collected on schedule, or "now" when a test flagged pickedUp before the schedule.
  const collectedMs = Math.max(createdMs, Math.min(createdMs + PICKUP_AFTER_MS, nowMs));
  const where = places(jtOrderDetails(state).get(waybill.orderId));
  const details = STEPS.filter((step) => collectedMs + step.afterMs <= nowMs).map((step) => {
    const network = where[step.at];
    return {
      scanTime: shanghaiText(collectedMs + step.afterMs),
      desc: step.desc(where),
      scanTypeCode: step.scan[0],
      scanTypeName: step.scan[1],
      scanType: step.scan[1],
      scanNetworkName: network.name,
      scanNetworkProvince: network.prov,
      scanNetworkCity: network.city,
      scanNetworkArea: network.area,
      ...(step.staff ? { staffName: step.staff[0], staffContact: step.staff[1] } : {}),
    };
  });
  return { ...trace, details };
}

/** logistics/trace: `billCodes` is comma separated, at most 30; unknown numbers are left out. */
export const trace: JtApiHandler = (biz, { state, nowMs }) => {
  const billCodes = asText(biz.billCodes)
    ?.split(/[,，]/)
    .map((code) => code.trim())
    .filter((code) => code !== "");
  if (!billCodes?.length) return refuse("145003050", "非法参数");
  if (billCodes.length > 30) return refuse("145003502", "运单号个数超过30");
  return success(
    billCodes.flatMap((code) => {
      const waybill = findByBillCode(state, code);
      return waybill ? [jtTraces(state, waybill, nowMs)] : [];
    }),
  );
};

const subscriptions = new WeakMap<SandboxState, Map<string, string>>();

/** Subscribed waybill numbers and their backUrl, for the time-lapse. */
export function jtSubscriptions(state: SandboxState): ReadonlyMap<string, string> {
  return subscriptions.get(state) ?? new Map();
}

/** trace/subscribe: `id` is the apiAccount; every list item needs a waybill and a backUrl. */
export const subscribe: JtApiHandler = (biz, { state, account }) => {
  if (asText(biz.id) !== account.apiAccount) return refuse("145003050", "非法参数");
  const list = Array.isArray(biz.list) ? biz.list.map(asRecord) : [];
  const items = list.map((item) => ({
    waybillCode: asText(item?.waybillCode),
    backUrl: asText(item?.backUrl),
    traceNode: asText(item?.traceNode),
  }));
  if (items.length === 0 || items.some((i) => !i.waybillCode || !i.backUrl || !i.traceNode)) {
    return refuse("145003050", "非法参数");
  }
  const subscribed = subscriptions.get(state) ?? new Map<string, string>();
  for (const item of items) subscribed.set(item.waybillCode ?? "", item.backUrl ?? "");
  subscriptions.set(state, subscribed);
  return success(null);
};

/** Where and as which API account the sandbox pushes. */
export type JtPushTarget = { url: string; apiAccount: string; privateKey: string };

/**
 * The trace push J&T would POST (§5.1): form field `bizContent` = the array of traces, headers
 * `apiAccount`, `digest` = Base64(MD5_raw(bizContent + privateKey)) and `timestamp` in ms.
 */
export function jtPushRequest(
  target: JtPushTarget,
  traces: JtSandboxTrace[],
  now: Date,
): WireRequest {
  const bizContent = JSON.stringify(traces);
  return {
    method: "POST",
    url: target.url,
    headers: {
      "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
      apiAccount: target.apiAccount,
      digest: jtSandboxHeaderDigest(bizContent, target.privateKey),
      timestamp: String(now.getTime()),
    },
    body: new URLSearchParams([["bizContent", bizContent]]).toString(),
  };
}
