import { decidingKey, RANK_KEYS, type RankKey } from "./rank";
import { targetLabels } from "./rules";
import {
  formatYuan,
  hoursText,
  joinEn,
  rateText,
  reason,
  scoreText,
  transitText,
  zhBefore,
} from "./labels";
import type {
  Bilingual,
  ExcludedOption,
  Objective,
  RankedOption,
  Reason,
  Rule,
  RuleTrace,
} from "./types";

/**
 * The plain-words explanation of an assignment, zh-CN and English, built from the same facts the
 * result stores. Segments, joined by "；" / "; ":
 *   1. the choice and why it beat the runner-up ("选择中通：最便宜（¥8.00，比次优的韵达便宜 ¥1.50）"),
 *      or "没有可用的快递账号" when nothing is left;
 *   2. pins that matched but could not be honoured, with the reason of each pinned account;
 *   3. excluded accounts grouped by reason ("排除 EMS：不承运电池类商品"), except accounts a pin
 *      narrowed away (the choice already names the rule) and those already named in 2;
 *   4. pin rules that did not match, by their targets ("顺丰：规则「…」未命中");
 *   5. rules skipped because they name an unknown region set.
 */

type Labels = ReadonlyMap<string, Bilingual>;

const KEY_NAMES: Record<Exclude<RankKey, "id">, Bilingual> = {
  score: { zh: "综合得分", en: "score" },
  price: { zh: "价格", en: "price" },
  hours: { zh: "时效", en: "transit time" },
};

const hoursOf = (o: RankedOption): Bilingual =>
  o.transitHours === null ? { zh: "时效未知", en: "unknown" } : hoursText(o.transitHours);

function keyValue(key: Exclude<RankKey, "id">, o: RankedOption): Bilingual {
  if (key === "price") {
    const y = formatYuan(o.quote.totalFen);
    return { zh: y, en: y };
  }
  if (key === "hours") return hoursOf(o);
  const s = scoreText(o.score);
  return { zh: s, en: s };
}

/** Why ranked[0] won: by the objective's first key, or by the tie-break that separated it. */
function objectiveReason(
  objective: Objective,
  a: RankedOption,
  b: RankedOption,
  labels: Labels,
): Reason {
  const lb = labels.get(b.accountId)!;
  const key = decidingKey(objective, a, b);
  const keys = RANK_KEYS[objective];
  const ya = formatYuan(a.quote.totalFen);
  const ta = transitText(a.transitHours, a.source, a.samples);
  if (key === keys[0]) {
    if (key === "price") {
      const diff = formatYuan(b.quote.totalFen - a.quote.totalFen);
      return reason(
        "cheapest",
        `最便宜（${ya}，比次优的${lb.zh}便宜 ${diff}）`,
        `cheapest (${ya}, ${diff} less than ${lb.en})`,
      );
    }
    if (key === "hours") {
      if (b.transitHours === null) {
        return reason(
          "fastest",
          `最快（${ta.zh}；次优的${lb.zh}时效未知）`,
          `fastest (${ta.en}; ${lb.en}'s transit time is unknown)`,
        );
      }
      const diff = hoursText(b.transitHours - a.transitHours!);
      return reason(
        "fastest",
        `最快（${ta.zh}，比次优的${lb.zh}快 ${diff.zh}）`,
        `fastest (${ta.en}, ${diff.en} faster than ${lb.en})`,
      );
    }
    const exc = a.exceptionRate === undefined ? null : rateText(a.exceptionRate);
    const [sa, sb] = [scoreText(a.score), scoreText(b.score)];
    return reason(
      "balanced",
      `综合最优（得分 ${sa}，次优的${lb.zh} ${sb}；${ya}，${ta.zh}${exc ? `，异常率 ${exc}` : ""}）`,
      `best balance (score ${sa} vs ${sb} for ${lb.en}; ${ya}, ${ta.en}${exc ? `, ${exc} exceptions` : ""})`,
    );
  }
  const tied = keys
    .slice(0, keys.indexOf(key))
    .filter((k): k is Exclude<RankKey, "id"> => k !== "id");
  const names = tied.map((k) => KEY_NAMES[k]);
  const values = tied.map((k) => keyValue(k, a));
  let better: Bilingual;
  if (key === "price") {
    const yb = formatYuan(b.quote.totalFen);
    better = { zh: `更便宜（${ya} vs ${yb}）`, en: `cheaper (${ya} vs ${yb})` };
  } else if (key === "hours") {
    const [ha, hb] = [hoursOf(a), hoursOf(b)];
    better = { zh: `更快（${ha.zh} vs ${hb.zh}）`, en: `faster (${ha.en} vs ${hb.en})` };
  } else {
    better = { zh: "按账号编号先后选定", en: "picked by account id" };
  }
  return reason(
    "tie_break",
    `与${lb.zh}${names.map((n) => n.zh).join("、")}相同（${values.map((v) => v.zh).join("，")}），${better.zh}`,
    `same ${joinEn(names.map((n) => n.en))} (${values.map((v) => v.en).join(", ")}) as ${lb.en}, ${better.en}`,
  );
}

