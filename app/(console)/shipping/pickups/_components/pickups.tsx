"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Truck, XCircle } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { EmptyState } from "@/components/layout/empty-state";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { BookPickupForm } from "./book-pickup-form";

const tone = { booked: "green", cancelled: "neutral", failed: "red" } as const;

/** Pickup bookings: book one (managers of shipping), see what is booked, call one off. */
export function Pickups({ canManage }: { canManage: boolean }) {
  const t = useTranslations("waybills.pickups");
  const tAll = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: rows } = useSuspenseQuery(trpc.waybills.pickups.queryOptions({}));
  const cancel = useMutation(
    trpc.waybills.cancelPickup.mutationOptions({
      onSuccess: () => {
        toast.success(t("cancelled"));
        void queryClient.invalidateQueries(trpc.waybills.pickups.pathFilter());
      },
      onError: (e) => toast.error(describeError(tAll, e)),
    }),
  );
  const when = (d: Date) =>
    format.dateTime(d, {
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    });
  const hm = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", hour12: false });

  return (
    <div className="space-y-4">
      {canManage ? <BookPickupForm /> : null}
      {rows.length === 0 ? (
        <EmptyState icon={Truck} title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("table.window")}</Th>
              <Th>{t("table.account")}</Th>
              <Th>{t("table.warehouse")}</Th>
              <Th className="text-right">{t("table.parcels")}</Th>
              <Th>{t("table.status")}</Th>
              <Th>{t("table.bookedAt")}</Th>
              {canManage ? <Th className="text-right">{tAll("common.actions")}</Th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} data-testid={`pickup-${p.id}`}>
                <Td className="whitespace-nowrap tabular-nums">
                  {when(p.windowStart)}–{hm(p.windowEnd)}
                </Td>
                <Td className="text-sm">{p.accountName}</Td>
                <Td className="text-sm">{p.warehouseName}</Td>
                <Td className="text-right tabular-nums">
                  {t("parcelCount", { n: p.parcelCount, kg: Math.round(p.weightG / 100) / 10 })}
                </Td>
                <Td>
                  <Badge tone={tone[p.status]}>{t(`statuses.${p.status}`)}</Badge>
                  {p.error ? (
                    <div className="mt-0.5 max-w-xs text-xs break-words text-red-700">
                      {p.error}
                    </div>
                  ) : null}
                  {p.courierPickupId ? (
                    <div className="font-mono text-[11px] text-slate-500">{p.courierPickupId}</div>
                  ) : null}
                </Td>
                <Td className="text-xs whitespace-nowrap text-slate-600">{when(p.createdAt)}</Td>
                {canManage ? (
                  <Td className="text-right">
                    {p.status === "booked" ? (
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-red-700"
                        disabled={cancel.isPending}
                        onClick={() => cancel.mutate({ pickupId: p.id })}
                      >
                        <XCircle aria-hidden />
                        {t("cancel")}
                      </Button>
                    ) : null}
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
