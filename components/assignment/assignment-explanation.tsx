"use client";

import { CheckCircle2, CircleSlash, ListOrdered } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import type {
  AssignmentResult,
  Bilingual,
  RankedOption,
  RuleTrace,
} from "@/server/assignment/types";
import type { QuoteSuccess } from "@/server/freight/types";

/**
 * Why a parcel goes with its courier: the chosen account with its quote breakdown, the ranked
 * alternatives with their prices and times, and every excluded account with its reason. The
 * texts come from the engine in both languages; this component only picks one.
 */
export function AssignmentExplanation({
  assignment,
  showRules = false,
  className,
}: {
  assignment: AssignmentResult;
  /** The rule trace, for the settings tester. */
  showRules?: boolean;
  className?: string;
}) {
  const t = useTranslations("assignment.explain");
  const pick = usePick();
  const money = useMoney();
  const { chosen, ranked, excluded } = assignment;

  return (
    <div className={cn("space-y-3 text-sm", className)}>
      <p
        className={cn(
          "rounded-md px-3 py-2",
          chosen ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800",
        )}
      >
        {pick(assignment.explanation)}
      </p>

      {chosen ? (
        <div className="rounded-md border border-slate-200 bg-white px-3 py-2">
          <div className="flex flex-wrap items-center gap-2">
            <CheckCircle2 className="size-4 text-emerald-600" aria-hidden />
            <span className="font-medium text-slate-900">{chosen.name}</span>
            <Badge tone="neutral" className="font-mono uppercase">
              {chosen.courier}
            </Badge>
            <Badge tone="blue">{t(`objective.${assignment.objective}`)}</Badge>
            <span className="ml-auto text-base font-semibold tabular-nums">
              {money(chosen.quote.totalFen)}
            </span>
          </div>
          <ul className="mt-1 list-disc pl-6 text-xs text-slate-700">
            {chosen.reasons.map((r) => (
              <li key={r.code + r.en}>{pick(r)}</li>
            ))}
          </ul>
          <QuoteLines quote={chosen.quote} />
        </div>
      ) : null}

      {ranked.length > 0 ? (
        <section aria-label={t("ranked")}>
          <h4 className="mb-1 flex items-center gap-1 text-xs font-semibold text-slate-600">
            <ListOrdered className="size-3.5" aria-hidden />
            {t("ranked")}
          </h4>
          <Table>
            <thead>
              <tr>
                <Th className="w-8">#</Th>
                <Th>{t("account")}</Th>
                <Th className="text-right">{t("price")}</Th>
                <Th>{t("transit")}</Th>
                <Th className="text-right">{t("score")}</Th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((o, i) => (
                <tr key={o.accountId} className={i === 0 ? "bg-emerald-50/50" : undefined}>
                  <Td className="tabular-nums">{i + 1}</Td>
                  <Td>
                    {o.name}
                    <span className="ml-1.5 font-mono text-xs text-slate-500 uppercase">
                      {o.courier}
                    </span>
                  </Td>
                  <Td className="text-right tabular-nums">{money(o.quote.totalFen)}</Td>
                  <Td className="text-xs text-slate-600">
                    <Transit option={o} />
                  </Td>
                  <Td className="text-right text-xs text-slate-600 tabular-nums">
                    {o.score.toFixed(2)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      ) : null}

      {excluded.length > 0 ? (
        <section aria-label={t("excluded")}>
          <h4 className="mb-1 flex items-center gap-1 text-xs font-semibold text-slate-600">
            <CircleSlash className="size-3.5" aria-hidden />
            {t("excluded")}
          </h4>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
            {excluded.map((e) => (
              <li key={e.accountId} className="flex flex-wrap items-baseline gap-2 px-3 py-1.5">
                <span className="text-slate-800">{e.name}</span>
                <span className="font-mono text-xs text-slate-500 uppercase">{e.courier}</span>
                <span className="text-xs text-slate-600">{pick(e.reason)}</span>
                {e.quote ? (
                  <span className="ml-auto text-xs text-slate-500 tabular-nums">
                    {money(e.quote.totalFen)}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {showRules && assignment.rules.length > 0 ? <RuleTraces rules={assignment.rules} /> : null}
    </div>
  );
}

function usePick() {
  const locale = useLocale();
  return (b: Bilingual) => (locale === "en" ? b.en : b.zh);
}

function useMoney() {
  const format = useFormatter();
  return (fen: number) => format.number(fen / 100, { style: "currency", currency: "CNY" });
}

function Transit({ option }: { option: RankedOption }) {
  const t = useTranslations("assignment.explain");
  if (option.transitHours === null) return <>{t("transitUnknown")}</>;
  const hours = Math.round(option.transitHours * 10) / 10;
  return option.source === "history" ? (
    <>{t("transitHistory", { hours, samples: option.samples ?? 0 })}</>
  ) : (
    <>{t("transitPromise", { hours })}</>
  );
}

function QuoteLines({ quote }: { quote: QuoteSuccess }) {
  const locale = useLocale();
  const money = useMoney();
  return (
    <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 border-t border-slate-100 pt-1.5 text-xs text-slate-600">
      {quote.lines.map((l, i) => (
        <div key={`${l.kind}-${i}`} className="contents">
          <dt>{locale === "en" ? l.labelEn : l.labelZh}</dt>
          <dd className="text-right tabular-nums">
            {l.kind === "volumetric_note" ? "" : money(l.amountFen)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function RuleTraces({ rules }: { rules: RuleTrace[] }) {
  const t = useTranslations("assignment.explain");
  const pick = usePick();
  const tone = (o: RuleTrace["outcome"]) =>
    o === "pinned" ? "green" : o === "excluded" ? "amber" : o === "invalid" ? "red" : "neutral";
  return (
    <section aria-label={t("rules")}>
      <h4 className="mb-1 text-xs font-semibold text-slate-600">{t("rules")}</h4>
      <ol className="space-y-1">
        {rules.map((r) => (
          <li key={r.ruleId} className="flex flex-wrap items-center gap-2 text-xs">
            <Badge tone={tone(r.outcome)}>{t(`outcome.${r.outcome}`)}</Badge>
            <span className="text-slate-800">{r.name}</span>
            {r.unavailable?.map((u) => (
              <span key={u.target} className="text-slate-500">
                {pick(u.label)}: {pick(u.reason)}
              </span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
