"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { presetKey, rowErrorCodes, type ImportStatus, type RowError } from "./types";

type Tone = "neutral" | "blue" | "green" | "amber" | "red" | "violet";

/** Amber waits on the user (confirm), blue is the server working, green is done. */
const statusTone: Record<ImportStatus | "needsMapping", Tone> = {
  needsMapping: "amber",
  uploaded: "blue",
  previewing: "blue",
  previewed: "amber",
  committing: "blue",
  committed: "green",
  failed: "red",
};

/** `needsMapping`: previewed, but required columns still have to be chosen by hand. */
export function ImportStatusBadge({ status }: { status: ImportStatus | "needsMapping" }) {
  const t = useTranslations("imports.status");
  return (
    <Badge tone={statusTone[status]} data-status={status}>
      {t(status)}
    </Badge>
  );
}

export function PresetLabel({ preset }: { preset: string | null }) {
  const t = useTranslations("imports.presets");
  const key = presetKey(preset);
  return <span className={cn(key === "none" && "text-slate-500")}>{t(key)}</span>;
}

/**
 * A row's errors: a localized label per code, then the validator's detail (English, names the value).
 * Compact (preview table): the labels only, the detail as a tooltip.
 */
export function RowErrors({ errors, compact = false }: { errors: RowError[]; compact?: boolean }) {
  const t = useTranslations("imports.rowErrors");
  const label = (code: string) => t(rowErrorCodes.includes(code) ? code : "unknown");
  const tone = (code: string) => (code === "already_imported" ? "neutral" : "red");
  if (compact) {
    return (
      <span className="flex flex-wrap gap-1">
        {errors.map((e, i) => (
          <Badge key={i} tone={tone(e.code)} title={e.message} data-error-code={e.code}>
            {label(e.code)}
          </Badge>
        ))}
      </span>
    );
  }
  return (
    <ul className="flex flex-col gap-1">
      {errors.map((e, i) => (
        <li key={i} className="flex min-w-0 items-baseline gap-1.5" data-error-code={e.code}>
          <Badge tone={tone(e.code)} className="shrink-0">
            {label(e.code)}
          </Badge>
          <span className="min-w-0 text-xs text-slate-500">{e.message}</span>
        </li>
      ))}
    </ul>
  );
}

const countTone = {
  neutral: "text-slate-900",
  good: "text-emerald-700",
  bad: "text-red-700",
  muted: "text-slate-500",
};

/** A count as a big number; the test id element holds just the number. */
export function CountTile({
  testId,
  label,
  value,
  hint,
  tone = "neutral",
}: {
  testId: string;
  label: string;
  value: number;
  hint?: string;
  tone?: keyof typeof countTone;
}) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-4 py-3">
      <div className="text-xs font-medium text-slate-600">{label}</div>
      <div
        data-testid={testId}
        className={cn("mt-0.5 text-2xl font-semibold tabular-nums", countTone[tone])}
      >
        {value}
      </div>
      {hint ? <div className="text-xs text-slate-500">{hint}</div> : null}
    </div>
  );
}

export function ProgressBar({
  label,
  value,
  max,
}: {
  label: string;
  /** null: indeterminate (the server has not reported progress yet). */
  value: number | null;
  max: number;
}) {
  const pct = value === null || max <= 0 ? null : Math.min(100, Math.round((value / max) * 100));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value ?? undefined}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className={cn(
          "h-full rounded-full bg-blue-600 transition-[width] duration-500",
          pct === null && "w-full animate-pulse bg-blue-300",
        )}
        style={pct === null ? undefined : { width: `${pct}%` }}
      />
    </div>
  );
}
