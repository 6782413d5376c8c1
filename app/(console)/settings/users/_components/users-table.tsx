"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { KeyRound, UserPlus } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { CreateUserDialog } from "./create-user-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { roleOptions, type Role } from "./roles";

export function UsersTable({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: users } = useSuspenseQuery(trpc.users.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<{ id: string; name: string } | null>(null);

  const onDone = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries(trpc.users.pathFilter());
    void queryClient.invalidateQueries(trpc.audit.pathFilter());
  };
  const onError = (error: unknown) => toast.error(describeError(t, error));

  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: (u) => onDone(t("users.updated", { name: u.name })),
      onError,
    }),
  );
  const deactivate = useMutation(
    trpc.users.deactivate.mutationOptions({
      onSuccess: (u) => onDone(t("users.deactivated", { name: u.name })),
      onError,
    }),
  );
  const reactivate = useMutation(
    trpc.users.reactivate.mutationOptions({
      onSuccess: (u) => onDone(t("users.reactivated", { name: u.name })),
      onError,
    }),
  );

  return (
    <>
      <div className="mb-3 flex items-center justify-between">
        <p className="text-sm text-slate-600">{t("settings.usersHint")}</p>
        <Button onClick={() => setCreating(true)}>
          <UserPlus aria-hidden />
          {t("users.newUser")}
        </Button>
      </div>
      <Table>
        <thead>
          <tr>
            <Th>{t("users.name")}</Th>
            <Th>{t("users.email")}</Th>
            <Th>{t("users.role")}</Th>
            <Th>{t("users.status")}</Th>
            <Th>{t("users.createdAt")}</Th>
            <Th className="text-right">{t("common.actions")}</Th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid={`user-row-${u.email}`}>
              <Td className="font-medium">{u.name}</Td>
              <Td className="font-mono text-xs">{u.email}</Td>
              <Td>
                <NativeSelect
                  aria-label={`${t("users.changeRole")}: ${u.name}`}
                  value={u.role}
                  disabled={u.id === currentUserId || update.isPending}
                  onChange={(e) => update.mutate({ id: u.id, role: e.target.value as Role })}
                  className="h-7 text-xs"
                >
                  {roleOptions.map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </NativeSelect>
              </Td>
              <Td>
                <Badge tone={u.active ? "green" : "neutral"}>
                  {u.active ? t("users.active") : t("users.inactive")}
                </Badge>
              </Td>
              <Td className="text-xs text-slate-600">
                {format.dateTime(u.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </Td>
              <Td className="text-right whitespace-nowrap">
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => setResetting({ id: u.id, name: u.name })}
                >
                  <KeyRound aria-hidden />
                  {t("users.resetPassword")}
                </Button>
                {u.active ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    className="text-red-700"
                    disabled={u.id === currentUserId}
                    onClick={() => {
                      if (window.confirm(t("users.confirmDeactivate", { name: u.name })))
                        deactivate.mutate({ id: u.id });
                    }}
                  >
                    {t("users.deactivate")}
                  </Button>
                ) : (
                  <Button variant="ghost" size="sm" onClick={() => reactivate.mutate({ id: u.id })}>
                    {t("users.reactivate")}
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <CreateUserDialog
        open={creating}
        onOpenChange={setCreating}
        onCreated={(name) => onDone(t("users.created", { name }))}
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onReset={(name) => onDone(t("users.passwordReset", { name }))}
      />
    </>
  );
}
