"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeftRight, ChevronDown, LoaderCircle, Route } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { AssignmentExplanation } from "@/components/assignment/assignment-explanation";
import { useTRPC } from "@/components/trpc/client";
import { describeError } from "@/components/trpc/errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { OverrideDialog } from "./override-dialog";

/**
 * The courier assignment of each parcel of the order, with its explanation, and the actions to
 * (re)assign or override. Roles that may not see shipping (customer service) get nothing here:
 * the query is forbidden for them, and the section stays out of their way.
 */
export function ParcelAssignments({ orderId }: { orderId: number }) {
  const t = useTranslations("assignment.parcel");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery({
    ...trpc.assignment.forOrder.queryOptions({ orderId }),
    retry: false,
  });
  const [overriding, setOverriding] = useState<number | null>(null);
  const assign = useMutation(
    trpc.assignment.assign.mutationOptions({
      onSuccess: () => {
        toast.success(t("assigned"));
        void queryClient.invalidateQueries(trpc.assignment.pathFilter());
      },
      onError: (e) => toast.error(describeError(tAll, e)),
    }),
  );
  if (!data || data.parcels.length === 0) return null;

  return (
    <div className="mt-3 space-y-3" data-testid="parcel-assignments">
      {data.parcels.map((p) => (
        <section
          key={p.parcelId}
          aria-label={t("label", { parcel: `P${p.parcelId}` })}
          className="rounded-md border border-slate-200 bg-slate-50/60 p-3"
        >
          <div className="flex flex-wrap items-center gap-2">
            <Route className="size-4 text-slate-500" aria-hidden />
            <h3 className="text-sm font-semibold text-slate-800">
              {t("title", { parcel: `P${p.parcelId}` })}
            </h3>
            {p.account ? (
              <Badge tone="blue">
                {p.account.name} · {p.account.courier.toUpperCase()}
              </Badge>
            ) : (
              <Badge tone="amber">{t("unassigned")}</Badge>
            )}
            {p.overrideReason ? (
              <Badge tone="violet" title={p.overrideReason}>
                {t("overridden", { reason: p.overrideReason })}
              </Badge>
            ) : null}
            {data.canAssign && !p.trackingNo ? (
              <span className="ml-auto flex gap-1.5">
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={assign.isPending}
                  onClick={() => assign.mutate({ parcelIds: [p.parcelId] })}
                >
                  {assign.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
                  {p.assignment ? t("reassign") : t("assign")}
                </Button>
                <Button size="sm" variant="secondary" onClick={() => setOverriding(p.parcelId)}>
                  <ArrowLeftRight aria-hidden />
                  {t("override")}
                </Button>
              </span>
            ) : null}
          </div>
          {p.assignment ? (
            <Details overridden={!!p.overrideReason}>
              <AssignmentExplanation assignment={p.assignment} className="mt-2" />
            </Details>
          ) : (
            <p className="mt-1 text-xs text-slate-500">{t("notYet")}</p>
          )}
          {overriding === p.parcelId ? (
            <OverrideDialog
              parcelId={p.parcelId}
              currentAccountId={p.account?.id ?? null}
              accounts={data.accounts}
              open
              onOpenChange={(o) => setOverriding(o ? p.parcelId : null)}
            />
          ) : null}
        </section>
      ))}
    </div>
  );
}

/** Open by default: the reason is the point. After an override, the engine's view is history. */
function Details({ overridden, children }: { overridden: boolean; children: React.ReactNode }) {
  const t = useTranslations("assignment.parcel");
  return (
    <details open={!overridden} className="group mt-1">
      <summary className="flex cursor-pointer list-none items-center gap-1 text-xs text-slate-600 select-none hover:text-slate-900">
        <ChevronDown className="size-3.5 transition-transform group-open:rotate-180" aria-hidden />
        {overridden ? t("engineView") : t("why")}
      </summary>
      {children}
    </details>
  );
}
