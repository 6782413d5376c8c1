"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { describeError, fieldErrorsOf } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label, NativeSelect } from "@/components/ui/input";
import { roleOptions } from "./roles";

const schema = z.object({
  name: z.string().trim().min(1, "required").max(80),
  email: z.email("email"),
  role: z.enum(["admin", "manager", "warehouse", "cs"]),
  password: z.string().min(8, "min8").max(128, "max128"),
});
type Values = z.infer<typeof schema>;

export function CreateUserDialog({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (name: string) => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: "", email: "", role: "warehouse", password: "" },
  });
  const create = useMutation(trpc.users.create.mutationOptions());
  const { errors } = form.formState;
  const msg = (key?: string) =>
    key ? t(key.includes(".") ? key : `validation.${key}`) : undefined;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const user = await create.mutateAsync(values);
      form.reset();
      onOpenChange(false);
      onCreated(user.name);
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
      open={open}
      onOpenChange={onOpenChange}
      title={t("users.newUser")}
      closeLabel={t("common.close")}
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-name">{t("users.name")}</Label>
          <Input id="new-name" aria-invalid={!!errors.name} {...form.register("name")} />
          <FieldError>{msg(errors.name?.message)}</FieldError>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-email">{t("users.email")}</Label>
          <Input
            id="new-email"
            type="email"
            aria-invalid={!!errors.email}
            {...form.register("email")}
          />
          <FieldError>{msg(errors.email?.message)}</FieldError>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-role">{t("users.role")}</Label>
          <NativeSelect id="new-role" {...form.register("role")}>
            {roleOptions.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-password">{t("users.initialPassword")}</Label>
          <Input
            id="new-password"
            type="password"
            autoComplete="new-password"
            aria-invalid={!!errors.password}
            {...form.register("password")}
          />
          <FieldError>{msg(errors.password?.message)}</FieldError>
        </div>
        <div className="mt-2 flex justify-end gap-2">
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
