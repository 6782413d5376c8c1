"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { OrderStatus, ParcelStatus } from "@/db/schema/orders";

type Tone = "neutral" | "blue" | "green" | "amber" | "red" | "violet";

/** One colour per status, everywhere: amber waits on us, blue is moving, green is done. */
const orderTone: Record<OrderStatus, Tone> = {
  PAID: "neutral",
  AWAITING_SHIPMENT: "amber",
  PACKED: "violet",
  LABELLED: "violet",
  SHIPPED: "blue",
  DELIVERED: "green",
  COMPLETED: "green",
  CANCELLED: "red",
};

const parcelTone: Record<ParcelStatus, Tone> = {
  AWAITING_PACK: "amber",
  PACKED: "violet",
  LABELLED: "violet",
  SHIPPED: "blue",
  DELIVERED: "green",
  CANCELLED: "red",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations("status.order");
  return (
    <Badge tone={orderTone[status]} data-status={status}>
      {t(status)}
    </Badge>
  );
}

export function ParcelStatusBadge({ status }: { status: ParcelStatus }) {
  const t = useTranslations("status.parcel");
  return (
    <Badge tone={parcelTone[status]} data-status={status}>
      {t(status)}
    </Badge>
  );
}
