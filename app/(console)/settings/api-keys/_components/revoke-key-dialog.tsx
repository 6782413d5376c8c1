"use client";

import { useMutation } from "@tanstack/react-query";
import { Ban } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ApiKey } from "./types";

export function RevokeKeyDialog({
  apiKey,
  onClose,
  onRevoked,
}: {
  apiKey: ApiKey | null;
  onClose: () => void;
  onRevoked: (key: ApiKey) => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: (k) => {
        onClose();
        onRevoked(k);
      },
      onError: (error) => toast.error(describeError(t, error)),
    }),
  );

  return (
    <Dialog
      open={!!apiKey}
      onOpenChange={(open) => !open && onClose()}
      title={t("apiKeys.revokeDialog.title", { name: apiKey?.name ?? "" })}
      closeLabel={t("common.close")}
    >
      <div className="flex flex-col gap-3 text-sm text-slate-700">
        <p>{t("apiKeys.revokeDialog.body", { prefix: apiKey?.prefix ?? "" })}</p>
        <p className="text-xs text-slate-500">{t("apiKeys.revokeDialog.keep")}</p>
        <div className="mt-1 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose} autoFocus>
            {t("common.cancel")}
          </Button>
          <Button
            type="button"
            variant="danger"
            disabled={revoke.isPending}
            onClick={() => apiKey && revoke.mutate({ id: apiKey.id })}
          >
            <Ban aria-hidden />
            {t("apiKeys.revokeDialog.confirm")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
