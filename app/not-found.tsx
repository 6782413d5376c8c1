import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="text-center">
        <p className="text-xs font-semibold tracking-wider text-slate-500">404</p>
        <h1 className="mt-1 text-lg font-semibold">{t("title")}</h1>
        <Link
          href="/dashboard"
          className="mt-4 inline-block text-sm font-medium text-blue-700 hover:underline"
        >
          {t("back")}
        </Link>
      </div>
    </main>
  );
}
