"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Pencil, Plus, Store, Warehouse as WarehouseIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { EmptyState } from "@/components/layout/empty-state";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import { ShopDialog } from "./shop-dialog";
import type { Shop } from "./types";

export function ShopsTable({ canManage }: { canManage: boolean }) {
  const t = useTranslations("shops");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: shops } = useSuspenseQuery(trpc.shops.list.queryOptions());
  const { data: warehouses } = useSuspenseQuery(trpc.shops.warehouses.queryOptions());
  // null: closed; "new": creating; a shop: editing it.
  const [editing, setEditing] = useState<Shop | "new" | null>(null);
  // A shop needs an active warehouse to ship from.
  const needWarehouse = !warehouses.some((w) => w.active);

  const onSaved = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries(trpc.shops.pathFilter());
    void queryClient.invalidateQueries(trpc.audit.pathFilter());
  };

  return (
    <>
      <div className="mb-3 flex items-center justify-between gap-4">
        <p className="max-w-3xl text-sm text-slate-600">{t("hint")}</p>
        {canManage && needWarehouse ? (
          <Button asChild>
            <Link href="/settings/warehouses">
              <WarehouseIcon aria-hidden />
              {t("goToWarehouses")}
            </Link>
          </Button>
        ) : canManage ? (
          <Button onClick={() => setEditing("new")}>
            <Plus aria-hidden />
            {t("newShop")}
          </Button>
        ) : null}
      </div>
      {shops.length === 0 ? (
        needWarehouse && canManage ? (
          <EmptyState
            icon={WarehouseIcon}
            title={t("needWarehouseTitle")}
            body={t("needWarehouseBody")}
          />
        ) : (
          <EmptyState
            icon={Store}
            title={t("emptyTitle")}
            body={canManage ? t("emptyBody") : t("emptyReadOnly")}
          />
        )
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("id")}</Th>
              <Th>{t("platform")}</Th>
              <Th>{t("defaultWarehouse")}</Th>
              <Th>{t("autoShip")}</Th>
              <Th className="text-right">{t("afterSalesDays")}</Th>
              <Th>{t("status")}</Th>
              {canManage ? <Th className="text-right">{tc("actions")}</Th> : null}
            </tr>
          </thead>
          <tbody>
            {shops.map((s) => (
              <tr
                key={s.id}
                data-testid={`shop-row-${s.id}`}
                className={cn(!s.active && "text-slate-500 [&>td]:text-slate-500")}
              >
                <Td className="font-medium whitespace-nowrap">{s.name}</Td>
                <Td className="font-mono text-xs whitespace-nowrap">{s.id}</Td>
                <Td className="whitespace-nowrap">{t(`platforms.${s.platform}`)}</Td>
                <Td className="whitespace-nowrap">
                  {s.warehouseName}
                  <span className="ml-1.5 font-mono text-xs text-slate-500">
                    {s.defaultWarehouseId}
                  </span>
                </Td>
                <Td>
                  <Badge tone={s.autoShip ? "blue" : "neutral"}>
                    {s.autoShip ? t("on") : t("off")}
                  </Badge>
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">
                  {t("days", { count: s.afterSalesDays })}
                </Td>
                <Td>
                  <Badge tone={s.active ? "green" : "neutral"}>
                    {s.active ? t("active") : t("inactive")}
                  </Badge>
                </Td>
                {canManage ? (
                  <Td className="text-right">
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`${tc("edit")}: ${s.name}`}
                      onClick={() => setEditing(s)}
                    >
                      <Pencil aria-hidden />
                      {tc("edit")}
                    </Button>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canManage && editing ? (
        <ShopDialog
          key={editing === "new" ? "new" : editing.id}
          shop={editing === "new" ? null : editing}
          warehouses={warehouses}
          takenIds={shops.map((s) => s.id)}
          onClose={() => setEditing(null)}
          onSaved={(shop, created) =>
            onSaved(t(created ? "created" : "updated", { name: shop.name }))
          }
        />
      ) : null}
    </>
  );
}
