"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import {
  ArrowDown,
  ArrowLeft,
  ArrowUp,
  Calculator,
  FileSpreadsheet,
  Plus,
  Save,
  Trash2,
  TriangleAlert,
} from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent, type ReactNode } from "react";
import { toast } from "sonner";
import type { BillingMode } from "@/server/freight/types";
import { describeError, fieldErrorsOf } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FieldError, Input, Label, NativeSelect } from "@/components/ui/input";
import { Th } from "@/components/ui/table";
import { RateCardImportDialog } from "./rate-card-import";
import { RegionRefField, type SetOption } from "./region-ref-field";
import {
  draftOf,
  emptyZone,
  errorAt,
  newDraft,
  templateOf,
  type TemplateDraft,
  type ZoneDraft,
} from "./template-draft";
import { COMMON_DIVISORS, DEFAULT_REMOTE_CODES, PRODUCTS, type FreightOutputs } from "./units";

type Account = FreightOutputs["accounts"][number];

export function TemplateEditorLoader({ id, canManage }: { id: string | null; canManage: boolean }) {
  const trpc = useTRPC();
  const { data: sets } = useSuspenseQuery(trpc.freight.regionSets.queryOptions());
  const { data: accounts } = useSuspenseQuery(trpc.freight.accounts.queryOptions());
  const setOptions = sets.map((s) => ({ id: s.id, name: s.name }));
  if (id === null) {
    const first = accounts[0];
    return (
      <TemplateEditor
        templateId={null}
        initial={newDraft(first?.id ?? "", first?.volumetricDivisor ?? 8000)}
        initialLabels={{}}
        sets={setOptions}
        accounts={accounts}
        canManage={canManage}
      />
    );
  }
  return <ExistingTemplate id={id} sets={setOptions} accounts={accounts} canManage={canManage} />;
}

function ExistingTemplate({
  id,
  sets,
  accounts,
  canManage,
}: {
  id: string;
  sets: SetOption[];
  accounts: Account[];
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.freight.template.queryOptions({ id }));
  return (
    <TemplateEditor
      // A saved or imported template comes back as a new version: start from it.
      key={new Date(data.updatedAt).getTime()}
      templateId={id}
      initial={draftOf(data.template, data.enabled)}
      initialLabels={data.labels}
      sets={sets}
      accounts={accounts}
      canManage={canManage}
    />
  );
}

function Section({ title, children, hint }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      {hint ? <p className="mt-0.5 text-xs text-slate-500">{hint}</p> : null}
      <div className="mt-3">{children}</div>
    </section>
  );
}

