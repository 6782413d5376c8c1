/**
 * What the Kuaidi100 sandbox knows beyond SandboxState (courier, cities, phone digits, the label
 * reply, subscriptions) and the trajectory it reports: 揽收 → 在途 → 在途 → 派件 → 签收, timed
 * from creation. Like the SF sandbox, a live waybill counts as collected PICKUP_AFTER_MS after
 * creation on the sandbox clock, so a demo parcel moves without help.
 */
import type { SandboxState, WireRequest } from "@/server/couriers/contract";
import { type Kuaidi100Item, kuaidi100PushRequest, shanghaiTime } from "./kuaidi100-wire";

/** Per waybill extras, by tracking number. */
export type Kuaidi100Route = {
  com: string;
  senderCity: string;
  receiverCity: string;
  receiverDistrict: string;
  /** Last 4 digits of the sender's and recipient's mobiles (SF/ZTO queries must name one). */
  phonesLast4: string[];
  /** The `data` of the label reply, replayed for a repeated orderId. */
  data: Record<string, string>;
};

/** A subscription: where pushes go and the salt that signs them. */
export type Kuaidi100Subscription = { callbackUrl: string; salt?: string };

type Tables = {
  routes: Map<string, Kuaidi100Route>;
  subscriptions: Map<string, Kuaidi100Subscription>;
};

// Keyed by the SandboxState object so every state has its own tables and none outlives it.
const tables = new WeakMap<SandboxState, Tables>();

/** The extras tables of one sandbox state; subscriptions are keyed "com:number". */
export function kuaidi100Tables(state: SandboxState): Tables {
  let found = tables.get(state);
  if (!found) {
    found = { routes: new Map(), subscriptions: new Map() };
    tables.set(state, found);
  }
  return found;
}

type SandboxWaybill = SandboxState["waybills"] extends Map<string, infer W> ? W : never;

/** A courier collects a live e-waybill parcel this long after it was created. */
export const PICKUP_AFTER_MS = 2 * 3_600_000;

/** Marks the parcel collected once its pickup time has passed on the sandbox clock. */
export function kuaidi100SyncPickup(waybill: SandboxWaybill, now: Date): void {
  if (!waybill.cancelled && now.getTime() - waybill.createdAt.getTime() >= PICKUP_AFTER_MS) {
    waybill.pickedUp = true;
  }
}

type Stage = {
  hours: number;
  state: string;
  status: string;
  context: (r: Kuaidi100Route) => string;
  at: (r: Kuaidi100Route) => string;
};

const STAGES: readonly Stage[] = [
  {
    hours: 2,
    state: "1",
    status: "揽收",
    context: (r) => `【${r.senderCity}】快递员已揽收`,
    at: (r) => r.senderCity,
  },
  {
    hours: 5,
    state: "0",
    status: "在途",
    context: (r) => `快件离开【${r.senderCity}转运中心】，已发往【${r.receiverCity}转运中心】`,
    at: (r) => r.senderCity,
  },
  {
    hours: 16,
    state: "0",
    status: "在途",
    context: (r) => `快件已到达【${r.receiverCity}转运中心】`,
    at: (r) => r.receiverCity,
  },
  {
    hours: 20,
    state: "5",
    status: "派件",
    context: (r) =>
      `【${r.receiverCity}${r.receiverDistrict}营业点】快递员正在为您派件，电话：95000`,
    at: (r) => r.receiverCity,
  },
  {
    hours: 24,
    state: "3",
    status: "签收",
    context: () => "您的快件已签收，签收人：本人。感谢使用",
    at: (r) => r.receiverCity,
  },
];

/**
 * The trajectory of a tracking number at `now`, newest first as Kuaidi100 reports it: nothing
 * before pickup or after a cancel, then every stage whose time has come (at least 揽收).
 */
export function kuaidi100Trajectory(
  state: SandboxState,
  trackingNo: string,
  now: Date,
): { route: Kuaidi100Route | undefined; state: string; data: Kuaidi100Item[] } | undefined {
  const waybill = [...state.waybills.values()].find((w) => w.trackingNo === trackingNo);
  if (!waybill) return undefined;
  kuaidi100SyncPickup(waybill, now);
  const route = kuaidi100Tables(state).routes.get(trackingNo);
  if (!waybill.pickedUp || waybill.cancelled) return { route, state: "0", data: [] };
  const places = route ?? {
    com: "",
    senderCity: "始发城市",
    receiverCity: "目的城市",
    receiverDistrict: "",
    phonesLast4: [],
    data: {},
  };
  const created = waybill.createdAt.getTime();
  // A parcel marked collected before its stage time is shown collected "now", never in the future.
  const at = (s: Stage): number => Math.min(created + s.hours * 3_600_000, now.getTime());
  const due = STAGES.filter((s, i) => i === 0 || created + s.hours * 3_600_000 <= now.getTime());
  const data = due.map((s) => {
    const time = shanghaiTime(new Date(at(s)));
    return {
      time,
      ftime: time,
      context: s.context(places),
      location: s.at(places),
      areaName: s.at(places),
      status: s.status,
      statusCode: s.state,
    };
  });
  return { route, state: due[due.length - 1]?.state ?? "0", data: data.reverse() };
}

/**
 * The push Kuaidi100 would send now for a subscribed sandbox waybill (the sandbox's time-lapse),
 * or undefined when the number is unknown or nobody subscribed to it.
 */
export function kuaidi100SandboxPush(
  state: SandboxState,
  com: string,
  trackingNo: string,
  now: Date,
): WireRequest | undefined {
  const subscription = kuaidi100Tables(state).subscriptions.get(`${com}:${trackingNo}`);
  const found = kuaidi100Trajectory(state, trackingNo, now);
  if (!subscription || !found) return undefined;
  return kuaidi100PushRequest(subscription, {
    status: found.state === "3" ? "shutdown" : "polling",
    lastResult: { com, nu: trackingNo, state: found.state, data: found.data },
  });
}
