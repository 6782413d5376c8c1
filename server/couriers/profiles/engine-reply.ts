/**
 * Reading courier replies as a profile describes them: the JSON body, the success checks, the
 * error mapping and the trajectory events. Anything unreadable is UNAVAILABLE (safe to retry);
 * a refusal the profile does not know is INVALID (resending the same data will not help).
 */
import { CourierError, type RawTrackEvent, type WireResponse } from "@/server/couriers/contract";
import { readPath } from "./json";
import type { CourierProfile, EventsSpec, ReplyCheck } from "./schema";
import { shanghaiDateTime } from "./template";

/** A reply we cannot read is treated like an outage: the caller may retry idempotent calls. */
export function malformed(profile: CourierProfile, detail: string): CourierError {
  return new CourierError(
    "UNAVAILABLE",
    "MALFORMED",
    `${profile.nameEn} sent a reply we could not read: try again later`,
    detail.slice(0, 300),
  );
}

/** The CourierError for a courier refusal, by code first and then by message text. */
export function profileError(
  profile: CourierProfile,
  code: string,
  courierMessage: string | undefined,
): CourierError {
  const key = code || "UNKNOWN";
  const byCode = Object.hasOwn(profile.errorMap, key) ? profile.errorMap[key] : undefined;
  const text = courierMessage ?? "";
  const byMessage = profile.errorMessageMap?.find((entry) => text.includes(entry.contains));
  const mapped = byCode ?? byMessage;
  if (mapped)
    return new CourierError(mapped.kind, key, mapped.message, courierMessage || undefined);
  return new CourierError(
    "INVALID",
    key,
    `${profile.nameEn} refused the request (code ${key}): see ${profile.nameEn}'s message`,
    courierMessage || undefined,
  );
}

const asText = (value: unknown): string | undefined =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : undefined;

/** The reply body as JSON, or the CourierError an unreadable reply means. */
export function readReply(profile: CourierProfile, response: WireResponse): unknown {
  let json: unknown;
  try {
    json = JSON.parse(response.body) as unknown;
  } catch {
    json = undefined;
  }
  const isObject = typeof json === "object" && json !== null;
  if (!isObject || response.status >= 300) {
    if (response.status === 429) {
      throw new CourierError(
        "RATE_LIMITED",
        "HTTP_429",
        `${profile.nameEn} is limiting our request rate: wait a moment and try again`,
      );
    }
    // A JSON error envelope on a 4xx is still the courier talking: let the checks read it.
    if (isObject && response.status < 500) return json;
    if (response.status !== 200) {
      throw new CourierError(
        "UNAVAILABLE",
        `HTTP_${response.status}`,
        `${profile.nameEn} answered HTTP ${response.status}: try again later`,
        response.body.slice(0, 300),
      );
    }
    throw malformed(profile, response.body);
  }
  return json;
}

/** Runs the success checks in order; the first failing one becomes the thrown error. */
export function runChecks(
  profile: CourierProfile,
  checks: readonly ReplyCheck[],
  reply: unknown,
): void {
  for (const check of checks) {
    const actual = asText(readPath(reply, check.path));
    if (actual !== undefined && check.equals.some((value) => String(value) === actual)) continue;
    const code = check.code === undefined ? undefined : asText(readPath(reply, check.code));
    const message =
      check.message === undefined ? undefined : asText(readPath(reply, check.message));
    throw profileError(profile, code ?? "", message);
  }
}

/** An output value as text, or undefined when absent or empty. */
export function readText(reply: unknown, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const value = asText(readPath(reply, path));
  return value === undefined || value === "" ? undefined : value;
}

const LOCAL = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A courier time as ISO 8601 with +08:00 (couriers report Asia/Shanghai), or undefined. */
export function readTime(value: unknown, format: EventsSpec["timeFormat"]): string | undefined {
  const text = asText(value)?.trim();
  if (!text) return undefined;
  let ms: number;
  if (format === "shanghai") {
    const m = LOCAL.exec(text);
    if (!m) return undefined;
    const local = `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6] ?? "00"}`;
    ms = Date.parse(`${local.replace(" ", "T")}+08:00`);
    // The round trip refuses dates such as 02-30 that Date.parse would roll over.
    if (Number.isNaN(ms) || shanghaiDateTime(new Date(ms)) !== local) return undefined;
  } else if (format === "iso") {
    ms = Date.parse(text);
  } else {
    if (!/^\d+$/.test(text)) return undefined;
    ms = Number(text) * (format === "epochS" ? 1000 : 1);
  }
  if (!Number.isFinite(ms)) return undefined;
  return `${shanghaiDateTime(new Date(ms)).replace(" ", "T")}+08:00`;
}

/**
 * The trajectory events of a reply or push, oldest first. A missing or null list means no events
 * yet; anything else unreadable throws `fail(detail)`.
 */
export function readEvents(
  root: unknown,
  spec: EventsSpec,
  fallbackNo: string,
  fail: (detail: string) => Error,
): RawTrackEvent[] {
  const groups = spec.groups === undefined ? [root] : readPath(root, spec.groups);
  if (groups === undefined || groups === null) return [];
  if (!Array.isArray(groups)) throw fail(`${spec.groups ?? ""} is not a list`);
  const events: RawTrackEvent[] = [];
  for (const group of groups as unknown[]) {
    const list = readPath(group, spec.list);
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) throw fail(`${spec.list} is not a list`);
    const trackingNo = readText(group, spec.trackingNo) ?? fallbackNo;
    for (const item of list as unknown[]) {
      const time = readTime(readPath(item, spec.time), spec.timeFormat);
      if (time === undefined) throw fail(`event without a readable time: ${JSON.stringify(item)}`);
      events.push({
        trackingNo,
        time,
        code: readText(item, spec.code) ?? "",
        description: readText(item, spec.description) ?? "",
        location: readText(item, spec.location),
        raw: item,
      });
    }
  }
  // Stable sort: events with equal times keep the courier's order.
  return events.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}