function Field({
  id,
  label,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-[11px] text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

/** A number typed in a unit: right-aligned, with the unit after it. */
function UnitInput({
  id,
  value,
  onChange,
  unit,
  invalid,
  label,
  className,
  disabled,
  placeholder,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  unit: string;
  invalid?: boolean;
  label?: string;
  className?: string;
  disabled?: boolean;
  placeholder?: string;
}) {
  return (
    <div className={cn("flex items-center gap-1", className)}>
      <Input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className="h-7 w-20 text-right text-xs tabular-nums"
        value={value}
        disabled={disabled}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className="text-xs text-slate-500">{unit}</span>
    </div>
  );
}

export function TemplateEditor({
  templateId,
  initial,
  initialLabels,
  sets,
  accounts,
  canManage,
}: {
  templateId: string | null;
  initial: TemplateDraft;
  initialLabels: Record<string, string>;
  sets: SetOption[];
  accounts: Account[];
  canManage: boolean;
}) {
  const t = useTranslations();
  const tf = useTranslations("freight.editor");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [labels, setLabels] = useState(initialLabels);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [importing, setImporting] = useState(false);
  const save = useMutation(trpc.freight.saveTemplate.mutationOptions());
  const remove = useMutation(trpc.freight.deleteTemplate.mutationOptions());

  const set = <K extends keyof TemplateDraft>(key: K, value: TemplateDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setZone = (i: number, patch: Partial<ZoneDraft>) =>
    setDraft((d) => ({ ...d, zones: d.zones.map((z, k) => (k === i ? { ...z, ...patch } : z)) }));
  const moveZone = (i: number, by: -1 | 1) =>
    setDraft((d) => {
      const zones = [...d.zones];
      const [z] = zones.splice(i, 1);
      zones.splice(i + by, 0, z!);
      return { ...d, zones };
    });
  const addLabels = (more: Record<string, string>) => setLabels((l) => ({ ...l, ...more }));
  const err = (path: string) => {
    const key = errorAt(errors, path);
    return key ? t(key) : undefined;
  };
  const piece = draft.billing === "piece";

  async function onSave() {
    const built = templateOf(draft);
    if (!built.ok) {
      setErrors(built.errors);
      toast.error(t("freight.errors.checkFields"));
      return;
    }
    setErrors({});
    try {
      const saved = await save.mutateAsync({
        ...(templateId ? { id: templateId } : {}),
        template: built.template,
        enabled: draft.enabled,
      });
      toast.success(tf(templateId ? "saved" : "created", { name: built.template.name }));
      await queryClient.invalidateQueries(trpc.freight.pathFilter());
      if (!templateId) router.replace(`/settings/freight/${saved.id}`);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      toast.error(describeError(t, error));
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
      e.preventDefault();
      if (canManage && !save.isPending) void onSave();
    }
  }

  const account = accounts.find((a) => a.id === draft.courierAccountId);
  const errorCount = Object.keys(errors).length;

  return (
    <form
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
      className="flex flex-col gap-4"
      aria-label={tf("formLabel")}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Button asChild variant="ghost" size="sm">
          <Link href="/settings/freight">
            <ArrowLeft aria-hidden />
            {tf("back")}
          </Link>
        </Button>
        <div className="flex flex-wrap items-center gap-2">
          <Button asChild variant="secondary" size="sm">
            <Link href="/freight">
              <Calculator aria-hidden />
              {t("freight.calculator.title")}
            </Link>
          </Button>
          {templateId && canManage ? (
            <Button type="button" variant="secondary" size="sm" onClick={() => setImporting(true)}>
              <FileSpreadsheet aria-hidden />
              {t("freight.import.button")}
            </Button>
          ) : null}
        </div>
      </div>

      {draft.isExample ? (
        <div className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <div className="flex flex-col gap-1">
            <p>{t("freight.exampleNotice")}</p>
            <label className="flex items-center gap-1.5 text-xs">
              <input
                type="checkbox"
                checked={!draft.isExample}
                disabled={!canManage}
                onChange={(e) => set("isExample", !e.target.checked)}
              />
              {tf("contractRates")}
            </label>
          </div>
        </div>
      ) : null}
      {!canManage ? <p className="text-xs text-slate-500">{tf("readOnly")}</p> : null}
      {errorCount > 0 ? (
        <p role="alert" className="text-sm text-red-700" data-testid="editor-errors">
          {tf("errorCount", { count: errorCount })}
        </p>
      ) : null}

      <fieldset disabled={!canManage} className="flex min-w-0 flex-col gap-4">
        <Section title={tf("basics")}>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <Field id="tpl-name" label={tf("name")} error={err("name")} className="lg:col-span-2">
              <Input
                id="tpl-name"
                maxLength={80}
                autoComplete="off"
                aria-invalid={!!err("name") || undefined}
                value={draft.name}
                onChange={(e) => set("name", e.target.value)}
              />
            </Field>
            <Field id="tpl-account" label={tf("account")} error={err("courierAccountId")}>
              <NativeSelect
                id="tpl-account"
                value={draft.courierAccountId}
                aria-invalid={!!err("courierAccountId") || undefined}
                onChange={(e) => set("courierAccountId", e.target.value)}
              >
                {accounts.length === 0 ? <option value="">{tf("noAccounts")}</option> : null}
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                    {a.enabled ? "" : ` (${tf("accountDisabled")})`}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field
              id="tpl-product"
              label={tf("product")}
              // The stored code ("standard") in the user's words, for the products the console knows.
              hint={
                (PRODUCTS as readonly string[]).includes(draft.product.trim())
                  ? t(`freight.products.${draft.product.trim()}`)
                  : undefined
              }
              error={err("product")}
            >
              <Input
                id="tpl-product"
                list="tpl-products"
                autoComplete="off"
                maxLength={40}
                aria-invalid={!!err("product") || undefined}
                value={draft.product}
                onChange={(e) => set("product", e.target.value)}
              />
              <datalist id="tpl-products">
                {PRODUCTS.map((p) => (
                  <option key={p} value={p}>
                    {t(`freight.products.${p}`)}
                  </option>
                ))}
              </datalist>
            </Field>
          </div>
          <label className="mt-3 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={draft.enabled}
              onChange={(e) => set("enabled", e.target.checked)}
            />
            {tf("enabledLabel")}
          </label>
        </Section>

        <Section title={tf("billingSection")} hint={tf("billingHint")}>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 text-xs font-medium text-slate-700">{tf("billing")}</legend>
              <div className="flex flex-wrap gap-3">
                {(["weight", "volume", "piece"] as BillingMode[]).map((b) => (
                  <label key={b} className="flex items-center gap-1.5 text-sm">
                    <input
                      type="radio"
                      name="billing"
                      value={b}
                      checked={draft.billing === b}
                      onChange={() => set("billing", b)}
                    />
                    {t(`freight.billing.${b}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <Field
              id="tpl-divisor"
              label={tf("divisor")}
              hint={tf("divisorHint", { default: account?.volumetricDivisor ?? 8000 })}
              error={err("volumetricDivisor")}
            >
              <Input
                id="tpl-divisor"
                list="tpl-divisors"
                inputMode="numeric"
                autoComplete="off"
                className="w-32 text-right tabular-nums"
                aria-invalid={!!err("volumetricDivisor") || undefined}
                value={draft.divisor}
                onChange={(e) => set("divisor", e.target.value)}
              />
              <datalist id="tpl-divisors">
                {COMMON_DIVISORS.map((d) => (
                  <option key={d} value={d} />
                ))}
              </datalist>
            </Field>
            <Field
              id="tpl-rounding"
              label={tf("rounding")}
              hint={tf("roundingHint")}
              error={err("rounding.unitG")}
            >
              <UnitInput
                id="tpl-rounding"
                unit="kg"
                value={draft.roundingKg}
                invalid={!!err("rounding.unitG")}
                onChange={(v) => set("roundingKg", v)}
              />
            </Field>
            <Field
              id="tpl-first"
              label={tf("defaultFirstWeight")}
              hint={tf("defaultFirstWeightHint")}
              error={err("rounding.firstWeightG")}
            >
              <UnitInput
                id="tpl-first"
                unit="kg"
                value={draft.firstWeightKg}
                invalid={!!err("rounding.firstWeightG")}
                onChange={(v) => set("firstWeightKg", v)}
              />
            </Field>
          </div>
        </Section>

        <Section title={tf("zones")} hint={tf("zonesHint")}>
          <div className="overflow-x-auto rounded-md border border-slate-200">
            <table className="w-full border-collapse text-sm" data-testid="zones-table">
              <thead>
                <tr>
                  <Th className="w-8">#</Th>
                  <Th>{tf("origin")}</Th>
                  <Th>{tf("destination")}</Th>
                  <Th>{piece ? tf("firstPiece") : tf("firstWeight")}</Th>
                  <Th>{piece ? tf("firstPiecePrice") : tf("firstPrice")}</Th>
                  <Th>{piece ? tf("additionalPiece") : tf("additionalUnit")}</Th>
                  <Th>{piece ? tf("additionalPiecePrice") : tf("additionalPrice")}</Th>
                  <Th>{tf("transitDays")}</Th>
                  <Th className="text-right">
                    <span className="sr-only">{t("common.actions")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {draft.zones.map((z, i) => {
                  const p = `zones.${i}`;
                  const cell = "border-b border-slate-100 px-2 py-1 align-top";
                  const row = i + 1;
                  const cellError = (path: string) => {
                    const e = err(`${p}.${path}`);
                    return e ? (
                      <p
                        id={`zone-${z.key}-${path}-error`}
                        className="mt-0.5 text-[11px] text-red-600"
                      >
                        {e}
                      </p>
                    ) : null;
                  };
                  return (
                    <tr key={z.key} data-testid={`zone-row-${i}`}>
                      <td className={cn(cell, "pt-2 text-xs text-slate-500 tabular-nums")}>
                        {row}
                      </td>
                      <td className={cell}>
                        <RegionRefField
                          id={`zone-${z.key}-origin`}
                          label={tf("originOf", { row })}
                          value={z.origin}
                          onChange={(origin) => setZone(i, { origin })}
                          sets={sets}
                          labels={labels}
                          onLabels={addLabels}
                          invalid={!!err(`${p}.origin`)}
                          compact
                        />
                        {cellError("origin")}
                      </td>
                      <td className={cell}>
                        <RegionRefField
                          id={`zone-${z.key}-destination`}
                          label={tf("destinationOf", { row })}
                          value={z.destination}
                          onChange={(destination) => setZone(i, { destination })}
                          sets={sets}
                          labels={labels}
                          onLabels={addLabels}
                          invalid={!!err(`${p}.destination`)}
                          compact
                        />
                        {cellError("destination")}
                      </td>
                      <td className={cell}>
                        <UnitInput
                          id={`zone-${z.key}-firstWeightG`}
                          label={tf("firstWeightOf", { row })}
                          unit="kg"
                          disabled={piece}
                          value={z.firstWeightKg}
                          invalid={!!err(`${p}.firstWeightG`)}
                          onChange={(v) => setZone(i, { firstWeightKg: v })}
                        />
                        {cellError("firstWeightG")}
                      </td>
                      <td className={cell}>
                        <UnitInput
                          id={`zone-${z.key}-firstPriceFen`}
                          label={tf("firstPriceOf", { row })}
                          unit={t("freight.units.yuan")}
                          value={z.firstPriceYuan}
                          invalid={!!err(`${p}.firstPriceFen`)}
                          onChange={(v) => setZone(i, { firstPriceYuan: v })}
                        />
                        {cellError("firstPriceFen")}
                      </td>
                      <td className={cell}>
                        <UnitInput
                          id={`zone-${z.key}-additionalUnitG`}
                          label={tf("additionalUnitOf", { row })}
                          unit="kg"
                          disabled={piece}
                          value={z.additionalUnitKg}
                          invalid={!!err(`${p}.additionalUnitG`)}
                          onChange={(v) => setZone(i, { additionalUnitKg: v })}
                        />
                        {cellError("additionalUnitG")}
                      </td>
                      <td className={cell}>
                        <UnitInput
                          id={`zone-${z.key}-additionalUnitPriceFen`}
                          label={tf("additionalPriceOf", { row })}
                          unit={t("freight.units.yuan")}
                          value={z.additionalUnitPriceYuan}
                          invalid={!!err(`${p}.additionalUnitPriceFen`)}
                          onChange={(v) => setZone(i, { additionalUnitPriceYuan: v })}
                        />
                        {cellError("additionalUnitPriceFen")}
                      </td>
                      <td className={cell}>
                        <UnitInput
                          id={`zone-${z.key}-transitDays`}
                          label={tf("transitDaysOf", { row })}
                          unit={t("freight.units.days")}
                          value={z.transitDays}
                          invalid={!!err(`${p}.transitDays`)}
                          onChange={(v) => setZone(i, { transitDays: v })}
                          className="[&_input]:w-12"
                        />
                        {cellError("transitDays")}
                      </td>
                      <td className={cn(cell, "text-right whitespace-nowrap")}>
                        <Button
                          type="button"
                          variant="ghost"
                          size="sm"
                          className="px-1.5"
                          disabled={i === 0}
                          aria-label={tf("moveUp", { row })}
                          onClick={() => moveZone(i, -1)}
                        >
                          <ArrowUp aria-hidden />
                        </Button>
                        <Button
                          type="button"
                          variant="ghost"
                          size="sm"
                          className="px-1.5"
                          disabled={i === draft.zones.length - 1}
                          aria-label={tf("moveDown", { row })}
                          onClick={() => moveZone(i, 1)}
                        >
                          <ArrowDown aria-hidden />
                        </Button>
                        <Button
                          type="button"
                          variant="ghost"
                          size="sm"
                          className="px-1.5 text-red-700"
                          aria-label={tf("removeZone", { row })}
                          onClick={() =>
                            setDraft((d) => ({ ...d, zones: d.zones.filter((_, k) => k !== i) }))
                          }
                        >
                          <Trash2 aria-hidden />
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <FieldError>
            {err("zones") && !errorAt(errors, "zones.0") ? err("zones") : undefined}
          </FieldError>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            className="mt-2"
            onClick={() =>
              setDraft((d) => ({
                ...d,
                zones: [
                  ...d.zones,
                  emptyZone(
                    d.firstWeightKg || "1",
                    d.zones.at(-1)?.additionalUnitKg || d.roundingKg || "1",
                    d.zones.at(-1)?.origin,
                  ),
                ],
              }))
            }
          >
            <Plus aria-hidden />
            {tf("addZone")}
          </Button>
        </Section>

        <Section title={tf("surcharges")} hint={tf("surchargesHint")}>
          <div className="grid gap-4 lg:grid-cols-2">
            <div className="flex flex-col gap-3">
              <Field
                id="tpl-minimum"
                label={tf("minimum")}
                hint={tf("minimumHint")}
                error={err("minimumChargeFen")}
              >
                <UnitInput
                  id="tpl-minimum"
                  unit={t("freight.units.yuan")}
                  placeholder="0"
                  value={draft.minimumYuan}
                  invalid={!!err("minimumChargeFen")}
                  onChange={(v) => set("minimumYuan", v)}
                />
              </Field>
              <Field
                id="tpl-fuel"
                label={tf("fuel")}
                hint={tf("fuelHint")}
                error={err("fuelSurchargeBasisPoints")}
              >
                <UnitInput
                  id="tpl-fuel"
                  unit="%"
                  placeholder="0"
                  value={draft.fuelPercent}
                  invalid={!!err("fuelSurchargeBasisPoints")}
                  onChange={(v) => set("fuelPercent", v)}
                />
              </Field>
            </div>
            <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
              <legend className="px-1">
                <label className="flex items-center gap-1.5 text-sm font-medium">
                  <input
                    type="checkbox"
                    checked={draft.remoteOn}
                    onChange={(e) => set("remoteOn", e.target.checked)}
                  />
                  {tf("remote")}
                </label>
              </legend>
              {draft.remoteOn ? (
                <>
                  <div className="flex flex-col gap-1">
                    <Label htmlFor="tpl-remote-regions">{tf("remoteRegions")}</Label>
                    <div className="flex flex-wrap items-center gap-2">
                      <RegionRefField
                        id="tpl-remote-regions"
                        label={tf("remoteRegions")}
                        value={draft.remoteRegions}
                        onChange={(r) => set("remoteRegions", r)}
                        sets={sets}
                        labels={labels}
                        onLabels={addLabels}
                        invalid={!!err("remoteSurcharge.regions")}
                        allowAll={false}
                      />
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        onClick={() => {
                          const remoteSet = sets.find((s) => s.id === "remote");
                          set(
                            "remoteRegions",
                            remoteSet
                              ? { type: "set", id: remoteSet.id }
                              : { type: "codes", codes: [...DEFAULT_REMOTE_CODES] },
                          );
                        }}
                      >
                        {tf("useDefaultRemote")}
                      </Button>
                    </div>
                    <FieldError>{err("remoteSurcharge.regions")}</FieldError>
                  </div>
                  <div className="flex flex-wrap items-end gap-3">
                    <fieldset className="flex gap-3">
                      <legend className="sr-only">{tf("remoteKind")}</legend>
                      {(["fee", "percent"] as const).map((k) => (
                        <label key={k} className="flex items-center gap-1.5 text-sm">
                          <input
                            type="radio"
                            name="remote-kind"
                            checked={draft.remoteKind === k}
                            onChange={() => set("remoteKind", k)}
                          />
                          {tf(k === "fee" ? "remoteFee" : "remotePercent")}
                        </label>
                      ))}
                    </fieldset>
                    {draft.remoteKind === "fee" ? (
                      <UnitInput
                        id="tpl-remote-fee"
                        label={tf("remoteFee")}
                        unit={t("freight.units.yuan")}
                        value={draft.remoteFeeYuan}
                        invalid={!!err("remoteSurcharge.feeFen")}
                        onChange={(v) => set("remoteFeeYuan", v)}
                      />
                    ) : (
                      <UnitInput
                        id="tpl-remote-percent"
                        label={tf("remotePercent")}
                        unit="%"
                        value={draft.remotePercent}
                        invalid={!!err("remoteSurcharge.basisPoints")}
                        onChange={(v) => set("remotePercent", v)}
                      />
                    )}
                  </div>
                  <FieldError>
                    {err("remoteSurcharge.feeFen") ?? err("remoteSurcharge.basisPoints")}
                  </FieldError>
                </>
              ) : (
                <p className="text-xs text-slate-500">{tf("remoteOff")}</p>
              )}
            </fieldset>
            <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 lg:col-span-2">
              <legend className="px-1">
                <label className="flex items-center gap-1.5 text-sm font-medium">
                  <input
                    type="checkbox"
                    checked={draft.insuranceOn}
                    onChange={(e) => set("insuranceOn", e.target.checked)}
                  />
                  {tf("insurance")}
                </label>
              </legend>
              {draft.insuranceOn ? (
                <div className="grid gap-3 sm:grid-cols-3">
                  <Field
                    id="tpl-ins-rate"
                    label={tf("insuranceRate")}
                    error={err("insurance.rateBasisPoints")}
                  >
                    <UnitInput
                      id="tpl-ins-rate"
                      unit="%"
                      value={draft.insuranceRatePercent}
                      invalid={!!err("insurance.rateBasisPoints")}
                      onChange={(v) => set("insuranceRatePercent", v)}
                    />
                  </Field>
                  <Field
                    id="tpl-ins-min"
                    label={tf("insuranceMinimum")}
                    error={err("insurance.minimumFen")}
                  >
                    <UnitInput
                      id="tpl-ins-min"
                      unit={t("freight.units.yuan")}
                      placeholder="0"
                      value={draft.insuranceMinYuan}
                      invalid={!!err("insurance.minimumFen")}
                      onChange={(v) => set("insuranceMinYuan", v)}
                    />
                  </Field>
                  <Field
                    id="tpl-ins-max"
                    label={tf("insuranceMax")}
                    hint={tf("insuranceMaxHint")}
                    error={err("insurance.maxDeclaredFen")}
                  >
                    <UnitInput
                      id="tpl-ins-max"
                      unit={t("freight.units.yuan")}
                      value={draft.insuranceMaxYuan}
                      invalid={!!err("insurance.maxDeclaredFen")}
                      onChange={(v) => set("insuranceMaxYuan", v)}
                    />
                  </Field>
                </div>
              ) : (
                <p className="text-xs text-slate-500">{tf("insuranceOff")}</p>
              )}
            </fieldset>
          </div>
        </Section>
      </fieldset>

      {canManage ? (
        <div className="sticky bottom-0 -mx-5 flex items-center justify-between gap-2 border-t border-slate-200 bg-white/95 px-5 py-2">
          {templateId ? (
            <Button
              type="button"
              variant="ghost"
              className="text-red-700"
              disabled={remove.isPending}
              onClick={() => {
                if (!window.confirm(tf("confirmDelete", { name: draft.name }))) return;
                remove.mutate(
                  { id: templateId },
                  {
                    onSuccess: () => {
                      toast.success(tf("deleted", { name: draft.name }));
                      void queryClient.invalidateQueries(trpc.freight.pathFilter());
                      router.push("/settings/freight");
                    },
                    onError: (error) => toast.error(describeError(t, error)),
                  },
                );
              }}
            >
              <Trash2 aria-hidden />
              {tf("delete")}
            </Button>
          ) : (
            <span />
          )}
          <div className="flex items-center gap-2">
            <span className="hidden text-xs text-slate-500 sm:inline">{tf("saveShortcut")}</span>
            <Button type="submit" disabled={save.isPending}>
              <Save aria-hidden />
              {t("common.save")}
            </Button>
          </div>
        </div>
      ) : null}

      {templateId && importing ? (
        <RateCardImportDialog
          open={importing}
          onOpenChange={setImporting}
          target={{ templateId, templateName: draft.name }}
          sets={sets}
          currentOrigin={initial.zones[0]?.origin ?? null}
          labels={labels}
        />
      ) : null}
    </form>
  );
}
