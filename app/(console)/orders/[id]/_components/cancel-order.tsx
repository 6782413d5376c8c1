"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Ban, LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { describeError, fieldErrorsOf } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { OrderStatus } from "@/db/schema/orders";

/** Statuses past the point of no return: the parcel has left, or the order is closed. */
const blockedStatuses = ["SHIPPED", "DELIVERED", "COMPLETED", "CANCELLED"] as const;
type Blocked = (typeof blockedStatuses)[number];
const isBlocked = (s: OrderStatus): s is Blocked =>
  (blockedStatuses as readonly string[]).includes(s);

const presets = ["refund", "outOfStock", "duplicate", "undeliverable"] as const;

export function CancelOrder({ id, no, status }: { id: number; no: string; status: OrderStatus }) {
  const t = useTranslations("orders.cancel");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();

  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.changed ? t("done", { no }) : t("alreadyCancelled", { no }));
        setOpen(false);
        setReason("");
        void queryClient.invalidateQueries(trpc.orders.pathFilter());
        void queryClient.invalidateQueries(trpc.shipping.pathFilter());
      },
      onError: (e) => {
        const field = fieldErrorsOf(e).reason;
        if (field) setError(tAll.has(field) ? tAll(field) : field);
        else toast.error(describeError(tAll, e));
      },
    }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = reason.trim();
    if (!r) {
      setError(t("reasonRequired"));
      return;
    }
    setError(undefined);
    cancel.mutate({ id, reason: r });
  };

  const blocked = isBlocked(status) ? t(`blocked.${status}`) : null;

  return (
    <div className="flex max-w-72 flex-col items-end gap-1">
      <Button
        variant="secondary"
        className="text-red-700 hover:bg-red-50"
        disabled={blocked != null}
        aria-describedby={blocked ? "cancel-blocked" : undefined}
        onClick={() => {
          setError(undefined);
          setOpen(true);
        }}
      >
        <Ban aria-hidden />
        {t("button")}
      </Button>
      {blocked ? (
        <p id="cancel-blocked" className="text-right text-xs text-slate-500">
          {blocked}
        </p>
      ) : null}
      <Dialog
        open={open}
        onOpenChange={(o) => {
          if (!cancel.isPending) setOpen(o);
        }}
        title={t("title", { no })}
        description={t("description")}
        closeLabel={tAll("common.close")}
      >
        <form onSubmit={submit} noValidate className="space-y-3">
          <div className="space-y-1">
            <Label htmlFor="cancel-reason">
              {t("reason")} <span className="text-red-600">*</span>
            </Label>
            <Input
              id="cancel-reason"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (error) setError(undefined);
              }}
              placeholder={t("reasonPlaceholder")}
              maxLength={200}
              required
              autoFocus
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "cancel-reason-error" : undefined}
            />
            <FieldError id="cancel-reason-error">{error}</FieldError>
            <div className="flex flex-wrap gap-1 pt-1">
              {presets.map((p) => (
                <button
                  key={p}
                  type="button"
                  onClick={() => {
                    setReason(t(`presets.${p}`));
                    setError(undefined);
                  }}
                  className="rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
                >
                  {t(`presets.${p}`)}
                </button>
              ))}
            </div>
          </div>
          <div className="flex justify-end gap-2 pt-1">
            <Button
              type="button"
              variant="secondary"
              disabled={cancel.isPending}
              onClick={() => setOpen(false)}
            >
              {t("keep")}
            </Button>
            <Button type="submit" variant="danger" disabled={cancel.isPending}>
              {cancel.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
              {t("confirm")}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
