"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { Eye, EyeOff, LoaderCircle, ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { AppRouter } from "@/server/trpc/routers/_app";
import { Block, Card, type OrderGraph } from "./parts";

type Revealed = inferRouterOutputs<AppRouter>["orders"]["reveal"];

/** The recipient, masked; staff allowed to may reveal it in full, which the server audits. */
export function RecipientCard({ order, canReveal }: { order: OrderGraph; canReveal: boolean }) {
  const t = useTranslations("orders.recipient");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const reveal = useMutation(
    trpc.orders.reveal.mutationOptions({
      onSuccess: (data) => {
        setRevealed(data);
        // The reveal is now in the audit trail shown on this page.
        void queryClient.invalidateQueries(trpc.orders.byId.queryFilter({ id: order.id }));
      },
      onError: (error) => toast.error(describeError(tAll, error)),
    }),
  );

  const shown = revealed ?? order;
  const ext = revealed ? revealed.recipientMobileExt : order.recipientMobileExt;

  return (
    <Block
      id="order-recipient"
      title={t("title")}
      aside={
        revealed ? (
          <Badge tone="amber">{t("revealed")}</Badge>
        ) : (
          <Badge>
            <ShieldCheck className="mr-1 size-3" aria-hidden />
            {t("masked")}
          </Badge>
        )
      }
    >
      <Card>
        <dl
          className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm"
          data-testid="recipient"
          aria-live="polite"
        >
          <dt className="text-xs leading-5 text-slate-500">{t("name")}</dt>
          <dd className="text-slate-900">{shown.recipientName}</dd>
          <dt className="text-xs leading-5 text-slate-500">{t("mobile")}</dt>
          <dd className="font-mono text-slate-900">
            {shown.recipientMobile}
            {ext ? (
              <span className="ml-2 text-xs text-slate-600">
                {t("ext")} {ext}
              </span>
            ) : null}
          </dd>
          <dt className="text-xs leading-5 text-slate-500">{t("region")}</dt>
          <dd className="text-slate-900">{order.regionText}</dd>
          <dt className="text-xs leading-5 text-slate-500">{t("address")}</dt>
          <dd className="break-all text-slate-900">{shown.addressDetail}</dd>
        </dl>
        <div className="mt-3 border-t border-slate-100 pt-2.5">
          {!canReveal ? (
            <p className="text-xs text-slate-500">{t("noRevealPermission")}</p>
          ) : revealed ? (
            <Button variant="ghost" size="sm" onClick={() => setRevealed(null)}>
              <EyeOff aria-hidden />
              {t("hide")}
            </Button>
          ) : (
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Button
                variant="secondary"
                size="sm"
                disabled={reveal.isPending}
                aria-describedby="reveal-hint"
                onClick={() => reveal.mutate({ id: order.id })}
              >
                {reveal.isPending ? (
                  <LoaderCircle className="animate-spin" aria-hidden />
                ) : (
                  <Eye aria-hidden />
                )}
                {t("reveal")}
              </Button>
              <p id="reveal-hint" className="text-xs text-slate-500">
                {t("revealHint")}
              </p>
            </div>
          )}
        </div>
      </Card>
    </Block>
  );
}
