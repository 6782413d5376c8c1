import { ShieldX } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
        <ShieldX className="mx-auto mb-3 size-10 text-red-500" aria-hidden />
        <p className="text-xs font-semibold tracking-wider text-red-600">403</p>
        <h1 className="mt-1 text-lg font-semibold">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
        <Link
          href="/dashboard"
          className="mt-5 inline-block text-sm font-medium text-blue-700 hover:underline"
        >
          {t("back")}
        </Link>
      </div>
    </main>
  );
}
