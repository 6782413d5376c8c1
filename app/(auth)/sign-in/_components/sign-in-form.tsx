"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { authClient } from "@/components/auth/auth-client";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";

const schema = z.object({
  email: z.email("email"),
  password: z.string().min(1, "required"),
});
type Values = z.infer<typeof schema>;

export function SignInForm() {
  const t = useTranslations();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const { error } = await authClient.signIn.email(values, {
      onError: (ctx) => {
        if (ctx.response.status === 429) {
          const seconds = Number(
            ctx.response.headers.get("x-retry-after") ??
              ctx.response.headers.get("retry-after") ??
              60,
          );
          setFormError(t("auth.rateLimited", { seconds }));
        }
      },
    });
    if (!error) {
      router.replace("/dashboard");
      router.refresh();
      return;
    }
    if (error.status === 429) return;
    setFormError(
      error.message === "ACCOUNT_DEACTIVATED"
        ? t("auth.deactivated")
        : t("auth.invalidCredentials"),
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <Label htmlFor="email">{t("auth.email")}</Label>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          autoFocus
          aria-invalid={!!errors.email}
          {...form.register("email")}
        />
        <FieldError>
          {errors.email?.message ? t(`validation.${errors.email.message}`) : undefined}
        </FieldError>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="password">{t("auth.password")}</Label>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!errors.password}
          {...form.register("password")}
        />
        <FieldError>
          {errors.password?.message ? t(`validation.${errors.password.message}`) : undefined}
        </FieldError>
      </div>
      {formError ? (
        <p
          role="alert"
          className="rounded border border-red-200 bg-red-50 px-2 py-1.5 text-sm text-red-700"
        >
          {formError}
        </p>
      ) : null}
      <Button type="submit" size="lg" disabled={isSubmitting}>
        {isSubmitting ? t("auth.signingIn") : t("auth.signIn")}
      </Button>
    </form>
  );
}