export function chosenReasons(
  objective: Objective,
  ranked: readonly RankedOption[],
  pinnedBy: Rule | null,
  labels: Labels,
): Reason[] {
  const [a, b] = ranked;
  if (!a) return [];
  const reasons: Reason[] = [];
  if (pinnedBy) {
    reasons.push(
      reason("rule_pinned", `规则「${pinnedBy.name}」指定`, `pinned by rule "${pinnedBy.name}"`),
    );
  }
  const ya = formatYuan(a.quote.totalFen);
  if (!b) {
    reasons.push(
      pinnedBy
        ? reason("only_option", `运费 ${ya}`, `freight ${ya}`)
        : reason("only_option", `唯一可用的账号（${ya}）`, `the only eligible account (${ya})`),
    );
  } else {
    reasons.push(objectiveReason(objective, a, b, labels));
  }
  return reasons;
}

function groupByReason(items: readonly ExcludedOption[]): ExcludedOption[][] {
  const groups = new Map<string, ExcludedOption[]>();
  for (const e of items) {
    const key = `${e.reason.zh}\u0000${e.reason.en}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  return [...groups.values()];
}

export function explain(input: {
  chosen: { accountId: string; reasons: readonly Reason[] } | null;
  candidateCount: number;
  excluded: readonly ExcludedOption[];
  trace: readonly RuleTrace[];
  rules: readonly Rule[];
  labels: Labels;
}): Bilingual {
  const { chosen, labels } = input;
  const zh: string[] = [];
  const en: string[] = [];
  if (chosen) {
    const l = labels.get(chosen.accountId)!;
    zh.push(`${zhBefore("选择", l.zh)}：${chosen.reasons.map((r) => r.zh).join("，")}`);
    en.push(`Chose ${l.en}: ${chosen.reasons.map((r) => r.en).join(", ")}`);
  } else if (input.candidateCount === 0) {
    zh.push("没有可用的快递账号：尚未设置快递账号");
    en.push("No eligible courier account: no courier accounts are set up");
  } else {
    zh.push("没有可用的快递账号");
    en.push("No eligible courier account");
  }

  const named = new Set<string>();
  for (const t of input.trace) {
    if (t.outcome !== "pin_unavailable") continue;
    const targets = t.unavailable ?? [];
    for (const u of targets) named.add(u.target);
    const listZh = targets.map((u) => `${u.label.zh}（${u.reason.zh}）`).join("、");
    const listEn = joinEn(targets.map((u) => `${u.label.en} (${u.reason.en})`));
    zh.push(`规则「${t.name}」命中，但指定的${listZh}不可用${chosen ? "，改按其余账号选择" : ""}`);
    en.push(
      `rule "${t.name}" matched but ${listEn} cannot be used${chosen ? "; chose among the others" : ""}`,
    );
  }

  const shown = input.excluded.filter(
    (e) => e.reason.code !== "not_pinned" && !named.has(e.accountId),
  );
  for (const group of groupByReason(shown)) {
    const names = group.map((e) => labels.get(e.accountId)!);
    const r = group[0]!.reason;
    zh.push(`${zhBefore("排除", names.map((n) => n.zh).join("、"))}：${r.zh}`);
    en.push(`excluded ${joinEn(names.map((n) => n.en))}: ${r.en}`);
  }

  const byId = new Map(input.rules.map((r) => [r.id, r]));
  for (const t of input.trace) {
    const rule = byId.get(t.ruleId);
    if (t.outcome === "not_matched" && t.kind === "pin" && rule) {
      const targets = targetLabels(rule.action, labels);
      zh.push(`${targets.map((x) => x.zh).join("、")}：规则「${t.name}」未命中`);
      en.push(`${joinEn(targets.map((x) => x.en))}: rule "${t.name}" did not match`);
    } else if (t.outcome === "invalid") {
      zh.push(`规则「${t.name}」引用了不存在的地区集合，已跳过`);
      en.push(`rule "${t.name}" refers to an unknown region set and was skipped`);
    }
  }
  return { zh: zh.join("；"), en: en.join("; ") };
}
