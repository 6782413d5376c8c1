/**
 * Kuaidi100 (快递100) side of the wire for the sandbox, written from PROTOCOLS.md §2 alone: its
 * own MD5 signatures, reply shapes and push builder, so a driver that gets the protocol wrong
 * fails here instead of agreeing with itself. Nothing is imported from drivers/ or signing/.
 */
import { createHash } from "node:crypto";
import type { WireRequest, WireResponse } from "@/server/couriers/contract";

/** UPPER(HEX(MD5(text))), the digest of every Kuaidi100 signature (§0). */
export function md5Upper(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex").toUpperCase();
}

/** "yyyy-MM-dd HH:mm:ss" in Asia/Shanghai (UTC+8, no daylight saving since 1991). */
export function shanghaiTime(date: Date): string {
  const iso = new Date(date.getTime() + 8 * 3_600_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** A JSON reply with the given body, keys in insertion order. */
export function jsonReply(body: unknown): WireResponse {
  return {
    status: 200,
    headers: { "content-type": "application/json;charset=utf-8" },
    body: JSON.stringify(body),
  };
}

/** A query/subscribe refusal: `{"result":false,"returnCode":"…","message":"…"}` (§2.1). */
export function pollFail(returnCode: string, message: string): WireResponse {
  return jsonReply({ result: false, returnCode, message });
}

/** A label-API reply (java-demo labelV2 `Result`: code, message, data, time). */
export function labelReply(code: number, message: string, data: unknown = null): WireResponse {
  return jsonReply({ success: code === 200, code, message, data, time: 0 });
}

/**
 * City and district out of a one-line `printAddr` such as "浙江省杭州市西湖区文三路100号" or
 * "上海市上海市浦东新区…", short forms ("杭州", "西湖") as printed on labels.
 */
export function cityAndDistrict(printAddr: string): { city: string; district: string } {
  const parts = printAddr.match(/.+?(?:自治区|自治州|特别行政区|省|市|地区|盟|区|县|旗)/g) ?? [];
  const [first, second] = parts;
  const province =
    first !== undefined &&
    (/(省|自治区|特别行政区)$/.test(first) || (first.endsWith("市") && second?.endsWith("市")));
  const i = province ? 1 : 0;
  return {
    city: (parts[i] ?? printAddr.slice(0, 2)).replace(/(市|自治州|地区|盟)$/, ""),
    district: (parts[i + 1] ?? "").replace(/(新区|区|县|旗|市)$/, ""),
  };
}

/** One trajectory item as Kuaidi100 reports it (§2.1 `data[]`). */
export type Kuaidi100Item = {
  time: string;
  ftime: string;
  context: string;
  location?: string;
  areaName?: string;
  /** Chinese state name, e.g. "在途", and its code (PROTOCOLS.md §2.1 `state` values). */
  status?: string;
  statusCode?: string;
};

/** The `param` of a push (PROTOCOLS.md §2.2), before serialising. */
export type Kuaidi100PushPayload = {
  status: "polling" | "shutdown" | "abort" | "updateall";
  message?: string;
  lastResult: {
    com: string;
    nu: string;
    /** Current state: 0 在途, 1 揽收, 3 签收, 5 派件, … */
    state: string;
    /** Items newest first, as Kuaidi100 sends them. */
    data: Kuaidi100Item[];
  };
};

/**
 * A push as Kuaidi100 sends it to a subscriber's callbackurl: form `param` (JSON) and, when the
 * subscription gave a salt, `sign = UPPER(MD5(param + salt))` (PROTOCOLS.md §2.2).
 */
export function kuaidi100PushRequest(
  target: { callbackUrl: string; salt?: string },
  payload: Kuaidi100PushPayload,
): WireRequest {
  const { lastResult } = payload;
  const param = JSON.stringify({
    status: payload.status,
    billstatus: "",
    message: payload.message ?? "",
    autoCheck: "0",
    comOld: "",
    comNew: "",
    lastResult: {
      message: "ok",
      state: lastResult.state,
      status: "200",
      condition: "F00",
      ischeck: lastResult.state === "3" ? "1" : "0",
      com: lastResult.com,
      nu: lastResult.nu,
      data: lastResult.data,
    },
  });
  const form = new URLSearchParams({ param });
  if (target.salt !== undefined) form.set("sign", md5Upper(param + target.salt));
  return {
    method: "POST",
    url: target.callbackUrl,
    headers: { "content-type": "application/x-www-form-urlencoded;charset=utf-8" },
    body: form.toString(),
  };
}
