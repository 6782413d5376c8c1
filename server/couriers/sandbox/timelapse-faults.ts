/**
 * The push side of the time-lapse: the wire requests a courier sends for due events
 * (`buildPushes`, re-exported by ./timelapse.ts), and the ways real couriers get pushing and
 * answering wrong, set per account: duplicated and reordered pushes, broken signatures, a stuck
 * push channel, 5xx replies and timeouts. Randomness is an injected rng so a test replays a seed.
 */
import { z } from "zod";
import type { WireRequest } from "@/server/couriers/contract";
import { jtPushRequest } from "./jt-sandbox-traces";
import { type KdniaoPushTrace, kdniaoPushRequest, shanghaiTime } from "./kdniao-wire";
import { type Kuaidi100Item, kuaidi100PushRequest } from "./kuaidi100-wire";
import type { TimelapseEvent } from "./timelapse";
import { JT_SCAN_CODES, KUAIDI100_STATES, type TimelapseCourier } from "./timelapse-vocab";
import { ztoPushRequest } from "./zto-sandbox-traces";

/** SF pushes at most 10 WaybillRoute per request (PROTOCOLS.md §1.6). */
const SF_ROUTES_PER_PUSH = 10;

/** SF WaybillRoute (§1.6), keys in the documented order; `id` is unique per route. */
const sfRoute = (e: TimelapseEvent) => ({
  mailno: e.trackingNo,
  orderid: e.orderId,
  acceptTime: shanghaiTime(e.time),
  acceptAddress: e.city,
  remark: e.description,
  opCode: e.code,
  id: `${e.trackingNo.replace(/\D/g, "").slice(-9)}${String(e.seq).padStart(4, "0")}`,
  reasonName: e.extra?.reasonName ?? null,
  reasonCode: e.extra?.reasonCode ?? null,
});

/** ZTO push `data` (§4.3): a push action as `action`, an older scanType string as `scanType`. */
const ztoTrace = (e: TimelapseEvent): Record<string, string> => ({
  billCode: e.trackingNo,
  actionTime: shanghaiTime(e.time),
  city: e.city,
  ...(/^[A-Z_]+$/.test(e.code) ? { action: e.code } : { scanType: e.code }),
  facilityName: e.facility,
  desc: e.description,
  ...e.extra,
});

/** One J&T push scan (§5.1 `details[]`). */
const jtScan = (e: TimelapseEvent): Record<string, string> => ({
  scanTime: shanghaiTime(e.time),
  desc: e.description,
  scanTypeCode: JT_SCAN_CODES[e.code] ?? "13",
  scanTypeName: e.code,
  scanType: e.code,
  scanNetworkName: e.facility,
  scanNetworkCity: e.city,
  ...e.extra,
});

/** One Kdniao push trace (§3.5): Action carries the StateEx of the step. */
const kdniaoTrace = (e: TimelapseEvent): KdniaoPushTrace => ({
  AcceptTime: shanghaiTime(e.time),
  AcceptStation: e.description,
  Remark: "",
  Action: e.code,
  Location: e.city,
});

/** One Kuaidi100 `data[]` item (§2.1) with its state name and code. */
const kuaidi100Item = (e: TimelapseEvent): Kuaidi100Item => ({
  time: shanghaiTime(e.time),
  ftime: shanghaiTime(e.time),
  context: e.description,
  location: e.city,
  areaName: e.city,
  status: KUAIDI100_STATES[e.code] ?? "在途",
  statusCode: e.code,
});

/** Where the sandbox pushes for one account, with that account's credentials. */
export type PushTarget = { url: string; credentials: Readonly<Record<string, string>> };

type Group = { fresh: TimelapseEvent[]; all: TimelapseEvent[]; last: TimelapseEvent };

/** Per waybill, in order of first appearance: its new events, and all so far with `earlier`. */
function byWaybill(events: readonly TimelapseEvent[], earlier: readonly TimelapseEvent[]): Group[] {
  const fresh = new Map<string, TimelapseEvent[]>();
  for (const e of events) fresh.set(e.trackingNo, [...(fresh.get(e.trackingNo) ?? []), e]);
  return [...fresh.values()].flatMap((group) => {
    const [first, last] = [group[0], group.at(-1)];
    if (!first || !last) return [];
    const before = earlier.filter((e) => e.trackingNo === first.trackingNo && e.seq < first.seq);
    return [{ fresh: group, all: [...before, ...group].sort((a, b) => a.seq - b.seq), last }];
  });
}

