"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Copy, Plus } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { CourierLogo } from "@/components/couriers/courier-logo";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { CreateAccountDialog } from "./create-account-dialog";
import { SandboxFaults } from "./sandbox-faults";

const faultCouriers = new Set(["sf", "zto", "jt", "kdniao", "kuaidi100"]);

export function CourierAccounts({ canManage }: { canManage: boolean }) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: accounts } = useSuspenseQuery(trpc.couriers.accounts.queryOptions());
  const { data: catalog } = useSuspenseQuery(trpc.couriers.catalog.queryOptions());
  const [creating, setCreating] = useState(false);
  const byCode = new Map(catalog.couriers.map((c) => [c.code, c]));
  const update = useMutation(
    trpc.couriers.updateAccount.mutationOptions({
      onSuccess: (a) => {
        toast.success(t("couriers.updated", { name: a.name }));
        void queryClient.invalidateQueries(trpc.couriers.pathFilter());
      },
      onError: (e) => toast.error(describeError(t, e)),
    }),
  );

  const test = useMutation(
    trpc.couriers.testConnection.mutationOptions({
      onSuccess: (r, { id }) => {
        const name = accounts.find((a) => a.id === id)?.name ?? id;
        if (r.ok) toast.success(t("couriers.testOk", { name, ms: r.latencyMs }));
        else toast.error(t("couriers.testFailed", { name, reason: t(`couriers.kinds.${r.kind}`) }));
      },
      onError: (e) => toast.error(describeError(t, e)),
    }),
  );

  const sample = useMutation(
    trpc.couriers.sampleWaybill.mutationOptions({
      onSuccess: (w, { id }) => {
        const name = accounts.find((a) => a.id === id)?.name ?? id;
        const sorting = w.sortingCode ? t("profiles.sampleSorting", { code: w.sortingCode }) : "";
        toast.success(t("profiles.sampleOk", { name, trackingNo: w.trackingNo, sorting }));
      },
      onError: (e) => toast.error(describeError(t, e)),
    }),
  );

  const copyPushUrl = (path: string) => {
    void navigator.clipboard
      .writeText(`${window.location.origin}${path}`)
      .then(() => toast.success(t("couriers.copied")));
  };

  return (
    <>
      <div className="mb-3 flex items-center justify-between gap-4">
        <p className="text-sm text-slate-600">{t("couriers.hint")}</p>
        {canManage ? (
          <Button onClick={() => setCreating(true)}>
            <Plus aria-hidden />
            {t("couriers.newAccount")}
          </Button>
        ) : null}
      </div>
      {accounts.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          {t("couriers.empty")}
        </p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("couriers.courier")}</Th>
              <Th>{t("couriers.id")}</Th>
              <Th>{t("couriers.environment")}</Th>
              <Th>{t("couriers.credentials")}</Th>
              <Th>{t("couriers.pushUrl")}</Th>
              <Th className="text-right">{t("common.actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => {
              const c = byCode.get(a.courier);
              return (
                <tr key={a.id} data-testid={`account-${a.id}`}>
                  <Td>
                    <div className="flex items-center gap-2">
                      {c ? <CourierLogo mark={c.mark} color={c.color} /> : null}
                      <div>
                        <div className="font-medium whitespace-nowrap">{a.name}</div>
                        <div className="text-xs text-slate-500">
                          {c ? (locale === "en" ? c.nameEn : c.nameZh) : a.courier}
                        </div>
                      </div>
                    </div>
                  </Td>
                  <Td className="font-mono text-xs whitespace-nowrap">{a.id}</Td>
                  <Td className="whitespace-nowrap">
                    <Badge tone={a.environment === "production" ? "green" : "amber"}>
                      {t(`couriers.${a.environment}`)}
                    </Badge>{" "}
                    {a.enabled ? null : <Badge>{t("couriers.disabled")}</Badge>}
                  </Td>
                  <Td className="font-mono text-xs text-slate-700">
                    {Object.entries(a.credentials).map(([k, v]) => (
                      <div key={k}>
                        <span className="text-slate-500">{k}</span> {v}
                      </div>
                    ))}
                  </Td>
                  <Td>
                    <Button
                      variant="ghost"
                      size="sm"
                      className="font-mono"
                      onClick={() => copyPushUrl(a.pushPath)}
                      aria-label={`${t("couriers.copy")} ${a.pushPath.split("?")[0]}`}
                    >
                      <Copy aria-hidden />
                      {a.pushPath.split("?")[0]}
                    </Button>
                    {canManage &&
                    a.id === `sandbox-${a.courier}` &&
                    faultCouriers.has(a.courier) ? (
                      <details className="mt-1 px-2">
                        <summary className="cursor-pointer text-xs text-slate-600">
                          {t("couriers.faults")}
                        </summary>
                        <p className="my-1 max-w-72 text-[11px] text-slate-500">
                          {t("couriers.faultsHint")}
                        </p>
                        <SandboxFaults
                          courier={a.courier as "sf" | "zto" | "jt" | "kdniao" | "kuaidi100"}
                        />
                      </details>
                    ) : null}
                  </Td>
                  <Td>
                    <div className="flex flex-col items-end gap-0.5 whitespace-nowrap">
                      {canManage && a.environment === "sandbox" ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          disabled={sample.isPending}
                          onClick={() => sample.mutate({ id: a.id })}
                        >
                          {t("profiles.sampleWaybill")}
                        </Button>
                      ) : null}
                      {canManage ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          disabled={test.isPending}
                          onClick={() => test.mutate({ id: a.id })}
                        >
                          {t("couriers.test")}
                        </Button>
                      ) : null}
                      {canManage ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          disabled={update.isPending}
                          onClick={() => update.mutate({ id: a.id, enabled: !a.enabled })}
                        >
                          {a.enabled ? t("couriers.disable") : t("couriers.enable")}
                        </Button>
                      ) : null}
                    </div>
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <Link
        href="/settings/couriers/profiles"
        className="mt-6 inline-block text-sm font-medium text-blue-700 hover:underline"
      >
        {t("profiles.manageLink")} →
      </Link>
      <h2 className="mt-6 mb-1 text-sm font-semibold text-slate-800">{t("couriers.catalog")}</h2>
      <p className="mb-3 text-xs text-slate-600">
        {t("couriers.catalogHint", {
          count: catalog.couriers.filter((c) => c.kind === "courier").length,
        })}
      </p>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6">
        {catalog.couriers.map((c) => (
          <li
            key={c.code}
            className="flex items-center gap-2 rounded-md border border-slate-200 bg-white p-2"
          >
            <CourierLogo mark={c.mark} color={c.color} size={24} />
            <div className="min-w-0">
              <div className="truncate text-xs font-medium">
                {locale === "en" ? c.nameEn : c.nameZh}
              </div>
              <div className="font-mono text-[11px] text-slate-500">
                {c.code} · {c.driver ? t("couriers.direct") : t("couriers.viaAggregator")}
              </div>
            </div>
          </li>
        ))}
      </ul>
      {canManage ? (
        <CreateAccountDialog
          open={creating}
          onOpenChange={setCreating}
          couriers={catalog.options}
          onCreated={(name) => {
            toast.success(t("couriers.created", { name }));
            void queryClient.invalidateQueries(trpc.couriers.pathFilter());
          }}
        />
      ) : null}
    </>
  );
}
