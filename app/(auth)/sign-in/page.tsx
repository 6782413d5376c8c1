import { Package } from "lucide-react";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { demoMode } from "@/server/env";
import { currentSession } from "@/server/auth/current";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage() {
  if (await currentSession()) redirect("/dashboard");
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div className="mb-5 flex items-center gap-2">
          <Package className="size-6 text-blue-600" aria-hidden />
          <div>
            <p className="text-sm font-semibold">{t("app.name")}</p>
            <p className="text-xs text-slate-500">{t("app.tagline")}</p>
          </div>
        </div>
        <h1 className="text-base font-semibold">{t("auth.signInTitle")}</h1>
        <p className="mb-4 text-xs text-slate-500">{t("auth.signInHint")}</p>
        <SignInForm />
        {demoMode ? (
          <p className="mt-4 rounded bg-amber-50 p-2 text-xs text-amber-900">
            {t("auth.demoHint")}
          </p>
        ) : null}
      </div>
      <LanguageSwitch signedIn={false} />
    </main>
  );
}