/**
 * The requests the courier would POST for these events, in order, signed by the sandboxes'
 * builders. SF: unsigned JSON, up to 10 routes per push (the URL carries the account's token).
 * ZTO: one trace per push. J&T: one push per waybill with its new scans. Kdniao and Kuaidi100
 * push a waybill's whole trajectory each time, so they repeat its `earlier` (already pushed)
 * events. A push is dated by its newest event.
 */
export function buildPushes(
  courier: TimelapseCourier,
  target: PushTarget,
  events: readonly TimelapseEvent[],
  earlier: readonly TimelapseEvent[] = [],
): WireRequest[] {
  const { url } = target;
  const c = (name: string): string => {
    const value = target.credentials[name];
    if (!value) throw new Error(`time-lapse push target has no credential "${name}"`);
    return value;
  };
  switch (courier) {
    case "sf": {
      const pushes: WireRequest[] = [];
      for (let i = 0; i < events.length; i += SF_ROUTES_PER_PUSH) {
        const routes = events.slice(i, i + SF_ROUTES_PER_PUSH).map(sfRoute);
        const headers = { "content-type": "application/json;charset=UTF-8" };
        const body = JSON.stringify({ Body: { WaybillRoute: routes } });
        pushes.push({ method: "POST", url, headers, body });
      }
      return pushes;
    }
    case "zto": {
      const zto = { url, appKey: c("appKey"), appSecret: c("appSecret") };
      return events.map((e) => ztoPushRequest(zto, ztoTrace(e)));
    }
    case "jt": {
      const jt = { url, apiAccount: c("apiAccount"), privateKey: c("privateKey") };
      return byWaybill(events, earlier).map(({ fresh, last }) => {
        const details = fresh.map(jtScan);
        const trace = { billCode: last.trackingNo, txlogisticId: last.orderId, details };
        return jtPushRequest(jt, [trace], last.time);
      });
    }
    case "kdniao": {
      const kd = { url, EBusinessID: c("EBusinessID"), ApiKey: c("ApiKey") };
      return byWaybill(events, earlier).map(({ all, last }) => {
        const shipment = {
          ShipperCode: last.carrierCode,
          LogisticCode: last.trackingNo,
          OrderCode: last.orderId,
          // StateEx refines State: its first digit is the State (§3.4).
          State: last.code.charAt(0),
          StateEx: last.code,
          Location: last.city,
          Traces: all.map(kdniaoTrace),
        };
        return kdniaoPushRequest(kd, [shipment], last.time);
      });
    }
    case "kuaidi100": {
      const salt = target.credentials.salt;
      const subscription = { callbackUrl: url, ...(salt ? { salt } : {}) };
      return byWaybill(events, earlier).map(({ all, last }) => {
        // "shutdown" once signed (3) or returned-signed (4): Kuaidi100 stops monitoring (§2.2).
        const done = last.terminal && (last.code === "3" || last.code === "4");
        return kuaidi100PushRequest(subscription, {
          status: done ? "shutdown" : "polling",
          lastResult: {
            com: last.carrierCode,
            nu: last.trackingNo,
            state: last.code,
            data: all.map(kuaidi100Item).reverse(),
          },
        });
      });
    }
  }
}

/**
 * Per-account faults. `duplicate` and `http5xx` are probabilities per push / per API call;
 * `outOfOrder` swaps adjacent pushes (each pair with probability ½); `badSignature` spoils every
 * push's signature; `stall` delivers no push at all; `timeoutMs` makes an API call hang that long,
 * for a `timeoutRate` share of calls (all when unset).
 */
export const timelapseFaultsSchema = z.strictObject({
  duplicate: z.number().min(0).max(1).optional(),
  outOfOrder: z.boolean().optional(),
  badSignature: z.boolean().optional(),
  stall: z.boolean().optional(),
  http5xx: z.number().min(0).max(1).optional(),
  timeoutMs: z.number().int().positive().max(600_000).optional(),
  timeoutRate: z.number().min(0).max(1).optional(),
});
export type TimelapseFaults = z.infer<typeof timelapseFaultsSchema>;

/** A source of uniform numbers in [0, 1), like Math.random. */
export type Rng = () => number;

