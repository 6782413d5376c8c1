"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, FileSpreadsheet, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toast } from "sonner";
import type { RegionSetRef } from "@/server/freight/types";
import { describeError, fieldErrorsOf } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, NativeSelect } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { codesSummary, type SetOption } from "./region-ref-field";
import { gToKg, kgToG, PRODUCTS, type FreightOutputs } from "./units";
import { WideDialog } from "@/components/ui/wide-dialog";

type Preview = FreightOutputs["importRateCard"];

const ERROR_CODES = [
  "missing_columns",
  "missing_field",
  "unknown_destination",
  "ambiguous_destination",
  "duplicate_destination",
  "bad_price",
  "bad_weight",
  "bad_days",
  "no_rows",
] as const;
const FIELDS = [
  "destination",
  "firstPrice",
  "additionalPrice",
  "firstWeight",
  "additionalUnit",
  "transitDays",
] as const;

const SAMPLE = [
  "目的地,首重(kg),首重(元),续重(元/kg),时效(天)",
  "江浙沪,1,3.5,1,1",
  "安徽、福建、江西、山东,1,4,2,2",
  "广东,1,5,4,2-3",
  "新疆、西藏,1,15,12,5",
  "其他,1,5,4,3",
];

function downloadSample() {
  const blob = new Blob(["\ufeff" + SAMPLE.join("\r\n") + "\r\n"], { type: "text/csv" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = "rate-card-sample.csv";
  a.click();
  URL.revokeObjectURL(url);
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

const refValue = (ref: RegionSetRef | null) =>
  !ref ? "all" : ref.type === "all" ? "all" : ref.type === "set" ? `set:${ref.id}` : "current";

/**
 * Upload a courier's rate card (CSV in any encoding, or XLSX) → preview the rows it read and the
 * rows it could not, per spreadsheet row → apply. Nothing is written while rows have errors,
 * unless the manager explicitly imports the valid rows only.
 */
export function RateCardImportDialog({
  open,
  onOpenChange,
  target,
  sets,
  currentOrigin,
  labels,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** null: create a new template from the card. */
  target: { templateId: string; templateName: string } | null;
  sets: SetOption[];
  currentOrigin: RegionSetRef | null;
  labels: Record<string, string>;
}) {
  const t = useTranslations();
  const ti = useTranslations("freight.import");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const accounts = useQuery({ ...trpc.freight.accounts.queryOptions(), enabled: !target });
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [origin, setOrigin] = useState(refValue(currentOrigin));
  const [firstKg, setFirstKg] = useState("");
  const [unitKg, setUnitKg] = useState("");
  const [name, setName] = useState("");
  const [accountId, setAccountId] = useState("");
  const [product, setProduct] = useState("standard");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const run = useMutation(trpc.freight.importRateCard.mutationOptions());

  const chosenAccount = accountId || accounts.data?.[0]?.id || "";
  const originRef = (): RegionSetRef =>
    origin === "all"
      ? { type: "all" }
      : origin === "current" && currentOrigin
        ? currentOrigin
        : { type: "set", id: origin.slice(4) };
  const weight = (s: string) => (s.trim() === "" ? undefined : (kgToG(s) ?? undefined));

  async function send(mode: "preview" | "apply" | "applyValidRows", f = file) {
    if (!f) return;
    setFieldErrors({});
    try {
      const result = await run.mutateAsync({
        target: target
          ? { templateId: target.templateId }
          : { create: { name: name.trim(), courierAccountId: chosenAccount, product } },
        origin: originRef(),
        fileName: f.name,
        contentBase64: f.base64,
        firstWeightG: weight(firstKg),
        additionalUnitG: weight(unitKg),
        mode,
      });
      setPreview(result);
      if (result.applied) {
        toast.success(ti("applied", { count: result.rows.length }));
        await queryClient.invalidateQueries(trpc.freight.pathFilter());
        onOpenChange(false);
        if (!target && result.templateId) router.push(`/settings/freight/${result.templateId}`);
      }
    } catch (error) {
      setFieldErrors(fieldErrorsOf(error));
      toast.error(describeError(t, error));
    }
  }

  async function onFile(f: File | undefined) {
    if (!f) return;
    const picked = { name: f.name, base64: await toBase64(f) };
    setFile(picked);
    setPreview(null);
    await send("preview", picked);
  }

  const errorRows = new Set(preview?.errors.map((e) => e.row));
  const blocked = !preview || preview.rows.length === 0;
  const needsNewFields = !target && (name.trim() === "" || !chosenAccount);
  const fen = (n: number) => format.number(n / 100, { style: "currency", currency: "CNY" });
  const errorLabel = (code: string) =>
    (ERROR_CODES as readonly string[]).includes(code) ? ti(`errors.${code}`) : code;
  const fieldLabel = (field: string | null) =>
    field && (FIELDS as readonly string[]).includes(field) ? ti(`fields.${field}`) : "—";

  return (
    <WideDialog
      size="xl"
      open={open}
      onOpenChange={onOpenChange}
      title={target ? ti("titleFor", { name: target.templateName }) : ti("titleNew")}
      description={ti("description")}
      closeLabel={t("common.close")}
    >
      <div className="flex flex-col gap-4">
        {!target ? (
          <div className="grid gap-3 sm:grid-cols-3">
            <div className="flex flex-col gap-1">
              <Label htmlFor="rc-name">{t("freight.editor.name")}</Label>
              <Input
                id="rc-name"
                value={name}
                maxLength={80}
                aria-invalid={!!fieldErrors.name || undefined}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="rc-account">{t("freight.editor.account")}</Label>
              <NativeSelect
                id="rc-account"
                value={chosenAccount}
                onChange={(e) => setAccountId(e.target.value)}
              >
                {accounts.data?.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </NativeSelect>
              <FieldError>
                {fieldErrors.courierAccountId ? t(fieldErrors.courierAccountId) : undefined}
              </FieldError>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="rc-product">{t("freight.editor.product")}</Label>
              <NativeSelect
                id="rc-product"
                value={product}
                onChange={(e) => setProduct(e.target.value)}
              >
                {PRODUCTS.map((p) => (
                  <option key={p} value={p}>
                    {t(`freight.products.${p}`)}
                  </option>
                ))}
              </NativeSelect>
            </div>
          </div>
        ) : null}

        <div className="grid gap-3 sm:grid-cols-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="rc-origin">{ti("origin")}</Label>
            <NativeSelect
              id="rc-origin"
              value={origin}
              onChange={(e) => {
                setOrigin(e.target.value);
                setPreview(null);
              }}
            >
              <option value="all">{t("freight.regions.all")}</option>
              {currentOrigin?.type === "codes" ? (
                <option value="current">
                  {codesSummary(currentOrigin.codes, labels, (count) =>
                    t("freight.regions.andMore", { count }),
                  )}
                </option>
              ) : null}
              {sets.map((s) => (
                <option key={s.id} value={`set:${s.id}`}>
                  {s.name}
                </option>
              ))}
            </NativeSelect>
            <p className="text-[11px] text-slate-500">{ti("originHint")}</p>
            <FieldError>{fieldErrors.origin ? t(fieldErrors.origin) : undefined}</FieldError>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="rc-first">{ti("firstWeight")}</Label>
            <Input
              id="rc-first"
              inputMode="decimal"
              placeholder="1"
              className="w-24"
              value={firstKg}
              onChange={(e) => {
                setFirstKg(e.target.value);
                setPreview(null);
              }}
            />
            <p className="text-[11px] text-slate-500">{ti("weightHint")}</p>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="rc-unit">{ti("additionalUnit")}</Label>
            <Input
              id="rc-unit"
              inputMode="decimal"
              placeholder="1"
              className="w-24"
              value={unitKg}
              onChange={(e) => {
                setUnitKg(e.target.value);
                setPreview(null);
              }}
            />
          </div>
        </div>

        <div className="flex flex-wrap items-center gap-2 rounded-md border border-dashed border-slate-300 bg-slate-50 p-3">
          <input
            ref={fileRef}
            id="rc-file"
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="sr-only"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
          <Button type="button" variant="secondary" onClick={() => fileRef.current?.click()}>
            <Upload aria-hidden />
            {file ? ti("chooseAnother") : ti("chooseFile")}
          </Button>
          {file ? (
            <span className="flex items-center gap-1 text-sm text-slate-700">
              <FileSpreadsheet className="size-4 text-slate-500" aria-hidden />
              {file.name}
            </span>
          ) : (
            <span className="text-xs text-slate-500">{ti("fileHint")}</span>
          )}
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="ml-auto"
            onClick={downloadSample}
          >
            <Download aria-hidden />
            {ti("sample")}
          </Button>
          {file ? (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              disabled={run.isPending}
              onClick={() => void send("preview")}
            >
              {ti("refresh")}
            </Button>
          ) : null}
          <FieldError>{fieldErrors.file ? t(fieldErrors.file) : undefined}</FieldError>
        </div>

        {run.isPending && !preview ? (
          <p className="text-sm text-slate-500">{ti("reading")}</p>
        ) : null}

        {preview ? (
          <div className="flex flex-col gap-3" data-testid="rate-card-preview">
            <p className="text-sm text-slate-700">
              {preview.headerRow !== null ? ti("headerAt", { row: preview.headerRow }) + " · " : ""}
              <span className="font-medium text-emerald-700" data-testid="rc-valid">
                {ti("validRows", { count: preview.rows.length })}
              </span>
              {" · "}
              <span
                className={preview.errors.length ? "font-medium text-red-700" : "text-slate-500"}
                data-testid="rc-errors"
              >
                {ti("errorRows", { count: preview.errors.length })}
              </span>
            </p>
            {target ? (
              <p className="text-xs text-slate-600">
                {ti("replaces", {
                  origin: preview.originLabel,
                  replaced: preview.replacedZones,
                  kept: preview.keptZones,
                })}
              </p>
            ) : null}
            {preview.warnings.map((w) => (
              <p key={w} className="text-xs text-amber-800">
                {w}
              </p>
            ))}
            {preview.errors.length > 0 ? (
              <Table aria-label={ti("errorsTable")}>
                <thead>
                  <tr>
                    <Th className="w-16">{ti("row")}</Th>
                    <Th className="w-28">{ti("field")}</Th>
                    <Th>{ti("problem")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {preview.errors.map((e, i) => (
                    <tr key={i} data-error-code={e.code}>
                      <Td className="tabular-nums">{e.row}</Td>
                      <Td className="text-xs">{fieldLabel(e.field)}</Td>
                      <Td>
                        <div className="flex min-w-0 items-baseline gap-1.5">
                          <Badge tone="red" className="shrink-0">
                            {errorLabel(e.code)}
                          </Badge>
                          <span className="min-w-0 text-xs text-slate-500">{e.message}</span>
                        </div>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : null}
            {preview.rows.length > 0 ? (
              <Table aria-label={ti("rowsTable")}>
                <thead>
                  <tr>
                    <Th className="w-16">{ti("row")}</Th>
                    <Th>{ti("fields.destination")}</Th>
                    <Th className="text-right">{ti("fields.firstWeight")}</Th>
                    <Th className="text-right">{ti("fields.firstPrice")}</Th>
                    <Th className="text-right">{ti("fields.additionalUnit")}</Th>
                    <Th className="text-right">{ti("fields.additionalPrice")}</Th>
                    <Th className="text-right">{ti("fields.transitDays")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row} className={errorRows.has(r.row) ? "bg-red-50" : undefined}>
                      <Td className="tabular-nums">{r.row}</Td>
                      <Td>
                        <span>{r.destinationText}</span>
                        {r.destinationLabel !== r.destinationText ? (
                          <span className="ml-1.5 text-xs text-slate-500">
                            → {r.destinationLabel}
                          </span>
                        ) : null}
                      </Td>
                      <Td className="text-right tabular-nums">{gToKg(r.zone.firstWeightG)} kg</Td>
                      <Td className="text-right tabular-nums">{fen(r.zone.firstPriceFen)}</Td>
                      <Td className="text-right tabular-nums">
                        {gToKg(r.zone.additionalUnitG)} kg
                      </Td>
                      <Td className="text-right tabular-nums">
                        {fen(r.zone.additionalUnitPriceFen)}
                      </Td>
                      <Td className="text-right tabular-nums">{r.zone.transitDays ?? "—"}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : null}
          </div>
        ) : null}

        <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-100 pt-3">
          {preview && preview.errors.length > 0 ? (
            <p className="mr-auto text-xs text-red-700">{ti("blockedHint")}</p>
          ) : null}
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            {t("common.cancel")}
          </Button>
          {preview && preview.errors.length > 0 && preview.rows.length > 0 ? (
            <Button
              type="button"
              variant="secondary"
              disabled={run.isPending || needsNewFields}
              onClick={() => {
                if (window.confirm(ti("confirmValidOnly", { count: preview.rows.length })))
                  void send("applyValidRows");
              }}
            >
              {ti("applyValid", { count: preview.rows.length })}
            </Button>
          ) : null}
          <Button
            type="button"
            disabled={run.isPending || blocked || preview.errors.length > 0 || needsNewFields}
            onClick={() => void send("apply")}
          >
            {ti("apply")}
          </Button>
        </div>
      </div>
    </WideDialog>
  );
}
