import { formatKg } from "@/server/freight/money";
import { quote } from "@/server/freight/quote";
import {
  compileRef,
  UnknownRegionSetError,
  type CompiledRef,
  type RegionChain,
} from "@/server/freight/regions";
import type {
  Parcel,
  QuoteFailure,
  QuoteSuccess,
  RegionSet,
  RegionSetRef,
} from "@/server/freight/types";
import { courierLabel, goodsLabel, joinEn, joinZh, reason, zhBefore } from "./labels";
import type { Candidate, ParcelFacts, Reason } from "./types";

/**
 * Hard filters: an account that fails one can never ship the parcel, whatever the rules or the
 * objective say. They run in the order of FILTERS and the first failure is the reason reported
 * (one reason per account keeps the explanation short). The freight quote runs last: an account
 * whose templates have no zone for the destination does not cover it.
 */

export type ParcelContext = {
  parcel: ParcelFacts;
  /** The parcel in the freight engine's terms. */
  freight: Parcel;
  /** null for an unknown destination code (every quote then fails as invalid_parcel). */
  destination: RegionChain | null;
  regionSets: readonly RegionSet[];
};

export type Screened =
  { ok: true; quote: QuoteSuccess } | { ok: false; reason: Reason; retryAt?: string | null };

const refCache = new WeakMap<
  RegionSetRef,
  { sets: readonly RegionSet[]; compiled: CompiledRef | "invalid" }
>();

/** A region reference compiled for matching, or "invalid" when it names an unknown set or code. */
export function resolveRef(ref: RegionSetRef, sets: readonly RegionSet[]): CompiledRef | "invalid" {
  const hit = refCache.get(ref);
  if (hit && hit.sets === sets) return hit.compiled;
  let compiled: CompiledRef | "invalid";
  try {
    compiled = compileRef(ref, sets);
  } catch (error) {
    if (!(error instanceof UnknownRegionSetError)) throw error;
    compiled = "invalid";
  }
  refCache.set(ref, { sets, compiled });
  return compiled;
}

/** The most specific region of `chain` listed in `ref` (its name), "" for "all", null if none. */
export function regionIn(ref: CompiledRef, chain: RegionChain): string | null {
  if (ref === null) return "";
  for (let i = 0; i < chain.codes.length; i++) {
    if (ref.has(chain.codes[i]!)) return chain.names[i]!;
  }
  return null;
}

type Filter = (c: Candidate, ctx: ParcelContext) => Reason | null;

const disabled: Filter = (c) =>
  c.enabled ? null : reason("account_disabled", "账号已停用", "account disabled");

const breaker: Filter = (c) =>
  c.breakerOpen
    ? reason(
        "circuit_open",
        "快递接口连续失败，已熔断暂停派单",
        "courier API failing, circuit breaker open",
      )
    : null;

const notServed: Filter = (c, ctx) => {
  if (!c.coverage || !ctx.destination) return null;
  const ref = resolveRef(c.coverage.notServed, ctx.regionSets);
  if (ref === "invalid") {
    return reason(
      "invalid_coverage",
      "不派送地区引用了不存在的地区集合",
      "its not-served list refers to an unknown region set",
    );
  }
  const where = regionIn(ref, ctx.destination);
  if (where === null) return null;
  const place = where === "" ? ctx.destination.names[0]! : where;
  return reason("not_served", `不派送${place}`, `does not deliver to ${place}`);
};

const limits: Filter = (c, { parcel }) => {
  const { maxWeightG, maxSideMm, maxSumMm } = c.limits;
  if (maxWeightG !== undefined && parcel.weightG > maxWeightG) {
    const [w, max] = [formatKg(parcel.weightG), formatKg(maxWeightG)];
    return reason(
      "over_weight",
      `超过重量上限（${w} > ${max}）`,
      `over the weight limit (${w} > ${max})`,
    );
  }
  if (!parcel.dims) return null;
  const { lengthMm, widthMm, heightMm } = parcel.dims;
  const side = Math.max(lengthMm, widthMm, heightMm);
  if (maxSideMm !== undefined && side > maxSideMm) {
    return reason(
      "over_side",
      `最长边超限（${side} mm > ${maxSideMm} mm）`,
      `longest side over the limit (${side} mm > ${maxSideMm} mm)`,
    );
  }
  const sum = lengthMm + widthMm + heightMm;
  if (maxSumMm !== undefined && sum > maxSumMm) {
    return reason(
      "over_size_sum",
      `三边之和超限（${sum} mm > ${maxSumMm} mm）`,
      `length + width + height over the limit (${sum} mm > ${maxSumMm} mm)`,
    );
  }
  return null;
};