/** mulberry32: a tiny seeded generator, so a fault run can be replayed exactly. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

// The next character of the same class. Hex digits stay hex (f → a, not g) and letters keep their
// case, so the result still looks like a signature and even a case-insensitive compare refuses it.
const CLASSES = ["0123456789", "abcdef", "ABCDEF", "ghijklmnopqrstuvwxyz", "GHIJKLMNOPQRSTUVWXYZ"];

/**
 * `text` with one letter or digit changed; the two hex digits of a `%XX` escape are left alone,
 * so a URL-encoded value stays well-formed and decodes to a value one character off.
 */
function flipOne(text: string, rng: Rng): string {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const escaped = text.charAt(i - 1) === "%" || text.charAt(i - 2) === "%";
    if (!escaped && /[0-9A-Za-z]/.test(text.charAt(i))) positions.push(i);
  }
  const at = positions[Math.floor(rng() * positions.length)];
  if (at === undefined) return `${text}0`;
  const ch = text.charAt(at);
  const cls = CLASSES.find((c) => c.includes(ch)) ?? ch;
  return text.slice(0, at) + cls.charAt((cls.indexOf(ch) + 1) % cls.length) + text.slice(at + 1);
}

/** Where each protocol signs: J&T and ZOP-JSON headers, Kdniao / Kuaidi100 / ZTO push fields. */
const SIGNATURE_HEADERS = new Set(["digest", "x-datadigest"]);
const SIGNATURE_FIELDS = ["DataSign", "sign", "data_digest", "msgDigest"];

/**
 * The request with one character of its signature changed, so the receiver must refuse it: the
 * signature header, else the signature form field (raw bytes, encoding kept), else — for SF,
 * which signs nothing — the URL's push `token`. Returned unchanged when it carries none of these
 * (a Kuaidi100 push for a subscription without salt is unsigned by design).
 */
export function corruptSignature(request: WireRequest, rng: Rng): WireRequest {
  const header = Object.keys(request.headers).find((k) => SIGNATURE_HEADERS.has(k.toLowerCase()));
  if (header !== undefined) {
    const value = request.headers[header] ?? "";
    return { ...request, headers: { ...request.headers, [header]: flipOne(value, rng) } };
  }
  const parts = request.body.split("&");
  for (const name of SIGNATURE_FIELDS) {
    const index = parts.findIndex((part) => part.startsWith(`${name}=`));
    const part = parts[index];
    if (part === undefined) continue;
    parts[index] = `${name}=${flipOne(part.slice(name.length + 1), rng)}`;
    return { ...request, headers: { ...request.headers }, body: parts.join("&") };
  }
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  if (token === null) return request;
  url.searchParams.set("token", flipOne(token, rng));
  return { ...request, headers: { ...request.headers }, url: url.toString() };
}

/**
 * The pushes as a faulty courier delivers them: none when stalled; otherwise each with a spoiled
 * signature when `badSignature`, each followed by a byte-identical copy with probability
 * `duplicate` (a redelivery after a lost acknowledgement), then adjacent pairs swapped when
 * `outOfOrder`. The input is not modified.
 */
export function applyPushFaults(
  requests: readonly WireRequest[],
  faults: TimelapseFaults,
  rng: Rng,
): WireRequest[] {
  if (faults.stall) return [];
  const signed = requests.map((r) => (faults.badSignature ? corruptSignature(r, rng) : r));
  const duplicate = faults.duplicate ?? 0;
  const out = signed.flatMap((r) => (duplicate > 0 && rng() < duplicate ? [r, { ...r }] : [r]));
  if (faults.outOfOrder) {
    for (let i = 0; i + 1 < out.length; i += 2) {
      const [first, second] = [out[i], out[i + 1]];
      if (first && second && rng() < 0.5) [out[i], out[i + 1]] = [second, first];
    }
  }
  return out;
}

/** What the sandbox API should do to one call instead of (or before) answering it. */
export type ApiFault =
  { kind: "none" } | { kind: "5xx"; status: number } | { kind: "timeout"; ms: number };

const SERVER_ERRORS = [500, 502, 503, 504] as const;

/** The fault for one sandbox API call: a 5xx with probability `http5xx`, else maybe a hang. */
export function apiFault(faults: TimelapseFaults, rng: Rng): ApiFault {
  if (faults.http5xx && rng() < faults.http5xx) {
    const status = SERVER_ERRORS[Math.floor(rng() * SERVER_ERRORS.length)] ?? 500;
    return { kind: "5xx", status };
  }
  if (faults.timeoutMs !== undefined && rng() < (faults.timeoutRate ?? 1)) {
    return { kind: "timeout", ms: faults.timeoutMs };
  }
  return { kind: "none" };
}
