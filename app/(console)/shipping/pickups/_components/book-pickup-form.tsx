"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { CalendarPlus } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { FieldError, Label, NativeSelect } from "@/components/ui/input";
import { BreakerBadge } from "../../_components/waybill-accounts";

/** Book a courier pickup: account (those that take bookings first), warehouse, window. */
export function BookPickupForm() {
  const t = useTranslations("waybills.pickups");
  const tAll = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: accounts } = useSuspenseQuery(trpc.waybills.accountsForIssuing.queryOptions());
  const { data: windows } = useSuspenseQuery(trpc.waybills.pickupWindows.queryOptions());
  const { data: warehouses } = useSuspenseQuery(trpc.shops.warehouses.queryOptions());
  const bookable = [...accounts].sort(
    (a, b) => Number(b.supportsPickup) - Number(a.supportsPickup),
  );
  const active = warehouses.filter((w) => w.active);
  const [accountId, setAccountId] = useState(bookable.find((a) => a.supportsPickup)?.id ?? "");
  const [warehouseId, setWarehouseId] = useState(active[0]?.id ?? "");
  const [windowIndex, setWindowIndex] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const account = accounts.find((a) => a.id === accountId);

  const book = useMutation(
    trpc.waybills.bookPickup.mutationOptions({
      onSuccess: (p) => {
        toast.success(t("booked", { window: windowText(p.windowStart, p.windowEnd) }));
        setError(undefined);
      },
      onError: (e) => setError(describeError(tAll, e)),
      // A refused booking is kept as "failed" in the list too.
      onSettled: () => void queryClient.invalidateQueries(trpc.waybills.pickups.pathFilter()),
    }),
  );

  function dayLabel(d: Date) {
    const key = (x: Date) =>
      format.dateTime(x, { year: "numeric", month: "2-digit", day: "2-digit" });
    const today = new Date();
    const tomorrow = new Date(today.getTime() + 24 * 3_600_000);
    if (key(d) === key(today)) return t("today");
    if (key(d) === key(tomorrow)) return t("tomorrow");
    return format.dateTime(d, { month: "2-digit", day: "2-digit" });
  }
  function windowText(start: Date, end: Date) {
    const hm = (d: Date) =>
      format.dateTime(d, { hour: "2-digit", minute: "2-digit", hour12: false });
    return `${dayLabel(start)} ${hm(start)}–${hm(end)}`;
  }

  const chosen = windows[windowIndex];
  return (
    <form
      className="grid gap-3 rounded-md border border-slate-200 bg-white p-4 md:grid-cols-[1fr_1fr_1fr_auto] md:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        if (!chosen || !accountId || !warehouseId) return;
        setError(undefined);
        book.mutate({ accountId, warehouseId, start: chosen.start, end: chosen.end });
      }}
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="pickup-account">{t("account")}</Label>
        <NativeSelect
          id="pickup-account"
          value={accountId}
          onChange={(e) => setAccountId(e.target.value)}
        >
          {bookable.map((a) => (
            <option key={a.id} value={a.id} disabled={!a.supportsPickup}>
              {a.name}
              {a.supportsPickup ? "" : ` ${t("noBooking")}`}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="pickup-warehouse">{t("warehouse")}</Label>
        <NativeSelect
          id="pickup-warehouse"
          value={warehouseId}
          onChange={(e) => setWarehouseId(e.target.value)}
        >
          {active.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="pickup-window">{t("window")}</Label>
        <NativeSelect
          id="pickup-window"
          value={windowIndex}
          onChange={(e) => setWindowIndex(Number(e.target.value))}
        >
          {windows.map((w, i) => (
            <option key={w.start.toISOString()} value={i}>
              {windowText(w.start, w.end)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" disabled={book.isPending || !account?.supportsPickup || !chosen}>
        <CalendarPlus aria-hidden />
        {t("submit")}
      </Button>
      <div className="flex flex-wrap items-center gap-2 md:col-span-4">
        <p className="text-[11px] text-slate-500">{t("windowHint")}</p>
        {account ? <BreakerBadge breaker={account.breaker} /> : null}
      </div>
      {error ? (
        <div className="md:col-span-4">
          <FieldError>{error}</FieldError>
        </div>
      ) : null}
    </form>
  );
}
