/**
 * What the Kdniao sandbox knows about its waybills beyond SandboxState (courier, cities, phone
 * digits, the e-waybill reply) and the trajectory it reports for them: 揽收 → 运输中 → 到达 →
 * 派件 → 签收, timed from creation. Like the SF sandbox, a live waybill counts as collected
 * PICKUP_AFTER_MS after creation on the sandbox clock, so a demo parcel moves without help.
 */
import type { SandboxState } from "@/server/couriers/contract";
import { type KdniaoPushShipment, type KdniaoPushTrace, shanghaiTime } from "./kdniao-wire";

/** Per waybill extras, by tracking number. */
export type KdniaoRoute = {
  shipperCode: string;
  senderCity: string;
  receiverCity: string;
  receiverDistrict: string;
  /** Last 4 digits of the sender's and recipient's phones (SF queries must name one). */
  phonesLast4: string[];
  /** The `Order` object of the e-waybill reply, replayed for a repeated OrderCode. */
  order: Record<string, string>;
};

type SandboxWaybill = SandboxState["waybills"] extends Map<string, infer W> ? W : never;

/** A courier collects a live e-waybill parcel this long after it was created. */
export const PICKUP_AFTER_MS = 2 * 3_600_000;

/** Marks the parcel collected once its pickup time has passed on the sandbox clock. */
export function kdniaoSyncPickup(waybill: SandboxWaybill, now: Date): void {
  if (!waybill.cancelled && now.getTime() - waybill.createdAt.getTime() >= PICKUP_AFTER_MS) {
    waybill.pickedUp = true;
  }
}

// Keyed by the SandboxState object so every state has its own table and none outlives it.
const routes = new WeakMap<SandboxState, Map<string, KdniaoRoute>>();

/** The extras table of one sandbox state. */
export function kdniaoRoutes(state: SandboxState): Map<string, KdniaoRoute> {
  let table = routes.get(state);
  if (!table) {
    table = new Map();
    routes.set(state, table);
  }
  return table;
}

type Stage = {
  hours: number;
  state: string;
  action: string;
  station: (r: KdniaoRoute) => string;
  location: (r: KdniaoRoute) => string;
};

const STAGES: readonly Stage[] = [
  {
    hours: 2,
    state: "1",
    action: "1",
    station: (r) => `【${r.senderCity}】快递员已揽收，感谢您的使用`,
    location: (r) => r.senderCity,
  },
  {
    hours: 5,
    state: "2",
    action: "2",
    station: (r) => `快件已从【${r.senderCity}转运中心】发出，下一站【${r.receiverCity}转运中心】`,
    location: (r) => r.senderCity,
  },
  {
    hours: 16,
    state: "2",
    action: "201",
    station: (r) => `快件已到达【${r.receiverCity}转运中心】`,
    location: (r) => r.receiverCity,
  },
  {
    hours: 20,
    state: "2",
    action: "202",
    station: (r) => `【${r.receiverCity}${r.receiverDistrict}营业部】快递员正在派件，电话：95000`,
    location: (r) => r.receiverCity,
  },
  {
    hours: 24,
    state: "3",
    action: "3",
    station: () => "快件已签收，签收人：本人，感谢使用",
    location: (r) => r.receiverCity,
  },
];

const UNKNOWN_ROUTE: Omit<KdniaoRoute, "shipperCode"> = {
  senderCity: "始发城市",
  receiverCity: "目的城市",
  receiverDistrict: "",
  phonesLast4: [],
  order: {},
};

/**
 * The trajectory a tracking number shows at `now`, oldest first: nothing before pickup or after a
 * cancel, then every stage whose time has come (at least 揽收, for a parcel marked collected
 * early by a test or the time-lapse).
 */
export function kdniaoTrajectory(
  state: SandboxState,
  trackingNo: string,
  now: Date,
): { route: KdniaoRoute; state: string; traces: KdniaoPushTrace[] } | undefined {
  const waybill = [...state.waybills.values()].find((w) => w.trackingNo === trackingNo);
  if (!waybill) return undefined;
  kdniaoSyncPickup(waybill, now);
  const route = kdniaoRoutes(state).get(trackingNo) ?? { shipperCode: "", ...UNKNOWN_ROUTE };
  if (!waybill.pickedUp || waybill.cancelled) return { route, state: "0", traces: [] };
  const created = waybill.createdAt.getTime();
  // A parcel marked collected before its stage time is shown collected "now", never in the future.
  const at = (s: Stage): number => Math.min(created + s.hours * 3_600_000, now.getTime());
  const due = STAGES.filter((s, i) => i === 0 || created + s.hours * 3_600_000 <= now.getTime());
  const last = due[due.length - 1];
  return {
    route,
    state: last?.state ?? "0",
    traces: due.map((s) => ({
      AcceptTime: shanghaiTime(new Date(at(s))),
      AcceptStation: s.station(route),
      Remark: "",
      Action: s.action,
      Location: s.location(route),
    })),
  };
}

/**
 * The shipment of a trace push for a sandbox waybill as of `now`, for kdniaoPushRequest (the
 * sandbox's time-lapse); undefined for an unknown tracking number.
 */
export function kdniaoSandboxShipment(
  state: SandboxState,
  trackingNo: string,
  now: Date,
): KdniaoPushShipment | undefined {
  const found = kdniaoTrajectory(state, trackingNo, now);
  if (!found) return undefined;
  const last = found.traces[found.traces.length - 1];
  return {
    ShipperCode: found.route.shipperCode,
    LogisticCode: trackingNo,
    State: found.state,
    ...(last?.Action ? { StateEx: last.Action } : {}),
    ...(last?.Location ? { Location: last.Location } : {}),
    Traces: found.traces,
  };
}
