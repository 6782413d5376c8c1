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

/**
 * Cancels a parcel's waybill at the courier (reason required, as it is audited). Refused by the
 * courier once collected: the dialog then says so and stays open.
 */
export function CancelWaybillDialog({
  parcel,
  onClose,
  onCancelled,
}: {
  parcel: { id: number; trackingNo: string | null };
  onClose: () => void;
  onCancelled: () => void;
}) {
  const t = useTranslations("waybills.cancel");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const presets = t("presets").split("|");
  const cancel = useMutation(
    trpc.waybills.cancel.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("done", { trackingNo: r.trackingNo, id: `P${r.parcelId}` }));
        onCancelled();
      },
      onError: (e) => setError(describeError(tAll, e)),
    }),
  );

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("title", { id: `P${parcel.id}` })}
      description={t("description", { trackingNo: parcel.trackingNo ?? "—" })}
      closeLabel={tAll("common.close")}
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setError(t("reasonRequired"));
            return;
          }
          setError(undefined);
          cancel.mutate({ parcelId: parcel.id, reason: reason.trim() });
        }}
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="cancel-waybill-reason">{t("reason")}</Label>
          <Input
            id="cancel-waybill-reason"
            autoFocus
            maxLength={200}
            value={reason}
            placeholder={t("reasonPlaceholder")}
            aria-invalid={Boolean(error)}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="flex flex-wrap gap-1.5 pt-1">
            {presets.map((p) => (
              <button
                key={p}
                type="button"
                className="rounded border border-slate-200 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50"
                onClick={() => setReason(p)}
              >
                {p}
              </button>
            ))}
          </div>
          <FieldError>{error}</FieldError>
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {tAll("common.cancel")}
          </Button>
          <Button type="submit" variant="danger" disabled={cancel.isPending}>
            {t("confirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
