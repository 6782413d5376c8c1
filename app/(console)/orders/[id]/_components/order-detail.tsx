"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { ArrowLeft, ArrowRight, Gift, PauseCircle } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { OrderStatusBadge, ParcelStatusBadge } from "@/components/status/status-badge";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { useOrderFormat } from "../../_components/format";
import { lastListHref } from "../../_components/last-list";
import { CancelOrder } from "./cancel-order";
import { ParcelAssignments } from "./parcel-assignments";
import { Block, Card, type OrderGraph } from "./parts";
import { RecipientCard } from "./recipient-card";

export function OrderDetail({
  id,
  canReveal,
  canManage,
}: {
  id: number;
  canReveal: boolean;
  canManage: boolean;
}) {
  const t = useTranslations("orders");
  const fmt = useOrderFormat();
  const trpc = useTRPC();
  const router = useRouter();
  const { data: order } = useSuspenseQuery(trpc.orders.byId.queryOptions({ id }));
  const itemCount = order.items.reduce((s, i) => s + i.quantity, 0);

  return (
    <div className="space-y-4">
      <Link
        href="/orders"
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          router.push(lastListHref());
        }}
        className="inline-flex items-center gap-1 text-xs font-medium text-slate-600 hover:text-blue-700"
      >
        <ArrowLeft className="size-3.5" aria-hidden />
        {t("detail.back")}
      </Link>

      <header className="rounded-md border border-slate-200 bg-white px-4 py-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <div className="flex items-center gap-2">
              <h1 className="text-lg font-semibold text-slate-900">
                {t("detail.heading", { no: order.platformOrderNo })}
              </h1>
              <OrderStatusBadge status={order.status} />
            </div>
            <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-xs">
              <Meta label={t("detail.orderId")}>
                <span className="font-mono">#{order.id}</span>
              </Meta>
              <Meta label={t("detail.shop")}>{order.shopName}</Meta>
              <Meta label={t("detail.warehouse")}>
                {order.warehouseName ?? t("detail.noWarehouse")}
              </Meta>
              <Meta label={t("detail.paidAt")}>{fmt.dateTime(order.paidAt)}</Meta>
              <Meta label={t("detail.total")}>
                <span className="tabular-nums">{fmt.money(order.totalFen)}</span>
              </Meta>
              <Meta label={t("detail.source")}>{t(`detail.sources.${order.source}`)}</Meta>
            </dl>
          </div>
          {canManage ? (
            <CancelOrder id={order.id} no={order.platformOrderNo} status={order.status} />
          ) : null}
        </div>
        {order.status === "CANCELLED" && order.cancelReason ? (
          <p className="mt-2 rounded bg-red-50 px-2 py-1 text-xs text-red-800">
            {t("detail.cancelReason", { reason: order.cancelReason })}
          </p>
        ) : null}
      </header>

      <div className="grid items-start gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Block id="order-items" title={t("items.title")}>
            <Table aria-label={t("items.label")}>
              <thead>
                <tr>
                  <Th>{t("items.sku")}</Th>
                  <Th>{t("items.name")}</Th>
                  <Th>{t("items.barcode")}</Th>
                  <Th className="text-right">{t("items.quantity")}</Th>
                  <Th className="text-right">{t("items.unitPrice")}</Th>
                  <Th className="text-right">{t("items.weight")}</Th>
                </tr>
              </thead>
              <tbody>
                {order.items.map((it) => (
                  <tr key={it.id}>
                    <Td className="font-mono text-xs whitespace-nowrap">{it.sku}</Td>
                    <Td>
                      {it.name}
                      {it.isVirtual ? (
                        <Badge tone="violet" className="ml-2 gap-1" title={t("items.virtualHint")}>
                          <Gift className="size-3" aria-hidden />
                          {t("items.virtual")}
                        </Badge>
                      ) : null}
                    </Td>
                    <Td className="font-mono text-xs text-slate-600">{it.barcode ?? "—"}</Td>
                    <Td className="text-right tabular-nums">{it.quantity}</Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">
                      {fmt.money(it.unitPriceFen)}
                    </Td>
                    <Td className="text-right whitespace-nowrap text-slate-600 tabular-nums">
                      {it.isVirtual ? "—" : fmt.weight(it.weightG)}
                    </Td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <Td colSpan={3} className="border-b-0 text-xs text-slate-600">
                    {t("items.total")}
                  </Td>
                  <Td className="border-b-0 text-right font-medium tabular-nums">{itemCount}</Td>
                  <Td className="border-b-0 text-right font-medium whitespace-nowrap tabular-nums">
                    {fmt.money(order.totalFen)}
                  </Td>
                  <Td className="border-b-0" />
                </tr>
              </tfoot>
            </Table>
          </Block>

          <Block id="order-parcels" title={t("parcels.title")}>
            {order.parcels.length === 0 ? (
              <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-600">
                {t("parcels.none")}
              </p>
            ) : (
              <Table aria-label={t("parcels.label")}>
                <thead>
                  <tr>
                    <Th>{t("parcels.id")}</Th>
                    <Th>{t("parcels.status")}</Th>
                    <Th>{t("parcels.trackingNo")}</Th>
                    <Th className="text-right">{t("parcels.weight")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {order.parcels.map((p) => (
                    <tr key={p.id} data-testid={`parcel-P${p.id}`}>
                      <Td className="font-mono text-xs font-medium">P{p.id}</Td>
                      <Td>
                        <span className="inline-flex items-center gap-1.5">
                          <ParcelStatusBadge status={p.status} />
                          {p.heldAt ? (
                            <Badge tone="amber" className="gap-1">
                              <PauseCircle className="size-3" aria-hidden />
                              {t("parcels.held")}
                            </Badge>
                          ) : null}
                        </span>
                      </Td>
                      <Td className="font-mono text-xs">{p.trackingNo ?? "—"}</Td>
                      <Td className="text-right text-slate-600 tabular-nums">
                        {fmt.weight(p.weightG)}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            <ParcelAssignments orderId={order.id} />
          </Block>

          <Block id="order-history" title={t("history.title")}>
            <History order={order} />
          </Block>
        </div>

        <div className="space-y-4">
          <RecipientCard order={order} canReveal={canReveal} />
          <Block id="order-remarks" title={t("detail.remarks")}>
            <Card>
              {order.buyerRemark || order.sellerRemark ? (
                <dl className="space-y-2 text-sm">
                  {order.buyerRemark ? (
                    <div>
                      <dt className="text-xs text-slate-500">{t("detail.buyerRemark")}</dt>
                      <dd className="whitespace-pre-wrap text-slate-800">{order.buyerRemark}</dd>
                    </div>
                  ) : null}
                  {order.sellerRemark ? (
                    <div>
                      <dt className="text-xs text-slate-500">{t("detail.sellerRemark")}</dt>
                      <dd className="whitespace-pre-wrap text-slate-800">{order.sellerRemark}</dd>
                    </div>
                  ) : null}
                </dl>
              ) : (
                <p className="text-sm text-slate-500">{t("detail.noRemarks")}</p>
              )}
            </Card>
          </Block>
          <Block id="order-audit" title={t("audit.title")}>
            <AuditTrail order={order} />
          </Block>
        </div>
      </div>
    </div>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline gap-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-800">{children}</dd>
    </div>
  );
}

/** Who made a status change: staff names come from the audit trail when it has them. */
function useActorLabel(order: OrderGraph) {
  const t = useTranslations("orders.actor");
  const names = new Map(
    order.audit.filter((a) => a.actorId && a.actorName).map((a) => [a.actorId!, a.actorName!]),
  );
  return (actor: string) => {
    if (actor === "system") return t("system");
    if (actor.startsWith("api:")) return t("api", { key: actor.slice(4) });
    if (actor.startsWith("import:")) return t("import", { batch: actor.slice(7) });
    if (actor.includes(":")) return actor;
    return names.get(actor) ?? t("user", { id: actor.slice(0, 8) });
  };
}

function History({ order }: { order: OrderGraph }) {
  const t = useTranslations("orders");
  const fmt = useOrderFormat();
  const actorLabel = useActorLabel(order);
  if (order.events.length === 0) {
    return (
      <Card>
        <p className="text-sm text-slate-500">{t("history.empty")}</p>
      </Card>
    );
  }
  return (
    <Card>
      <ol className="relative space-y-3 border-l border-slate-200 pl-4">
        {order.events.map((e) => (
          <li key={e.id} className="relative">
            <span
              className="absolute top-1.5 -left-[21px] size-2.5 rounded-full border-2 border-white bg-slate-400 ring-1 ring-slate-300"
              aria-hidden
            />
            <div className="flex flex-wrap items-center gap-1.5 text-sm">
              {e.fromStatus && e.fromStatus !== e.toStatus ? (
                <>
                  <OrderStatusBadge status={e.fromStatus} />
                  <ArrowRight className="size-3.5 text-slate-400" aria-label="→" />
                </>
              ) : null}
              <OrderStatusBadge status={e.toStatus} />
              <span className="ml-1 text-xs text-slate-700">{actorLabel(e.actor)}</span>
              <time
                dateTime={e.at.toISOString()}
                className="ml-auto text-xs whitespace-nowrap text-slate-500 tabular-nums"
              >
                {fmt.dateTimeSeconds(e.at)}
              </time>
            </div>
            {e.note ? <p className="mt-0.5 text-xs text-slate-600">{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}

const AUDIT_PREVIEW = 6;

function AuditTrail({ order }: { order: OrderGraph }) {
  const t = useTranslations("orders.audit");
  const fmt = useOrderFormat();
  const [all, setAll] = useState(false);
  const entries = all ? order.audit : order.audit.slice(0, AUDIT_PREVIEW);
  if (order.audit.length === 0) {
    return (
      <Card>
        <p className="text-sm text-slate-500">{t("empty")}</p>
      </Card>
    );
  }
  return (
    <Card>
      <ul className="divide-y divide-slate-100">
        {entries.map((a) => {
          const key = `actions.${a.action.replaceAll(".", "_")}`;
          const reason = typeof a.after?.reason === "string" ? a.after.reason : null;
          return (
            <li key={a.id} className="py-1.5 first:pt-0 last:pb-0">
              <div className="text-sm font-medium text-slate-800">
                {t.has(key) ? t(key) : a.action}
              </div>
              {reason ? <p className="text-xs text-slate-700">{t("reason", { reason })}</p> : null}
              <div className="mt-0.5 flex items-baseline justify-between gap-2 text-xs text-slate-500">
                <span>{a.actorName ?? t("system")}</span>
                <time dateTime={a.at.toISOString()} className="whitespace-nowrap tabular-nums">
                  {fmt.dateTimeSeconds(a.at)}
                </time>
              </div>
            </li>
          );
        })}
      </ul>
      {order.audit.length > AUDIT_PREVIEW ? (
        <Button
          variant="ghost"
          size="sm"
          className="mt-1.5 -ml-2.5"
          aria-expanded={all}
          onClick={() => setAll((v) => !v)}
        >
          {all ? t("showFewer") : t("showAll", { count: order.audit.length })}
        </Button>
      ) : null}
    </Card>
  );
}
