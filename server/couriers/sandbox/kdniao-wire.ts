/**
 * Kdniao (快递鸟) side of the wire for the sandbox, written from PROTOCOLS.md §3 alone: its own
 * DataSign, its own form handling and its own push builder, so a driver that gets the protocol
 * wrong fails here instead of agreeing with itself. Nothing is imported from drivers/ or signing/.
 */
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import type { WireRequest, WireResponse } from "@/server/couriers/contract";

/** `Base64(LOWER_HEX(MD5(RequestData + ApiKey)))`: Base64 of the 32-char hex string (§3.1). */
export function kdniaoSign(requestData: string, apiKey: string): string {
  const hex = createHash("md5")
    .update(requestData + apiKey, "utf8")
    .digest("hex");
  return Buffer.from(hex, "utf8").toString("base64");
}

/** "yyyy-MM-dd HH:mm:ss" in Asia/Shanghai (UTC+8, no daylight saving since 1991). */
export function shanghaiTime(date: Date): string {
  const iso = new Date(date.getTime() + 8 * 3_600_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/**
 * Parses RequestData as Kdniao does: real JSON, or the single-quoted pseudo-JSON of the official
 * demo and signature vector (PROTOCOLS.md §11), which a strict parser would refuse.
 */
export function parseLooseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    // Not strict JSON: rewrite single-quoted strings as double-quoted ones and try again.
  }
  let out = "";
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quote === undefined) {
      if (ch === "'" || ch === '"') quote = ch;
      out += ch === "'" ? '"' : ch;
    } else if (ch === "\\") {
      const next = text.charAt(++i);
      out += quote === "'" && next === "'" ? "'" : ch + next;
    } else if (ch === quote) {
      quote = undefined;
      out += '"';
    } else {
      out += quote === "'" && ch === '"' ? '\\"' : ch;
    }
  }
  try {
    return { value: JSON.parse(out) as unknown };
  } catch {
    return undefined;
  }
}

/** A JSON reply with the given body, keys in insertion order. */
export function jsonReply(body: unknown, status = 200): WireResponse {
  return {
    status,
    headers: { "content-type": "application/json;charset=utf-8" },
    body: JSON.stringify(body),
  };
}

/** One trace of a push (PROTOCOLS.md §3.5). */
export type KdniaoPushTrace = {
  AcceptTime: string;
  AcceptStation: string;
  Remark?: string;
  /** StateEx value of this trace: 1, 2, 201, 202, 211, 3, 311, 4, 401… */
  Action?: string;
  Location?: string;
};

/** One shipment of a push (PROTOCOLS.md §3.5 `Data[]`). */
export type KdniaoPushShipment = {
  ShipperCode: string;
  LogisticCode: string;
  OrderCode?: string;
  /** 0 no trace, 1 collected, 2 in transit, 3 signed, 4 problem. */
  State: string;
  StateEx?: string;
  Location?: string;
  CallBack?: string;
  Traces: KdniaoPushTrace[];
};

/**
 * A signed RequestType 101 trace push as Kdniao sends it to a merchant: form `RequestData`
 * (URL-encoded JSON), `RequestType`, `DataSign`. Per the checkSign page the push's DataSign is
 * *not* URL-encoded, so it goes into the body raw: Base64 of a hex string holds only A-Z a-z 0-9
 * and a trailing "=", all of which survive form decoding.
 */
export function kdniaoPushRequest(
  target: { url: string; EBusinessID: string; ApiKey: string },
  shipments: readonly KdniaoPushShipment[],
  pushTime: Date,
): WireRequest {
  const requestData = JSON.stringify({
    EBusinessID: target.EBusinessID,
    PushTime: shanghaiTime(pushTime),
    Count: String(shipments.length),
    Data: shipments.map((s) => ({
      EBusinessID: target.EBusinessID,
      OrderCode: s.OrderCode ?? "",
      ShipperCode: s.ShipperCode,
      LogisticCode: s.LogisticCode,
      Success: true,
      Reason: "",
      State: s.State,
      ...(s.StateEx === undefined ? {} : { StateEx: s.StateEx }),
      ...(s.Location === undefined ? {} : { Location: s.Location }),
      ...(s.CallBack === undefined ? {} : { CallBack: s.CallBack }),
      Traces: s.Traces,
    })),
  });
  const dataSign = kdniaoSign(requestData, target.ApiKey);
  return {
    method: "POST",
    url: target.url,
    headers: { "content-type": "application/x-www-form-urlencoded;charset=utf-8" },
    body: `RequestData=${encodeURIComponent(requestData)}&RequestType=101&DataSign=${dataSign}`,
  };
}
