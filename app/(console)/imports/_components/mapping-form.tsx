"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Columns3, TriangleAlert } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Label, NativeSelect } from "@/components/ui/input";
import {
  missingInMapping,
  structuredAddress,
  type FieldInfo,
  type ImportBatch,
  type PreviewRow,
} from "./types";

const ADDRESS_FIELDS = ["fullAddress", ...structuredAddress, "street"];

/**
 * Manual column mapping: for each canonical field, one of the file's headers. Shown instead of the
 * preview when required columns were not recognised, and on demand to correct a detection.
 */
export function MappingForm({
  batch,
  fields,
  missing,
  onCancel,
  onQueued,
}: {
  batch: ImportBatch;
  fields: FieldInfo[];
  /** Required fields the server could not find; null when the user opened the form by choice. */
  missing: string[] | null;
  onCancel?: () => void;
  /** The re-check went to the job queue (big file): the caller follows it. */
  onQueued: () => void;
}) {
  const t = useTranslations();
  const tm = useTranslations("imports.mapping");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const baseId = useId();
  const [mapping, setMapping] = useState<Record<string, string>>(() => ({ ...batch.mapping }));
  const [save, setSave] = useState(true);
  const setMappingMutation = useMutation(
    trpc.imports.setMapping.mutationOptions({
      onSuccess: async (r) => {
        if (r.queued) onQueued();
        await queryClient.invalidateQueries(trpc.imports.pathFilter());
        toast.success(tm("applied"));
        onCancel?.();
      },
      onError: (error) => toast.error(describeError(t, error)),
    }),
  );

  const headers = batch.headers ?? [];
  const firstRow = (batch.previewRows as PreviewRow[] | null)?.[0]?.cells ?? [];
  const labelOf = (field: string) => {
    const f = fields.find((x) => x.field === field);
    return f ? (locale === "zh-CN" ? f.label.zh : f.label.en) : field;
  };
  const list = (names: string[]) => names.map(labelOf).join(locale === "zh-CN" ? "、" : ", ");

  const required = fields.filter((f) => f.required).map((f) => f.field);
  const stillMissing = missingInMapping(required, mapping);
  const chosen = Object.values(mapping).filter(Boolean);
  const duplicate = chosen.find((h, i) => chosen.indexOf(h) !== i);

  const groups = [
    { key: "required", fields: fields.filter((f) => f.required) },
    { key: "address", fields: fields.filter((f) => ADDRESS_FIELDS.includes(f.field)) },
    {
      key: "optional",
      fields: fields.filter((f) => !f.required && !ADDRESS_FIELDS.includes(f.field)),
    },
  ] as const;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (stillMissing.length || setMappingMutation.isPending) return;
    setMappingMutation.mutate({ id: batch.id, mapping, save });
  }

  const sample = (header: string) => {
    const value = firstRow[headers.indexOf(header)]?.trim();
    if (!value) return header;
    return tm("sample", { header, value: value.length > 16 ? `${value.slice(0, 16)}…` : value });
  };

  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby={`${baseId}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4"
      noValidate
    >
      <h2
        id={`${baseId}-title`}
        className="flex items-center gap-2 text-sm font-semibold text-slate-900"
      >
        <Columns3 className="size-4 text-slate-500" aria-hidden />
        {tm("title")}
      </h2>
      {missing?.length ? (
        <p
          role="alert"
          className="mt-2 flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          {tm("missing", { fields: list(missing) })}
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-600">{tm("intro")}</p>
      )}
      <p className="mt-2 text-xs text-slate-600">{tm("rules")}</p>

      {groups.map((g) => (
        <fieldset key={g.key} className="mt-4">
          <legend className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {tm(g.key)}
          </legend>
          <div className="grid gap-x-4 gap-y-2.5 sm:grid-cols-2 xl:grid-cols-4">
            {g.fields.map((f) => {
              const id = `${baseId}-${f.field}`;
              const invalid = stillMissing.includes(f.field);
              return (
                <div key={f.field} className="flex min-w-0 flex-col gap-1">
                  <div className="flex items-baseline gap-1">
                    <Label htmlFor={id}>{labelOf(f.field)}</Label>
                    {f.required ? (
                      <span className="text-xs text-red-600" aria-hidden>
                        *
                      </span>
                    ) : null}
                  </div>
                  <NativeSelect
                    id={id}
                    value={mapping[f.field] ?? ""}
                    aria-invalid={invalid}
                    aria-required={f.required}
                    onChange={(e) => setMapping((m) => ({ ...m, [f.field]: e.target.value }))}
                    className="w-full aria-invalid:border-red-500"
                  >
                    <option value="">{tm("none")}</option>
                    {headers.map((h, i) => (
                      <option key={`${i}-${h}`} value={h}>
                        {sample(h)}
                      </option>
                    ))}
                  </NativeSelect>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}

      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-3">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={save}
            onChange={(e) => setSave(e.target.checked)}
            className="size-4 accent-blue-600"
          />
          {tm("save")}
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-xs text-slate-600" aria-live="polite">
            {stillMissing.length
              ? tm("stillMissing", { fields: list(stillMissing) })
              : duplicate
                ? tm("duplicate", { header: duplicate })
                : null}
          </p>
          {onCancel ? (
            <Button type="button" variant="secondary" onClick={onCancel}>
              {tm("cancel")}
            </Button>
          ) : null}
          <Button type="submit" disabled={stillMissing.length > 0 || setMappingMutation.isPending}>
            {tm("submit")}
          </Button>
        </div>
      </div>
    </form>
  );
}
