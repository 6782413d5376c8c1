"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { describeError, fieldErrorsOf } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label, NativeSelect } from "@/components/ui/input";

type Field = { key: string; secret: boolean; required?: boolean };
const labelTemplates = ["76x130", "100x150", "100x180"] as const;
type LabelTemplate = (typeof labelTemplates)[number];
type Courier = { code: string; nameZh: string; nameEn: string; credentialFields: readonly Field[] };

export function CreateAccountDialog({
  open,
  onOpenChange,
  couriers,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  couriers: Courier[];
  onCreated: (name: string) => void;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const create = useMutation(trpc.couriers.createAccount.mutationOptions());
  const [courier, setCourier] = useState(couriers[0]?.code ?? "");
  const [form, setForm] = useState({
    id: "",
    name: "",
    environment: "sandbox" as "sandbox" | "production",
    baseUrl: "",
    /** "" = the courier's own label size. */
    labelTemplate: "" as LabelTemplate | "",
    maxConcurrency: 4,
  });
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fields = couriers.find((c) => c.code === courier)?.credentialFields ?? [];
  const msg = (key?: string) =>
    key ? t(key.includes(".") ? key : `validation.${key}`) : undefined;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!/^[a-z0-9][a-z0-9-]{2,39}$/.test(form.id)) local.id = "slug";
    if (!form.name.trim()) local.name = "required";
    if (form.baseUrl && !/^https?:\/\/\S+$/.test(form.baseUrl)) local.baseUrl = "url";
    if (
      !Number.isInteger(form.maxConcurrency) ||
      form.maxConcurrency < 1 ||
      form.maxConcurrency > 32
    )
      local.maxConcurrency = "waybills.accountFields.maxConcurrencyRange";
    for (const f of fields) {
      if (f.required !== false && !credentials[f.key]?.trim())
        local[`credentials.${f.key}`] = "required";
    }
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      const account = await create.mutateAsync({
        ...form,
        courier,
        baseUrl: form.baseUrl || undefined,
        labelTemplate: form.labelTemplate || undefined,
        credentials: Object.fromEntries(
          fields.flatMap((f) =>
            credentials[f.key]?.trim() ? [[f.key, credentials[f.key]!.trim()]] : [],
          ),
        ),
      });
      onOpenChange(false);
      setForm({
        id: "",
        name: "",
        environment: "sandbox",
        baseUrl: "",
        labelTemplate: "",
        maxConcurrency: 4,
      });
      setCredentials({});
      onCreated(account.name);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) toast.error(describeError(t, error));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("couriers.newAccount")}
      closeLabel={t("common.close")}
    >
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        className="flex max-h-[70vh] flex-col gap-3 overflow-y-auto pr-1"
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="acc-courier">{t("couriers.courier")}</Label>
          <NativeSelect
            id="acc-courier"
            value={courier}
            onChange={(e) => setCourier(e.target.value)}
          >
            {couriers.map((c) => (
              <option key={c.code} value={c.code}>
                {locale === "en" ? c.nameEn : c.nameZh}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="acc-id">{t("couriers.id")}</Label>
          <Input
            id="acc-id"
            value={form.id}
            aria-invalid={!!errors.id}
            placeholder="sf-main"
            onChange={(e) => setForm({ ...form, id: e.target.value })}
          />
          <p className="text-[11px] text-slate-500">{t("couriers.idHint")}</p>
          <FieldError>{msg(errors.id)}</FieldError>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="acc-name">{t("couriers.name")}</Label>
          <Input
            id="acc-name"
            value={form.name}
            aria-invalid={!!errors.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
          <FieldError>{msg(errors.name)}</FieldError>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="acc-env">{t("couriers.environment")}</Label>
          <NativeSelect
            id="acc-env"
            value={form.environment}
            onChange={(e) =>
              setForm({ ...form, environment: e.target.value as "sandbox" | "production" })
            }
          >
            <option value="sandbox">{t("couriers.sandbox")}</option>
            <option value="production">{t("couriers.production")}</option>
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="acc-url">{t("couriers.baseUrl")}</Label>
          <Input
            id="acc-url"
            value={form.baseUrl}
            aria-invalid={!!errors.baseUrl}
            onChange={(e) => setForm({ ...form, baseUrl: e.target.value })}
          />
          <FieldError>{msg(errors.baseUrl)}</FieldError>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="acc-label">{t("waybills.accountFields.labelTemplate")}</Label>
            <NativeSelect
              id="acc-label"
              value={form.labelTemplate}
              onChange={(e) =>
                setForm({ ...form, labelTemplate: e.target.value as LabelTemplate | "" })
              }
            >
              <option value="">{t("waybills.accountFields.courierDefault")}</option>
              {labelTemplates.map((size) => (
                <option key={size} value={size}>
                  {t(`waybills.accountFields.templates.${size}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="acc-concurrency">{t("waybills.accountFields.maxConcurrency")}</Label>
            <Input
              id="acc-concurrency"
              type="number"
              inputMode="numeric"
              min={1}
              max={32}
              step={1}
              value={form.maxConcurrency}
              aria-invalid={!!errors.maxConcurrency}
              onChange={(e) => setForm({ ...form, maxConcurrency: e.target.valueAsNumber })}
            />
          </div>
          <p className="col-span-2 -mt-2 text-[11px] text-slate-500">
            {t("waybills.accountFields.maxConcurrencyHint")}
          </p>
          {errors.maxConcurrency ? (
            <div className="col-span-2 -mt-2">
              <FieldError>{msg(errors.maxConcurrency)}</FieldError>
            </div>
          ) : null}
        </div>
        <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-xs font-medium text-slate-700">
            {t("couriers.credentials")}
          </legend>
          {fields.map((f) => (
            <div key={f.key} className="flex flex-col gap-1">
              <Label htmlFor={`cred-${f.key}`}>
                {f.key}
                {f.required === false ? (
                  <span className="ml-1 font-normal text-slate-500">
                    ({t("couriers.optional")})
                  </span>
                ) : null}
              </Label>
              <Input
                id={`cred-${f.key}`}
                type={f.secret ? "password" : "text"}
                autoComplete="off"
                value={credentials[f.key] ?? ""}
                aria-invalid={!!errors[`credentials.${f.key}`]}
                onChange={(e) => setCredentials({ ...credentials, [f.key]: e.target.value })}
              />
              <FieldError>{msg(errors[`credentials.${f.key}`])}</FieldError>
            </div>
          ))}
        </fieldset>
        <div className="mt-1 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={create.isPending}>
            {t("common.create")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
