"use client";

import { Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { RegionSetRef } from "@/server/freight/types";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { NativeSelect } from "@/components/ui/input";
import { RegionCodesEditor } from "./region-codes-editor";
import { WideDialog } from "@/components/ui/wide-dialog";

export type SetOption = { id: string; name: string };

/** "浙江省、江苏省" or "浙江省、江苏省 等 5 个地区". */
export function codesSummary(
  codes: readonly string[],
  labels: Record<string, string>,
  more: (count: number) => string,
): string {
  const names = codes.map((c) => labels[c] ?? c);
  return names.length <= 2
    ? names.join("、")
    : `${names.slice(0, 2).join("、")} ${more(names.length)}`;
}

/**
 * Which regions a zone side (or the remote surcharge) covers: 全国, a region set, or regions chosen
 * here. Choosing "regions…" opens the province / city chooser.
 */
export function RegionRefField({
  id,
  label,
  value,
  onChange,
  sets,
  labels,
  onLabels,
  invalid,
  describedBy,
  allowAll = true,
  compact = false,
}: {
  id: string;
  label: string;
  value: RegionSetRef;
  onChange: (ref: RegionSetRef) => void;
  sets: readonly SetOption[];
  labels: Record<string, string>;
  onLabels: (labels: Record<string, string>) => void;
  invalid?: boolean;
  describedBy?: string;
  allowAll?: boolean;
  compact?: boolean;
}) {
  const t = useTranslations("freight.regions");
  const tc = useTranslations("common");
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<string[]>([]);

  const selectValue =
    value.type === "all" ? "all" : value.type === "set" ? `set:${value.id}` : "codes";
  const unknownSet = value.type === "set" && !sets.some((s) => s.id === value.id);

  function openEditor(codes: string[]) {
    setDraft(codes);
    setEditing(true);
  }

  return (
    <div className={cn("flex min-w-0 items-center gap-1", compact ? "" : "flex-wrap")}>
      <NativeSelect
        id={id}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={cn("min-w-0 aria-invalid:border-red-500", compact ? "h-7 w-28 text-xs" : "")}
        value={selectValue}
        onChange={(e) => {
          const v = e.target.value;
          if (v === "all") onChange({ type: "all" });
          else if (v.startsWith("set:")) onChange({ type: "set", id: v.slice(4) });
          else openEditor(value.type === "codes" ? value.codes : []);
        }}
      >
        {allowAll ? <option value="all">{t("all")}</option> : null}
        {sets.map((s) => (
          <option key={s.id} value={`set:${s.id}`}>
            {s.name}
          </option>
        ))}
        {unknownSet ? <option value={selectValue}>{t("missingSet")}</option> : null}
        <option value="codes">{t("custom")}</option>
      </NativeSelect>
      {value.type === "codes" ? (
        <Button
          type="button"
          variant="ghost"
          size="sm"
          className={cn("max-w-48 min-w-0 justify-start px-1.5", compact && "h-7")}
          onClick={() => openEditor(value.codes)}
          aria-label={t("editRegions", { label })}
          title={value.codes.map((c) => labels[c] ?? c).join("、")}
        >
          <Pencil aria-hidden />
          <span className="truncate text-xs">
            {codesSummary(value.codes, labels, (count) => t("andMore", { count }))}
          </span>
        </Button>
      ) : null}
      <WideDialog
        open={editing}
        onOpenChange={setEditing}
        title={t("chooseTitle", { label })}
        closeLabel={tc("close")}
      >
        <RegionCodesEditor
          idPrefix={`${id}-editor`}
          codes={draft}
          labels={labels}
          onChange={(codes, added) => {
            setDraft(codes);
            if (Object.keys(added).length) onLabels(added);
          }}
        />
        <div className="mt-4 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
            {tc("cancel")}
          </Button>
          <Button
            type="button"
            disabled={draft.length === 0}
            onClick={() => {
              onChange({ type: "codes", codes: draft });
              setEditing(false);
            }}
          >
            {tc("confirm")}
          </Button>
        </div>
      </WideDialog>
    </div>
  );
}
