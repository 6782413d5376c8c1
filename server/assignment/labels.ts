import { findCourier } from "@/server/couriers/catalog";
import { formatYuan } from "@/server/freight/money";
import type { Bilingual, Candidate, Reason, ReasonCode, TransitSource } from "./types";

/** Words for explanations: courier and goods names, hours, rates. */

export const reason = (code: ReasonCode, zh: string, en: string): Reason => ({ code, zh, en });

/** "中通" / "ZTO" for "zto": the catalog name without 快递/速运/速递 and " Express". */
export function courierLabel(code: string): Bilingual {
  const courier = findCourier(code);
  if (!courier) return { zh: code, en: code };
  return {
    zh: courier.nameZh.replace(/(快递|速运|速递)$/, ""),
    en: courier.nameEn.replace(/ Express$/, ""),
  };
}

/**
 * Labels per account id: the courier's name, plus the account's own name when two candidates
 * are accounts of the same courier ("中通（杭州网点）").
 */
export function accountLabels(candidates: readonly Candidate[]): Map<string, Bilingual> {
  const perCourier = new Map<string, number>();
  for (const c of candidates) perCourier.set(c.courier, (perCourier.get(c.courier) ?? 0) + 1);
  const labels = new Map<string, Bilingual>();
  for (const c of candidates) {
    const base = courierLabel(c.courier);
    labels.set(
      c.accountId,
      (perCourier.get(c.courier) ?? 0) > 1
        ? { zh: `${base.zh}（${c.name}）`, en: `${base.en} (${c.name})` }
        : base,
    );
  }
  return labels;
}

const GOODS: Record<string, Bilingual> = {
  liquid: { zh: "液体", en: "liquids" },
  battery: { zh: "电池", en: "batteries" },
  fragile: { zh: "易碎", en: "fragile goods" },
  powder: { zh: "粉末", en: "powders" },
  magnetic: { zh: "带磁", en: "magnetic goods" },
  flammable: { zh: "易燃", en: "flammable goods" },
  food: { zh: "食品", en: "food" },
  fresh: { zh: "生鲜", en: "fresh food" },
};

export function goodsLabel(attributes: readonly string[]): Bilingual {
  const names = attributes.map((a) => GOODS[a] ?? { zh: `「${a}」`, en: `"${a}" goods` });
  return { zh: names.map((n) => n.zh).join("、"), en: joinEn(names.map((n) => n.en)) };
}

/** "a", "a and b", "a, b and c". */
export function joinEn(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export function joinZh(items: readonly string[]): string {
  return items.join("、");
}

/** "选择中通" but "选择 EMS": a space between Chinese and a Latin-initial name. */
export function zhBefore(prefix: string, label: string): string {
  return /^[A-Za-z0-9]/.test(label) ? `${prefix} ${label}` : `${prefix}${label}`;
}

/** 26 -> "26", 26.25 -> "26.3". */
function hoursNumber(hours: number): string {
  return String(Math.round(hours * 10) / 10);
}

export function hoursText(hours: number): Bilingual {
  const n = hoursNumber(hours);
  return { zh: `${n} 小时`, en: `${n} h` };
}

/** "120 件已签收包裹的中位时效 26 小时" / "median 26 h over 120 delivered parcels", "承诺 48 小时" / "promised 48 h". */
export function transitText(
  hours: number | null,
  source: TransitSource,
  samples: number | undefined,
): Bilingual {
  if (hours === null) return { zh: "时效未知", en: "transit time unknown" };
  const h = hoursText(hours);
  if (source === "history") {
    return {
      zh: `${samples ?? 0} 件已签收包裹的中位时效 ${h.zh}`,
      en: `median ${h.en} over ${samples ?? 0} delivered parcels`,
    };
  }
  return { zh: `承诺 ${h.zh}`, en: `promised ${h.en}` };
}

/** 0.012 -> "1.2%". */
export function rateText(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

export function scoreText(score: number): string {
  return score.toFixed(2);
}

export { formatYuan };
