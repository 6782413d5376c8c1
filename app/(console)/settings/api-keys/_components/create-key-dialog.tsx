"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { describeError, fieldErrorsOf } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { CreatedApiKey, Shop } from "./types";

// Mirrors createApiKeyInput (server/api-keys/schemas.ts); messages are catalogue keys.
const schema = z.object({
  name: z.string().trim().min(1, "required").max(80, "apiKeys.errors.nameTooLong"),
  shopIds: z.array(z.string()).min(1, "apiKeys.errors.shopsRequired"),
});
type Values = z.infer<typeof schema>;

export function CreateKeyDialog({
  open,
  onOpenChange,
  shops,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  shops: Shop[];
  onCreated: (result: CreatedApiKey) => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  // With a single shop there is nothing to choose.
  const defaults = (): Values => ({ name: "", shopIds: shops.length === 1 ? [shops[0]!.id] : [] });
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: defaults() });
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const { errors } = form.formState;
  const msg = (key?: string) =>
    key ? t(key.includes(".") ? key : `validation.${key}`) : undefined;

  const close = (next: boolean) => {
    if (!next) form.reset(defaults());
    onOpenChange(next);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = await create.mutateAsync(values);
      form.reset(defaults());
      onOpenChange(false);
      onCreated(result);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      for (const [field, key] of Object.entries(fields)) {
        if (field === "name" || field === "shopIds") form.setError(field, { message: key });
      }
      if (Object.keys(fields).length === 0) toast.error(describeError(t, error));
    }
  });

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={t("apiKeys.create.title")}
      description={t("apiKeys.create.description")}
      closeLabel={t("common.close")}
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="api-key-name">{t("apiKeys.create.name")}</Label>
          <Input
            id="api-key-name"
            autoComplete="off"
            maxLength={80}
            placeholder={t("apiKeys.create.namePlaceholder")}
            aria-invalid={!!errors.name}
            aria-describedby="api-key-name-hint"
            {...form.register("name")}
          />
          <p id="api-key-name-hint" className="text-xs text-slate-500">
            {t("apiKeys.create.nameHint")}
          </p>
          <FieldError>{msg(errors.name?.message)}</FieldError>
        </div>
        <Controller
          control={form.control}
          name="shopIds"
          render={({ field }) => {
            const selected = new Set(field.value);
            const toggle = (id: string, on: boolean) => {
              const next = new Set(selected);
              if (on) next.add(id);
              else next.delete(id);
              // Keep the list order, so the request reads the same however it was ticked.
              field.onChange(shops.filter((s) => next.has(s.id)).map((s) => s.id));
            };
            return (
              <div
                role="group"
                className="flex flex-col gap-1"
                aria-labelledby="api-key-shops-label"
                aria-describedby="api-key-shops-hint"
              >
                <div className="flex items-center justify-between gap-2">
                  <span id="api-key-shops-label" className="text-xs font-medium text-slate-700">
                    {t("apiKeys.create.shops")}
                  </span>
                  {shops.length > 1 ? (
                    <div className="flex items-center gap-2 text-xs">
                      <span className="text-slate-500">
                        {t("apiKeys.create.selected", { count: selected.size })}
                      </span>
                      <button
                        type="button"
                        className="text-blue-700 hover:underline"
                        onClick={() => field.onChange(shops.map((s) => s.id))}
                      >
                        {t("apiKeys.create.selectAll")}
                      </button>
                      <button
                        type="button"
                        className="text-blue-700 hover:underline disabled:text-slate-400 disabled:no-underline"
                        disabled={selected.size === 0}
                        onClick={() => field.onChange([])}
                      >
                        {t("apiKeys.create.clear")}
                      </button>
                    </div>
                  ) : null}
                </div>
                {shops.length === 0 ? (
                  <p className="rounded-md border border-dashed border-slate-300 p-3 text-xs text-slate-600">
                    {t("apiKeys.create.noShops")}
                  </p>
                ) : (
                  <div
                    className={cn(
                      "max-h-52 overflow-y-auto rounded-md border border-slate-300 bg-white py-1",
                      errors.shopIds && "border-red-500",
                    )}
                  >
                    {shops.map((s) => (
                      <label
                        key={s.id}
                        className="flex cursor-pointer items-center gap-2 px-2.5 py-1 text-sm hover:bg-slate-50"
                      >
                        <input
                          type="checkbox"
                          className="size-4 accent-blue-600"
                          checked={selected.has(s.id)}
                          onChange={(e) => toggle(s.id, e.target.checked)}
                          onBlur={field.onBlur}
                        />
                        <span className="min-w-0 flex-1 truncate">{s.name}</span>
                        {!s.active ? (
                          <Badge tone="neutral">{t("apiKeys.create.inactive")}</Badge>
                        ) : null}
                        <span className="font-mono text-xs text-slate-500">{s.id}</span>
                      </label>
                    ))}
                  </div>
                )}
                <p id="api-key-shops-hint" className="text-xs text-slate-500">
                  {t("apiKeys.create.shopsHint")}
                </p>
                <FieldError>{msg(errors.shopIds?.message)}</FieldError>
              </div>
            );
          }}
        />
        <div className="mt-2 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => close(false)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={create.isPending || shops.length === 0}>
            {t("apiKeys.create.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
