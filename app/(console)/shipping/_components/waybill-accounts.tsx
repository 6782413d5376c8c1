"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { NativeSelect } from "@/components/ui/input";
import type { AppRouter } from "@/server/trpc/routers/_app";

type Outputs = inferRouterOutputs<AppRouter>["waybills"];
export type IssuingAccount = Outputs["accountsForIssuing"][number];
export type Breaker = IssuingAccount["breaker"];

/** "14:05": the retry time of an open breaker, in the console's time zone. */
function useRetryTime() {
  const format = useFormatter();
  return (at: Date | null) =>
    at ? format.dateTime(at, { hour: "2-digit", minute: "2-digit", hour12: false }) : "—";
}

/** A red badge while the account's circuit is open, amber while a probe is let through. */
export function BreakerBadge({ breaker }: { breaker: Breaker }) {
  const t = useTranslations("waybills.breaker");
  const time = useRetryTime();
  if (breaker.state === "closed") return null;
  return breaker.state === "open" ? (
    <Badge tone="red" title={t("failures", { n: breaker.failures })}>
      {t("open", { time: time(breaker.retryAt) })}
    </Badge>
  ) : (
    <Badge tone="amber">{t("halfOpen")}</Badge>
  );
}

/**
 * Courier account picker whose options carry each account's circuit state, so nobody sends a
 * batch to an account that is refusing calls without knowing. `""` is "each shop's default".
 */
export function AccountSelect({
  id,
  accounts,
  value,
  onChange,
  defaultLabel,
  className,
}: {
  id?: string;
  accounts: IssuingAccount[];
  value: string;
  onChange: (value: string) => void;
  /** Label of the "" option; no such option when absent. */
  defaultLabel?: string;
  className?: string;
}) {
  const t = useTranslations("waybills.breaker");
  const time = useRetryTime();
  return (
    <NativeSelect
      id={id}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className={className}
    >
      {defaultLabel !== undefined ? <option value="">{defaultLabel}</option> : null}
      {accounts.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
          {a.breaker.state === "open"
            ? ` ${t("optionOpen", { time: time(a.breaker.retryAt) })}`
            : a.breaker.state === "half-open"
              ? ` ${t("optionHalfOpen")}`
              : ""}
        </option>
      ))}
    </NativeSelect>
  );
}

/** Every account whose circuit is not closed, as badges under a picker. */
export function BreakerList({ accounts }: { accounts: IssuingAccount[] }) {
  const tripped = accounts.filter((a) => a.breaker.state !== "closed");
  if (tripped.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-live="polite">
      {tripped.map((a) => (
        <li key={a.id} className="flex items-center gap-1 text-xs text-slate-600">
          {a.name}
          <BreakerBadge breaker={a.breaker} />
        </li>
      ))}
    </ul>
  );
}
