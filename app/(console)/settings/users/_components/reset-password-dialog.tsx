"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";

export function ResetPasswordDialog({
  user,
  onClose,
  onReset,
}: {
  user: { id: string; name: string } | null;
  onClose: () => void;
  onReset: (name: string) => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const reset = useMutation(trpc.users.resetPassword.mutationOptions());

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!user) return;
    if (password.length < 8) return setError(t("validation.min8"));
    try {
      await reset.mutateAsync({ id: user.id, password });
      setPassword("");
      onClose();
      onReset(user.name);
    } catch (err) {
      toast.error(describeError(t, err));
    }
  }

  return (
    <Dialog
      open={!!user}
      onOpenChange={(open) => !open && onClose()}
      title={`${t("users.resetPassword")} · ${user?.name ?? ""}`}
      closeLabel={t("common.close")}
    >
      <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="reset-password">{t("users.newPassword")}</Label>
          <Input
            id="reset-password"
            type="password"
            autoComplete="new-password"
            value={password}
            aria-invalid={!!error}
            onChange={(e) => {
              setPassword(e.target.value);
              setError(undefined);
            }}
          />
          <FieldError>{error}</FieldError>
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={reset.isPending}>
            {t("common.save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
