"use client";

import { useMutation } from "@tanstack/react-query";
import { LogOut, MonitorX, UserRound } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { authClient } from "@/components/auth/auth-client";
import { useTRPC } from "@/components/trpc/client";

const item =
  "flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100";

export function UserMenu({ name, role }: { name: string; role: string }) {
  const t = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const everywhere = useMutation(trpc.me.signOutEverywhere.mutationOptions());

  function toSignIn() {
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex items-center gap-2 rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
        aria-label={t("auth.account")}
      >
        <UserRound className="size-4" aria-hidden />
        <span className="font-medium">{name}</span>
        <span className="text-xs text-slate-500">{t(`roles.${role}`)}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-50 min-w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Item
            className={item}
            onSelect={() => {
              void authClient.signOut().then(toSignIn);
            }}
          >
            <LogOut className="size-4" aria-hidden />
            {t("auth.signOut")}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className={item}
            onSelect={() => {
              void everywhere.mutateAsync().then(() => {
                toast.success(t("auth.signedOutEverywhere"));
                toSignIn();
              });
            }}
          >
            <MonitorX className="size-4" aria-hidden />
            {t("auth.signOutEverywhere")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
