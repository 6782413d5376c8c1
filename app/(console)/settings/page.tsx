import { History, Truck, Users } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/empty-state";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";

export default async function SettingsPage() {
  const session = await requirePermission("settings.view");
  const t = await getTranslations();
  const links = [
    {
      href: "/settings/users",
      icon: Users,
      title: t("settings.users"),
      hint: t("settings.usersHint"),
      allowed: can(session.user.role, "users.manage"),
    },
    {
      href: "/settings/couriers",
      icon: Truck,
      title: t("settings.couriers"),
      hint: t("settings.couriersHint"),
      allowed: can(session.user.role, "couriers.view"),
    },
    {
      href: "/settings/audit",
      icon: History,
      title: t("settings.audit"),
      hint: t("settings.auditHint"),
      allowed: can(session.user.role, "audit.view"),
    },
  ].filter((l) => l.allowed);
  return (
    <>
      <PageHeader title={t("sections.settings.title")} />
      <p className="mb-4 text-sm text-slate-600">{t("sections.settings.empty")}</p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {links.map(({ href, icon: Icon, title, hint }) => (
          <Link
            key={href}
            href={href}
            className="rounded-lg border border-slate-200 bg-white p-4 hover:border-blue-400"
          >
            <div className="flex items-center gap-2 text-sm font-semibold">
              <Icon className="size-4 text-blue-600" aria-hidden />
              {title}
            </div>
            <p className="mt-1 text-xs text-slate-600">{hint}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
