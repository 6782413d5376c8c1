import {
  BookOpen,
  History,
  KeyRound,
  Receipt,
  Route,
  Store,
  Truck,
  Users,
  Warehouse,
} from "lucide-react";
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
      href: "/settings/shops",
      icon: Store,
      title: t("shops.title"),
      hint: t("shops.cardHint"),
      allowed: can(session.user.role, "settings.view"),
    },
    {
      href: "/settings/warehouses",
      icon: Warehouse,
      title: t("warehouses.title"),
      hint: t("warehouses.cardHint"),
      allowed: can(session.user.role, "settings.view"),
    },
    {
      href: "/settings/api-keys",
      icon: KeyRound,
      title: t("apiKeys.title"),
      hint: t("apiKeys.cardHint"),
      allowed: can(session.user.role, "apiKeys.manage"),
    },
    {
      href: "/settings/api-docs",
      icon: BookOpen,
      title: t("apiDocs.title"),
      hint: t("apiDocs.cardHint"),
      allowed: can(session.user.role, "settings.view"),
    },
    {
      href: "/settings/couriers",
      icon: Truck,
      title: t("settings.couriers"),
      hint: t("settings.couriersHint"),
      allowed: can(session.user.role, "couriers.view"),
    },
    {
      href: "/settings/freight",
      icon: Receipt,
      title: t("freight.settingsTitle"),
      hint: t("freight.cardHint"),
      allowed: can(session.user.role, "settings.view"),
    },
    {
      href: "/settings/assignment",
      icon: Route,
      title: t("assignment.title"),
      hint: t("assignment.cardHint"),
      allowed: can(session.user.role, "shops.manage"),
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
