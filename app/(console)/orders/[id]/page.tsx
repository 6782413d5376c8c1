import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { OrderDetail } from "./_components/order-detail";

type Props = { params: Promise<{ id: string }> };

function parseId(raw: string): number | null {
  if (!/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
}

/** The order, or a 404 for ids that are malformed or unknown. */
async function loadOrder(raw: string) {
  const id = parseId(raw);
  if (id == null) notFound();
  try {
    const order = await getQueryClient().fetchQuery(trpc.orders.byId.queryOptions({ id }));
    return { id, order };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations("orders");
  const id = parseId((await params).id);
  if (id == null) return { title: t("title") };
  try {
    const order = await getQueryClient().fetchQuery(trpc.orders.byId.queryOptions({ id }));
    return { title: t("detail.heading", { no: order.platformOrderNo }) };
  } catch {
    return { title: t("title") };
  }
}

export default async function OrderPage({ params }: Props) {
  const session = await requirePermission("orders.view");
  const { id } = await loadOrder((await params).id);
  const t = await getTranslations("orders");
  return (
    <HydrateClient>
      <Suspense fallback={<p className="text-sm text-slate-500">{t("loading")}</p>}>
        <OrderDetail
          id={id}
          canReveal={can(session.user.role, "orders.reveal")}
          canManage={can(session.user.role, "orders.manage")}
        />
      </Suspense>
    </HydrateClient>
  );
}
