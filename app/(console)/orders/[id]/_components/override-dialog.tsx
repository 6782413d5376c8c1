"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/client";
import { describeError, fieldErrorsOf } from "@/components/trpc/errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label, NativeSelect } from "@/components/ui/input";

type Account = { id: string; name: string; courier: string };

/** 改派: a person picks the courier account; the reason is required and lands in the audit log. */
export function OverrideDialog({
  parcelId,
  currentAccountId,
  accounts,
  open,
  onOpenChange,
}: {
  parcelId: number;
  currentAccountId: string | null;
  accounts: Account[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useTranslations("assignment.override");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [accountId, setAccountId] = useState(
    accounts.find((a) => a.id !== currentAccountId)?.id ?? "",
  );
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const override = useMutation(
    trpc.assignment.override.mutationOptions({
      onSuccess: () => {
        toast.success(t("done", { parcel: `P${parcelId}` }));
        void queryClient.invalidateQueries(trpc.assignment.pathFilter());
        void queryClient.invalidateQueries(trpc.orders.pathFilter());
        onOpenChange(false);
        setReason("");
      },
      onError: (e) => {
        const fields = fieldErrorsOf(e);
        if (Object.keys(fields).length > 0) {
          setErrors(
            Object.fromEntries(
              Object.entries(fields).map(([k, v]) => [k, tAll.has(v) ? tAll(v) : v]),
            ),
          );
        } else toast.error(describeError(tAll, e));
      },
    }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = reason.trim();
    const next: Record<string, string> = {};
    if (!accountId) next.accountId = t("accountRequired");
    if (!r) next.reason = t("reasonRequired");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    override.mutate({ parcelId, accountId, reason: r });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!override.isPending) onOpenChange(o);
      }}
      title={t("title", { parcel: `P${parcelId}` })}
      description={t("description")}
      closeLabel={tAll("common.close")}
    >
      <form onSubmit={submit} noValidate className="space-y-3">
        <div className="space-y-1">
          <Label htmlFor={`override-account-${parcelId}`}>{t("account")}</Label>
          <NativeSelect
            id={`override-account-${parcelId}`}
            value={accountId}
            onChange={(e) => setAccountId(e.target.value)}
            aria-invalid={errors.accountId ? true : undefined}
          >
            <option value="">{t("pick")}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.courier.toUpperCase()})
                {a.id === currentAccountId ? ` · ${t("current")}` : ""}
              </option>
            ))}
          </NativeSelect>
          <FieldError>{errors.accountId}</FieldError>
        </div>
        <div className="space-y-1">
          <Label htmlFor={`override-reason-${parcelId}`}>
            {t("reason")} <span className="text-red-600">*</span>
          </Label>
          <Input
            id={`override-reason-${parcelId}`}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (errors.reason) setErrors((x) => ({ ...x, reason: "" }));
            }}
            placeholder={t("reasonPlaceholder")}
            maxLength={500}
            required
            autoFocus
            autoComplete="off"
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? `override-reason-error-${parcelId}` : undefined}
          />
          <FieldError id={`override-reason-error-${parcelId}`}>{errors.reason}</FieldError>
        </div>
        <div className="flex justify-end gap-2 pt-1">
          <Button
            type="button"
            variant="secondary"
            disabled={override.isPending}
            onClick={() => onOpenChange(false)}
          >
            {tAll("common.cancel")}
          </Button>
          <Button type="submit" disabled={override.isPending}>
            {override.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
            {t("confirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
