import { Package } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { Sidebar } from "@/components/layout/sidebar";
import { UserMenu } from "@/components/layout/user-menu";
import { currentSession } from "@/server/auth/current";
import { sectionsFor } from "@/server/auth/permissions";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const t = await getTranslations("app");
  const sections = sectionsFor(session.user.role).map(({ key, href }) => ({ key, href }));
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-52 shrink-0 flex-col bg-slate-900">
        <Link
          href="/dashboard"
          className="flex h-12 items-center gap-2 border-b border-slate-800 px-4 text-white"
        >
          <Package className="size-5 text-blue-400" aria-hidden />
          <span className="text-sm font-semibold">{t("name")}</span>
        </Link>
        <Sidebar sections={sections} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 items-center justify-end gap-3 border-b border-slate-200 bg-white px-4">
          <LanguageSwitch signedIn />
          <UserMenu name={session.user.name} role={session.user.role} />
        </header>
        <main className="flex-1 p-5">{children}</main>
      </div>
    </div>
  );
}
