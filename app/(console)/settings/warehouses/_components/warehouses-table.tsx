"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Pencil, Plus, Warehouse as WarehouseIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { EmptyState } from "@/components/layout/empty-state";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import type { Warehouse } from "../../shops/_components/types";
import { WarehouseDialog } from "./warehouse-dialog";

export function WarehousesTable({ canManage }: { canManage: boolean }) {
  const t = useTranslations("warehouses");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: warehouses } = useSuspenseQuery(trpc.shops.warehouses.queryOptions());
  const { data: shops } = useSuspenseQuery(trpc.shops.list.queryOptions());
  const [editing, setEditing] = useState<Warehouse | "new" | null>(null);
  const shopsUsing = (id: string) => shops.filter((s) => s.defaultWarehouseId === id && s.active);

  const onSaved = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries(trpc.shops.pathFilter());
    void queryClient.invalidateQueries(trpc.audit.pathFilter());
  };

  return (
    <>
      <div className="mb-3 flex items-center justify-between gap-4">
        <p className="max-w-3xl text-sm text-slate-600">{t("hint")}</p>
        {canManage ? (
          <Button onClick={() => setEditing("new")}>
            <Plus aria-hidden />
            {t("newWarehouse")}
          </Button>
        ) : null}
      </div>
      {warehouses.length === 0 ? (
        <EmptyState
          icon={WarehouseIcon}
          title={t("emptyTitle")}
          body={canManage ? t("emptyBody") : t("emptyReadOnly")}
        />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("id")}</Th>
              <Th>{t("contact")}</Th>
              <Th>{t("contactMobile")}</Th>
              <Th>{t("region")}</Th>
              <Th>{t("address")}</Th>
              <Th>{t("shops")}</Th>
              <Th>{t("status")}</Th>
              {canManage ? <Th className="text-right">{tc("actions")}</Th> : null}
            </tr>
          </thead>
          <tbody>
            {warehouses.map((w) => {
              const using = shopsUsing(w.id);
              return (
                <tr
                  key={w.id}
                  data-testid={`warehouse-row-${w.id}`}
                  className={cn(!w.active && "[&>td]:text-slate-500")}
                >
                  <Td className="font-medium whitespace-nowrap">{w.name}</Td>
                  <Td className="font-mono text-xs whitespace-nowrap">{w.id}</Td>
                  <Td className="whitespace-nowrap">{w.contactName}</Td>
                  <Td className="font-mono text-xs whitespace-nowrap">{w.contactMobile}</Td>
                  <Td className="whitespace-nowrap">{w.regionText}</Td>
                  <Td className="max-w-72 truncate" title={w.address}>
                    {w.address}
                  </Td>
                  <Td
                    className="whitespace-nowrap text-slate-600"
                    title={using.map((s) => s.name).join("、")}
                  >
                    {using.length > 0 ? t("shopCount", { count: using.length }) : "—"}
                  </Td>
                  <Td>
                    <Badge tone={w.active ? "green" : "neutral"}>
                      {w.active ? t("active") : t("inactive")}
                    </Badge>
                  </Td>
                  {canManage ? (
                    <Td className="text-right">
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`${tc("edit")}: ${w.name}`}
                        onClick={() => setEditing(w)}
                      >
                        <Pencil aria-hidden />
                        {tc("edit")}
                      </Button>
                    </Td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {canManage && editing ? (
        <WarehouseDialog
          key={editing === "new" ? "new" : editing.id}
          warehouse={editing === "new" ? null : editing}
          takenIds={warehouses.map((w) => w.id)}
          usedByShops={editing === "new" ? 0 : shopsUsing(editing.id).length}
          onClose={() => setEditing(null)}
          onSaved={(w, created) => onSaved(t(created ? "created" : "updated", { name: w.name }))}
        />
      ) : null}
    </>
  );
}
