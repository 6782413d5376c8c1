"use client";

import { useMutation } from "@tanstack/react-query";
import { Languages } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { locales, LOCALE_COOKIE, type Locale } from "@/components/i18n/config";
import { useTRPC } from "@/components/trpc/client";
import { NativeSelect } from "@/components/ui/input";

function rememberInCookie(locale: Locale) {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
}

/** Signed in: the choice is saved on the user, so it follows them to any device. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(trpc.me.setLocale.mutationOptions());

  async function change(next: Locale) {
    rememberInCookie(next);
    if (signedIn) await save.mutateAsync({ locale: next });
    router.refresh();
  }

  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-600">
      <Languages className="size-4" aria-hidden />
      <span className="sr-only">{t("label")}</span>
      <NativeSelect
        aria-label={t("label")}
        value={locale}
        disabled={save.isPending}
        onChange={(e) => void change(e.target.value as Locale)}
        className="h-7 text-xs"
      >
        {locales.map((l) => (
          <option key={l} value={l}>
            {t(l)}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}
