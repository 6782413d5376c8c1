"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";

/** Asks for the reason of a hold or a cancellation, with the usual ones one click away. */
export function ReasonDialog({
  mode,
  open,
  onOpenChange,
  parcelCount,
  orderCount,
  pending,
  error,
  onSubmit,
}: {
  mode: "hold" | "cancel";
  open: boolean;
  onOpenChange: (open: boolean) => void;
  parcelCount: number;
  orderCount: number;
  pending: boolean;
  error?: string;
  onSubmit: (reason: string) => void;
}) {
  const t = useTranslations("shipping.reason");
  const tc = useTranslations("common");
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const presets = t(mode === "hold" ? "holdPresets" : "cancelPresets").split("|");

  const close = (next: boolean) => {
    if (!next) {
      setReason("");
      setMissing(false);
    }
    onOpenChange(next);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={mode === "hold" ? t("holdTitle") : t("cancelTitle")}
      description={
        mode === "hold"
          ? t("holdDescription", { parcels: parcelCount })
          : t("cancelDescription", { parcels: parcelCount, orders: orderCount })
      }
      closeLabel={tc("close")}
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setMissing(true);
            return;
          }
          onSubmit(reason.trim());
        }}
      >
        <div className="space-y-1">
          <Label htmlFor="shipping-reason">{t("label")}</Label>
          <Input
            id="shipping-reason"
            autoFocus
            maxLength={200}
            value={reason}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? "shipping-reason-error" : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
          <FieldError id="shipping-reason-error">{missing ? t("required") : undefined}</FieldError>
        </div>
        <div className="flex flex-wrap gap-1.5" aria-label={t("presets")} role="group">
          {presets.map((p) => (
            <button
              key={p}
              type="button"
              className="rounded border border-slate-200 bg-slate-50 px-2 py-0.5 text-xs text-slate-700 hover:border-slate-300 hover:bg-slate-100"
              onClick={() => {
                setReason(p);
                setMissing(false);
              }}
            >
              {p}
            </button>
          ))}
        </div>
        {mode === "cancel" ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-800">
            {t("cancelWarning")}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2 pt-1">
          <Button type="button" variant="secondary" onClick={() => close(false)}>
            {mode === "cancel" ? t("back") : tc("cancel")}
          </Button>
          <Button
            type="submit"
            variant={mode === "cancel" ? "danger" : "primary"}
            disabled={pending}
          >
            {mode === "hold" ? t("holdSubmit") : t("cancelSubmit", { orders: orderCount })}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
