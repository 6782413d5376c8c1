"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { describeError, fieldErrorsOf } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label, NativeSelect } from "@/components/ui/input";
import { platformOptions, slugPattern, type Shop, type Warehouse } from "./types";

const days = "shops.errors.afterSalesDays";
const schema = z.object({
  name: z.string().trim().min(1, "required").max(50, "shops.errors.tooLong"),
  id: z.string().trim().regex(slugPattern, "shops.errors.idFormat"),
  platform: z.enum(platformOptions),
  defaultWarehouseId: z.string().min(1, "shops.errors.warehouse"),
  afterSalesDays: z.number(days).int(days).min(0, days).max(90, days),
  autoShip: z.boolean(),
  active: z.boolean(),
  /** "" = none: the warehouse picks an account when issuing. */
  defaultCourierAccountId: z.string(),
});
type Values = z.infer<typeof schema>;

export function ShopDialog({
  shop,
  warehouses,
  takenIds,
  onClose,
  onSaved,
}: {
  /** null when creating. */
  shop: Shop | null;
  warehouses: Warehouse[];
  takenIds: string[];
  onClose: () => void;
  onSaved: (shop: { name: string }, created: boolean) => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const creating = !shop;
  const activeWarehouses = warehouses.filter((w) => w.active);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: shop
      ? {
          name: shop.name,
          id: shop.id,
          platform: shop.platform,
          defaultWarehouseId: shop.defaultWarehouseId,
          afterSalesDays: shop.afterSalesDays,
          autoShip: shop.autoShip,
          active: shop.active,
          defaultCourierAccountId: shop.defaultCourierAccountId ?? "",
        }
      : {
          name: "",
          id: "",
          platform: "taobao",
          // One warehouse is the common case: preselect it.
          defaultWarehouseId: activeWarehouses.length === 1 ? activeWarehouses[0]!.id : "",
          afterSalesDays: 7,
          autoShip: false,
          active: true,
          defaultCourierAccountId: "",
        },
  });
  const accounts = useQuery(trpc.waybills.accountsForIssuing.queryOptions());
  // Keep a default that was disabled since choosable, so saving the shop does not drop it.
  const currentAccount = shop?.defaultCourierAccountId ?? null;
  const accountMissing =
    currentAccount !== null && !(accounts.data ?? []).some((a) => a.id === currentAccount);
  const save = useMutation(trpc.shops.save.mutationOptions());
  const { errors } = form.formState;
  const idField = form.register("id");
  const msg = (key?: string) =>
    key ? t(key.includes(".") ? key : `validation.${key}`) : undefined;
  // The current warehouse stays choosable even if it was deactivated since.
  const choosable = warehouses.filter((w) => w.active || w.id === shop?.defaultWarehouseId);

  const onSubmit = form.handleSubmit(async (values) => {
    if (creating && takenIds.includes(values.id)) {
      form.setError("id", { message: "shops.errors.idTaken" }, { shouldFocus: true });
      return;
    }
    try {
      const saved = await save.mutateAsync({
        ...values,
        defaultCourierAccountId: values.defaultCourierAccountId || null,
      });
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
      title={shop ? t("shops.editShop", { name: shop.name }) : t("shops.newShop")}
      closeLabel={t("common.close")}
    >
      <form
        onSubmit={onSubmit}
        noValidate
        className="flex max-h-[75vh] flex-col gap-3 overflow-y-auto pr-1"
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="shop-name">{t("shops.name")}</Label>
          <Input
            id="shop-name"
            maxLength={50}
            autoComplete="off"
            aria-invalid={!!errors.name}
            {...form.register("name")}
          />
          <FieldError>{msg(errors.name?.message)}</FieldError>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="shop-id">{t("shops.id")}</Label>
          <Input
            id="shop-id"
            readOnly={!creating}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            placeholder={creating ? "tmall-flagship" : undefined}
            className={cn("font-mono", !creating && "bg-slate-50 text-slate-600")}
            aria-invalid={!!errors.id}
            aria-describedby="shop-id-hint"
            {...idField}
            onChange={(e) => {
              // IDs are lower-case: show what will be saved.
              e.target.value = e.target.value.toLowerCase();
              void idField.onChange(e);
            }}
          />
          <p id="shop-id-hint" className="text-[11px] text-slate-500">
            {creating ? t("shops.idHint") : t("shops.idLocked")}
          </p>
          <FieldError>{msg(errors.id?.message)}</FieldError>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="shop-platform">{t("shops.platform")}</Label>
            <NativeSelect id="shop-platform" {...form.register("platform")}>
              {platformOptions.map((p) => (
                <option key={p} value={p}>
                  {t(`shops.platforms.${p}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="shop-days">{t("shops.afterSalesDays")}</Label>
            <Input
              id="shop-days"
              type="number"
              inputMode="numeric"
              min={0}
              max={90}
              step={1}
              aria-invalid={!!errors.afterSalesDays}
              aria-describedby="shop-days-hint"
              {...form.register("afterSalesDays", { valueAsNumber: true })}
            />
          </div>
          <p id="shop-days-hint" className="col-span-2 -mt-2 text-[11px] text-slate-500">
            {t("shops.afterSalesDaysHint")}
          </p>
          {errors.afterSalesDays ? (
            <div className="col-span-2 -mt-2">
              <FieldError>{msg(errors.afterSalesDays.message)}</FieldError>
            </div>
          ) : null}
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="shop-warehouse">{t("shops.defaultWarehouse")}</Label>
          <NativeSelect
            id="shop-warehouse"
            className="aria-invalid:border-red-500"
            aria-invalid={!!errors.defaultWarehouseId}
            {...form.register("defaultWarehouseId")}
          >
            <option value="">{t("shops.chooseWarehouse")}</option>
            {choosable.map((w) => (
              <option key={w.id} value={w.id}>
                {w.active ? w.name : t("shops.inactiveWarehouse", { name: w.name })} ·{" "}
                {w.regionText}
              </option>
            ))}
          </NativeSelect>
          <FieldError>{msg(errors.defaultWarehouseId?.message)}</FieldError>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="shop-courier-account">{t("waybills.shopDefault.label")}</Label>
          {/* Mounted once the accounts are in, so the saved choice finds its option. */}
          {accounts.data ? (
            <NativeSelect
              id="shop-courier-account"
              aria-describedby="shop-courier-account-hint"
              aria-invalid={!!errors.defaultCourierAccountId}
              {...form.register("defaultCourierAccountId")}
            >
              <option value="">{t("waybills.shopDefault.none")}</option>
              {accountMissing ? (
                <option value={currentAccount}>
                  {t("waybills.shopDefault.unavailable", { id: currentAccount })}
                </option>
              ) : null}
              {accounts.data.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </NativeSelect>
          ) : (
            <NativeSelect id="shop-courier-account" disabled>
              <option>{t("common.loading")}</option>
            </NativeSelect>
          )}
          <p id="shop-courier-account-hint" className="text-[11px] text-slate-500">
            {t("waybills.shopDefault.hint")}
          </p>
          <FieldError>{msg(errors.defaultCourierAccountId?.message)}</FieldError>
        </div>
        <div className="flex flex-col gap-1 rounded-md border border-slate-200 p-3">
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 accent-blue-600"
              aria-describedby="shop-autoship-hint"
              {...form.register("autoShip")}
            />
            {t("shops.autoShipLabel")}
          </label>
          <p id="shop-autoship-hint" className="pl-6 text-[11px] text-slate-500">
            {t("shops.autoShipHint")}
          </p>
        </div>
        <div className="flex flex-col gap-1 rounded-md border border-slate-200 p-3">
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 accent-blue-600"
              aria-describedby="shop-active-hint"
              {...form.register("active")}
            />
            {t("shops.activeLabel")}
          </label>
          <p id="shop-active-hint" className="pl-6 text-[11px] text-slate-500">
            {t("shops.activeHint")}
          </p>
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
