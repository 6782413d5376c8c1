"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { sectionIcons, type SectionKey } from "./nav-icons";

export function Sidebar({ sections }: { sections: { key: SectionKey; href: string }[] }) {
  const t = useTranslations();
  const pathname = usePathname();
  return (
    <nav aria-label={t("nav.main")} className="flex flex-col gap-0.5 p-2">
      {sections.map(({ key, href }) => {
        const Icon = sectionIcons[key];
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={key}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-slate-300 hover:bg-slate-800 hover:text-white",
              active && "bg-slate-800 font-medium text-white",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {t(`nav.${key}`)}
          </Link>
        );
      })}
    </nav>
  );
}
