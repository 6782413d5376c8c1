"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Controller, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { RegionPicker } from "@/components/regions/region-picker";
import { describeError, fieldErrorsOf } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { slugPattern, type Warehouse } from "../../shops/_components/types";

const tooLong = "shops.errors.tooLong";
const schema = z.object({
  name: z.string().trim().min(1, "required").max(50, tooLong),
  id: z.string().trim().regex(slugPattern, "shops.errors.idFormat"),
  contactName: z.string().trim().min(1, "required").max(30, tooLong),
  contactMobile: z
    .string()
    .trim()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, "shops.errors.mobile"),
  countyCode: z.string().regex(/^\d{6}$/, "shops.errors.region"),
  address: z.string().trim().min(2, "shops.errors.address").max(200, tooLong),
  active: z.boolean(),
});
type Values = z.infer<typeof schema>;

export function WarehouseDialog({
  warehouse,
  takenIds,
  usedByShops,
  onClose,
  onSaved,
}: {
  /** null when creating. */
  warehouse: Warehouse | null;
  takenIds: string[];
  /** Active shops that ship from this warehouse by default. */
  usedByShops: number;
  onClose: () => void;
  onSaved: (warehouse: { name: string }, created: boolean) => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const creating = !warehouse;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: warehouse
      ? {
          name: warehouse.name,
          id: warehouse.id,
          contactName: warehouse.contactName,
          contactMobile: warehouse.contactMobile,
          countyCode: warehouse.countyCode ?? warehouse.cityCode,
          address: warehouse.address,
          active: warehouse.active,
        }
      : {
          name: "",
          id: "",
          contactName: "",
          contactMobile: "",
          countyCode: "",
          address: "",
          active: true,
        },
  });
  const save = useMutation(trpc.shops.saveWarehouse.mutationOptions());
  const { errors } = form.formState;
  const idField = form.register("id");
  const msg = (key?: string) =>
    key ? t(key.includes(".") ? key : `validation.${key}`) : undefined;
  const active = useWatch({ control: form.control, name: "active" });
  const deactivating = usedByShops > 0 && !active;

  const onSubmit = form.handleSubmit(async (values) => {
    if (creating && takenIds.includes(values.id)) {
      form.setError("id", { message: "shops.errors.idTaken" }, { shouldFocus: true });
      return;
    }
    try {
      const saved = await save.mutateAsync(values);
      onClose();
      onSaved(saved, creating);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      for (const [field, key] of Object.entries(fields)) {
        form.setError(field as keyof Values, { message: key });
      }
      if (Object.keys(fields).length === 0) toast.error(describeError(t, error));
    }
  });

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={
        warehouse
          ? t("warehouses.editWarehouse", { name: warehouse.name })
          : t("warehouses.newWarehouse")
      }
      closeLabel={t("common.close")}
    >
      <form
        onSubmit={onSubmit}
        noValidate
        className="flex max-h-[75vh] flex-col gap-3 overflow-y-auto pr-1"
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="wh-name">{t("warehouses.name")}</Label>
          <Input
            id="wh-name"
            maxLength={50}
            autoComplete="off"
            aria-invalid={!!errors.name}
            {...form.register("name")}
          />
          <FieldError>{msg(errors.name?.message)}</FieldError>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="wh-id">{t("warehouses.id")}</Label>
          <Input
            id="wh-id"
            readOnly={!creating}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            placeholder={creating ? "hz-main" : undefined}
            className={cn("font-mono", !creating && "bg-slate-50 text-slate-600")}
            aria-invalid={!!errors.id}
            aria-describedby="wh-id-hint"
            {...idField}
            onChange={(e) => {
              // IDs are lower-case: show what will be saved.
              e.target.value = e.target.value.toLowerCase();
              void idField.onChange(e);
            }}
          />
          <p id="wh-id-hint" className="text-[11px] text-slate-500">
            {creating ? t("warehouses.idHint") : t("warehouses.idLocked")}
          </p>
          <FieldError>{msg(errors.id?.message)}</FieldError>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="wh-contact">{t("warehouses.contactName")}</Label>
            <Input
              id="wh-contact"
              maxLength={30}
              autoComplete="off"
              aria-invalid={!!errors.contactName}
              {...form.register("contactName")}
            />
            <FieldError>{msg(errors.contactName?.message)}</FieldError>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="wh-mobile">{t("warehouses.contactMobile")}</Label>
            <Input
              id="wh-mobile"
              type="tel"
              inputMode="tel"
              maxLength={20}
              autoComplete="off"
              className="font-mono"
              aria-invalid={!!errors.contactMobile}
              {...form.register("contactMobile")}
            />
            <FieldError>{msg(errors.contactMobile?.message)}</FieldError>
          </div>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="wh-region">{t("warehouses.region")}</Label>
          <Controller
            control={form.control}
            name="countyCode"
            render={({ field }) => (
              <RegionPicker
                id="wh-region"
                ref={field.ref}
                value={field.value}
                onChange={(code) => field.onChange(code)}
                invalid={!!errors.countyCode}
              />
            )}
          />
          <FieldError>{msg(errors.countyCode?.message)}</FieldError>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="wh-address">{t("warehouses.address")}</Label>
          <Input
            id="wh-address"
            maxLength={200}
            autoComplete="off"
            placeholder={t("warehouses.addressPlaceholder")}
            aria-invalid={!!errors.address}
            {...form.register("address")}
          />
          <FieldError>{msg(errors.address?.message)}</FieldError>
        </div>
        <div className="flex flex-col gap-1 rounded-md border border-slate-200 p-3">
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 accent-blue-600"
              aria-describedby="wh-active-hint"
              {...form.register("active")}
            />
            {t("warehouses.activeLabel")}
          </label>
          <p id="wh-active-hint" className="pl-6 text-[11px] text-slate-500">
            {t("warehouses.activeHint")}
          </p>
          {deactivating ? (
            <p role="status" className="pl-6 text-xs text-amber-800">
              {t("warehouses.stillDefault", { count: usedByShops })}
            </p>
          ) : null}
        </div>
        <div className="mt-1 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {creating ? t("common.create") : t("common.save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