const goods: Filter = (c, { parcel }) => {
  const refused = parcel.attributes.filter((a) => c.restrictions.refuses.includes(a));
  if (refused.length === 0) return null;
  const what = goodsLabel([...new Set(refused)]);
  return reason("goods_refused", `不承运${what.zh}类商品`, `does not carry ${what.en}`);
};

const preference: Filter = (c, { parcel }) => {
  const { only, exclude } = parcel.preference;
  if (only && only.length > 0 && !only.includes(c.courier)) {
    const names = only.map(courierLabel);
    return reason(
      "preference_only",
      zhBefore("买家指定只用", joinZh(names.map((n) => n.zh))),
      `the customer asked for ${joinEn(names.map((n) => n.en))} only`,
    );
  }
  if (exclude?.includes(c.courier)) {
    const name = courierLabel(c.courier);
    return reason(
      "preference_excluded",
      zhBefore("买家要求不用", name.zh),
      `the customer asked not to use ${name.en}`,
    );
  }
  return null;
};

const shopAllowed: Filter = (c, { parcel }) =>
  parcel.allowedAccountIds === null || parcel.allowedAccountIds.includes(c.accountId)
    ? null
    : reason("shop_not_allowed", "该店铺未启用此快递账号", "not enabled for this shop");

/** The hard filters, in the order they are applied. */
export const FILTERS: readonly Filter[] = [
  disabled,
  breaker,
  notServed,
  limits,
  goods,
  preference,
  shopAllowed,
];

/** The most telling failure when no template quotes: a value limit beats a missing zone. */
const FAILURE_ORDER: readonly QuoteFailure["reason"][] = [
  "declared_value_too_high",
  "no_zone",
  "invalid_template",
  "unknown_region",
  "invalid_parcel",
];

/** "北京市东城区", "西藏自治区拉萨市城关区": province to county, without repeated or pseudo levels. */
function placeName(chain: RegionChain): string {
  const names = [...chain.names].reverse();
  return names
    .filter((n, i) => names.indexOf(n) === i && n !== "市辖区" && !n.endsWith("直辖县级行政区划"))
    .join("");
}

function quoteFailure(failure: QuoteFailure, ctx: ParcelContext): Reason {
  switch (failure.reason) {
    case "no_zone": {
      const place = ctx.destination ? placeName(ctx.destination) : "";
      return reason("no_zone", `运费模板不覆盖${place}`, `no freight zone covers ${place}`);
    }
    case "declared_value_too_high":
      return reason("declared_value_too_high", failure.messageZh, failure.message);
    case "invalid_template":
      return reason("invalid_template", failure.messageZh, failure.message);
    default:
      return reason("invalid_parcel", failure.messageZh, failure.message);
  }
}

/**
 * The account's price for the parcel: the cheapest of its templates that quotes (ties: the
 * shorter promised transit, then the template listed first).
 */
function bestQuote(c: Candidate, ctx: ParcelContext): Screened {
  if (c.templates.length === 0) {
    return { ok: false, reason: reason("no_template", "未设置运费模板", "no freight template") };
  }
  let best: QuoteSuccess | null = null;
  let failure: QuoteFailure | null = null;
  for (const template of c.templates) {
    const q = quote(template, ctx.regionSets, ctx.freight);
    if (!q.ok) {
      if (!failure || FAILURE_ORDER.indexOf(q.reason) < FAILURE_ORDER.indexOf(failure.reason)) {
        failure = q;
      }
    } else if (
      !best ||
      q.totalFen < best.totalFen ||
      (q.totalFen === best.totalFen &&
        (q.zone.transitDays ?? Infinity) < (best.zone.transitDays ?? Infinity))
    ) {
      best = q;
    }
  }
  if (best) return { ok: true, quote: best };
  return { ok: false, reason: quoteFailure(failure!, ctx) };
}

/** Runs the hard filters, then prices the account. */
export function screen(c: Candidate, ctx: ParcelContext): Screened {
  for (const filter of FILTERS) {
    const failed = filter(c, ctx);
    if (failed) {
      return failed.code === "circuit_open"
        ? { ok: false, reason: failed, retryAt: c.retryAt ?? null }
        : { ok: false, reason: failed };
    }
  }
  return bestQuote(c, ctx);
}
