"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/client";
import { describeError, fieldErrorsOf } from "@/components/trpc/errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label, NativeSelect } from "@/components/ui/input";
import { ATTRIBUTES, type Settings, type SettingsRule } from "./types";

type Dest = "any" | "set" | "codes";

/** Add or edit a rule: the condition builder (all given conditions must hold) and the action. */
export function RuleDialog({
  settings,
  rule,
  onClose,
}: {
  settings: Settings;
  rule: SettingsRule | null;
  onClose: () => void;
}) {
  const t = useTranslations("assignment.rules");
  const tAttr = useTranslations("assignment.attributes");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const c = rule?.condition ?? {};
  const d = c.destinationIn;
  const [name, setName] = useState(rule?.name ?? "");
  const [value, setValue] = useState(fenText(c.declaredValueOverFen));
  const [weight, setWeight] = useState(
    c.weightOverG !== undefined ? String(c.weightOverG / 1000) : "",
  );
  const [dest, setDest] = useState<Dest>(
    d?.type === "set" ? "set" : d?.type === "codes" ? "codes" : "any",
  );
  const [setId, setSetId] = useState(d?.type === "set" ? d.id : (settings.regionSets[0]?.id ?? ""));
  const [codes, setCodes] = useState<string[]>(d?.type === "codes" ? d.codes : []);
  const [attrs, setAttrs] = useState<string[]>(c.attributeAny ?? []);
  const [shopIds, setShopIds] = useState<string[]>(c.shopIds ?? []);
  const [kind, setKind] = useState(rule?.action.kind ?? "pin");
  const [couriers, setCouriers] = useState<string[]>(rule?.action.couriers ?? []);
  const [accountIds, setAccountIds] = useState<string[]>(rule?.action.accountIds ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const provinces = useQuery({ ...trpc.shops.regions.queryOptions({}), enabled: dest === "codes" });
  const courierCodes = [...new Set(settings.accounts.map((a) => a.courier))];

  const save = useMutation(
    trpc.assignment.saveRule.mutationOptions({
      onSuccess: () => {
        toast.success(t("saved"));
        void queryClient.invalidateQueries(trpc.assignment.pathFilter());
        onClose();
      },
      onError: (e) => {
        const f = fieldErrorsOf(e);
        if (Object.keys(f).length > 0) setErrors({ form: t("invalid") });
        else toast.error(describeError(tAll, e));
      },
    }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = t("nameRequired");
    const valueFen = value.trim() ? Math.round(Number(value) * 100) : undefined;
    if (valueFen !== undefined && !(valueFen >= 0)) next.value = t("number");
    const weightG = weight.trim() ? Math.round(Number(weight) * 1000) : undefined;
    if (weightG !== undefined && !(weightG >= 0)) next.weight = t("number");
    if (dest === "codes" && codes.length === 0) next.dest = t("pickRegion");
    if (couriers.length + accountIds.length === 0) next.targets = t("pickTarget");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    save.mutate({
      ...(rule ? { id: rule.id } : {}),
      name: name.trim(),
      enabled: rule?.enabled ?? true,
      condition: {
        ...(valueFen !== undefined ? { declaredValueOverFen: valueFen } : {}),
        ...(weightG !== undefined ? { weightOverG: weightG } : {}),
        ...(dest === "set" && setId ? { destinationIn: { type: "set" as const, id: setId } } : {}),
        ...(dest === "codes" ? { destinationIn: { type: "codes" as const, codes } } : {}),
        ...(attrs.length ? { attributeAny: attrs } : {}),
        ...(shopIds.length ? { shopIds } : {}),
      },
      action: {
        kind,
        ...(couriers.length ? { couriers } : {}),
        ...(accountIds.length ? { accountIds } : {}),
      },
    });
  };

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && !save.isPending && onClose()}
      title={rule ? t("editTitle") : t("addTitle")}
      description={t("dialogHint")}
      closeLabel={tAll("common.close")}
    >
      <form onSubmit={submit} noValidate className="max-h-[70vh] space-y-3 overflow-y-auto pr-1">
        <Field id="rule-name" label={t("name")} error={errors.name}>
          <Input
            id="rule-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            autoFocus
          />
        </Field>
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-2">
          <legend className="px-1 text-xs font-semibold text-slate-700">{t("when")}</legend>
          <div className="grid grid-cols-2 gap-2">
            <Field id="rule-value" label={t("valueOver")} error={errors.value}>
              <Input
                id="rule-value"
                inputMode="decimal"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                placeholder="2000"
              />
            </Field>
            <Field id="rule-weight" label={t("weightOver")} error={errors.weight}>
              <Input
                id="rule-weight"
                inputMode="decimal"
                value={weight}
                onChange={(e) => setWeight(e.target.value)}
                placeholder="20"
              />
            </Field>
          </div>
          <Field id="rule-dest" label={t("destination")} error={errors.dest}>
            <div className="flex gap-2">
              <NativeSelect
                id="rule-dest"
                value={dest}
                onChange={(e) => setDest(e.target.value as Dest)}
              >
                <option value="any">{t("destAny")}</option>
                <option value="set">{t("destSet")}</option>
                <option value="codes">{t("destProvinces")}</option>
              </NativeSelect>
              {dest === "set" ? (
                <NativeSelect
                  aria-label={t("destSet")}
                  value={setId}
                  onChange={(e) => setSetId(e.target.value)}
                >
                  {settings.regionSets.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </NativeSelect>
              ) : null}
            </div>
          </Field>
          {dest === "codes" ? (
            <Checks
              label={t("destProvinces")}
              options={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
              selected={codes}
              onChange={setCodes}
            />
          ) : null}
          <Checks
            label={t("goodsAny")}
            options={ATTRIBUTES.map((a) => ({ value: a, label: tAttr(a) }))}
            selected={attrs}
            onChange={setAttrs}
          />
          <Checks
            label={t("shopsAny")}
            options={settings.shops.map((s) => ({ value: s.id, label: s.name }))}
            selected={shopIds}
            onChange={setShopIds}
          />
        </fieldset>
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-2">
          <legend className="px-1 text-xs font-semibold text-slate-700">{t("then")}</legend>
          <NativeSelect
            aria-label={t("then")}
            value={kind}
            onChange={(e) => setKind(e.target.value as "pin" | "exclude")}
          >
            <option value="pin">{t("kindPin")}</option>
            <option value="exclude">{t("kindExclude")}</option>
          </NativeSelect>
          <Checks
            label={t("couriers")}
            options={courierCodes.map((code) => ({ value: code, label: code.toUpperCase() }))}
            selected={couriers}
            onChange={setCouriers}
          />
          <Checks
            label={t("accounts")}
            options={settings.accounts.map((a) => ({ value: a.id, label: a.name }))}
            selected={accountIds}
            onChange={setAccountIds}
          />
          <FieldError>{errors.targets}</FieldError>
        </fieldset>
        <FieldError>{errors.form}</FieldError>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" disabled={save.isPending} onClick={onClose}>
            {tAll("common.cancel")}
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
            {t("save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function fenText(fen: number | undefined): string {
  return fen === undefined ? "" : String(fen / 100);
}

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      {children}
      <FieldError>{error}</FieldError>
    </div>
  );
}

function Checks({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: { value: string; label: string }[];
  selected: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-1 text-xs font-medium text-slate-700">{label}</legend>
      <div className="flex max-h-32 flex-wrap gap-x-3 gap-y-1 overflow-y-auto">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-1 text-xs text-slate-700">
            <input
              type="checkbox"
              className="size-3.5 accent-blue-600"
              checked={selected.includes(o.value)}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value),
                )
              }
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
