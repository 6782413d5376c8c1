"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { FieldError, Input } from "@/components/ui/input";

export type ReasonState = { preset: string | null; other: string };

/** The reason sent to the server: the preset, or the text typed for "other". */
export function reasonText(state: ReasonState, otherPreset: string): string {
  if (!state.preset) return "";
  if (state.preset !== otherPreset) return state.preset;
  const other = state.other.trim();
  return other ? `${otherPreset}：${other}` : "";
}

/** Reprint reason: the usual ones one click away; "other" asks for a few words. */
export function ReprintReason({
  count,
  value,
  onChange,
  missing,
}: {
  count: number;
  value: ReasonState;
  onChange: (next: ReasonState) => void;
  missing: boolean;
}) {
  const t = useTranslations("printing.reprint");
  const presets = t("presets").split("|");
  const other = presets.at(-1) ?? t("other");
  return (
    <fieldset
      className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2"
      aria-describedby="reprint-reason-error"
    >
      <legend className="sr-only">{t("title")}</legend>
      <p className="mr-1 text-sm text-amber-900">{t("notice", { n: count })}</p>
      <div role="radiogroup" aria-label={t("title")} className="flex flex-wrap gap-1.5">
        {presets.map((p) => {
          const on = value.preset === p;
          return (
            <button
              key={p}
              type="button"
              role="radio"
              aria-checked={on}
              className={cn(
                "rounded border px-2 py-0.5 text-xs",
                on
                  ? "border-amber-700 bg-amber-700 text-white"
                  : "border-amber-300 bg-white text-amber-900 hover:bg-amber-100",
              )}
              onClick={() => onChange({ ...value, preset: p })}
            >
              {p}
            </button>
          );
        })}
      </div>
      {value.preset === other ? (
        <Input
          autoFocus
          aria-label={t("otherLabel")}
          placeholder={t("otherLabel")}
          maxLength={150}
          value={value.other}
          onChange={(e) => onChange({ ...value, other: e.target.value })}
          className="h-7 w-56"
        />
      ) : null}
      <FieldError id="reprint-reason-error">{missing ? t("required") : undefined}</FieldError>
    </fieldset>
  );
}
