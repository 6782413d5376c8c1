"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Calculator, FileSpreadsheet, Pencil, Plus, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { EmptyState } from "@/components/layout/empty-state";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { RateCardImportDialog } from "./rate-card-import";
import { bpToPercent, gToKg } from "./units";

export function TemplatesTable({ canManage }: { canManage: boolean }) {
  const t = useTranslations();
  const tt = useTranslations("freight.templates");
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: templates } = useSuspenseQuery(trpc.freight.templates.queryOptions());
  const { data: sets } = useSuspenseQuery(trpc.freight.regionSets.queryOptions());
  const [importing, setImporting] = useState(false);
  const toggle = useMutation(
    trpc.freight.setEnabled.mutationOptions({
      onSuccess: (r) => {
        toast.success(tt(r.enabled ? "enabledToast" : "disabledToast"));
        void queryClient.invalidateQueries(trpc.freight.pathFilter());
      },
      onError: (error) => toast.error(describeError(t, error)),
    }),
  );
  const fen = (n: number) => format.number(n / 100, { style: "currency", currency: "CNY" });
  const examples = templates.filter((x) => x.isExample).length;

  return (
    <section className="flex flex-col gap-3" aria-labelledby="freight-templates-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="freight-templates-heading" className="text-sm font-semibold text-slate-900">
            {tt("heading")}
          </h2>
          <p className="text-xs text-slate-600">{tt("hint")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button asChild variant="secondary" size="sm">
            <Link href="/freight">
              <Calculator aria-hidden />
              {t("freight.calculator.title")}
            </Link>
          </Button>
          {canManage ? (
            <>
              <Button variant="secondary" size="sm" onClick={() => setImporting(true)}>
                <FileSpreadsheet aria-hidden />
                {t("freight.import.button")}
              </Button>
              <Button asChild size="sm">
                <Link href="/settings/freight/new">
                  <Plus aria-hidden />
                  {tt("new")}
                </Link>
              </Button>
            </>
          ) : null}
        </div>
      </div>
      {examples > 0 ? (
        <p className="flex items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <TriangleAlert className="size-4 shrink-0" aria-hidden />
          {tt("examplesWarning", { count: examples })}
        </p>
      ) : null}
      {templates.length === 0 ? (
        <EmptyState icon={Calculator} title={tt("emptyTitle")} body={tt("emptyBody")} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{tt("name")}</Th>
              <Th>{tt("account")}</Th>
              <Th>{tt("product")}</Th>
              <Th>{tt("billing")}</Th>
              <Th className="text-right">{tt("zones")}</Th>
              <Th>{tt("surcharges")}</Th>
              <Th>{tt("enabled")}</Th>
              <Th className="text-right">{t("common.actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {templates.map((x) => {
              const surcharges = [
                x.minimumChargeFen ? tt("minimumShort", { amount: fen(x.minimumChargeFen) }) : null,
                x.hasRemoteSurcharge ? tt("remoteShort") : null,
                x.fuelSurchargeBasisPoints
                  ? tt("fuelShort", { percent: bpToPercent(x.fuelSurchargeBasisPoints) })
                  : null,
                x.hasInsurance ? tt("insuranceShort") : null,
              ].filter(Boolean);
              return (
                <tr key={x.id} data-testid={`template-row-${x.id}`}>
                  <Td>
                    <div className="flex flex-wrap items-center gap-1.5">
                      <Link
                        href={`/settings/freight/${x.id}`}
                        className="font-medium text-blue-700 hover:underline"
                      >
                        {x.name}
                      </Link>
                      {x.isExample ? <Badge tone="amber">{t("freight.exampleBadge")}</Badge> : null}
                    </div>
                  </Td>
                  <Td>
                    <div className="text-sm">{x.account.name}</div>
                    <div className="text-xs text-slate-500">
                      {locale === "en" ? x.account.courierNameEn : x.account.courierNameZh}
                      {x.account.enabled ? "" : ` · ${tt("accountDisabled")}`}
                    </div>
                  </Td>
                  <Td className="text-xs">{productLabel(t, x.product)}</Td>
                  <Td className="text-xs">
                    {t(`freight.billing.${x.billing}`)}
                    <span className="text-slate-500">
                      {" · "}
                      {tt("billingDetail", {
                        divisor: x.volumetricDivisor,
                        step: gToKg(x.roundingUnitG),
                      })}
                    </span>
                  </Td>
                  <Td className="text-right tabular-nums">{x.zoneCount}</Td>
                  <Td className="text-xs text-slate-600">
                    {surcharges.length ? surcharges.join(" · ") : "—"}
                  </Td>
                  <Td>
                    <label className="inline-flex items-center gap-1.5 text-xs">
                      <input
                        type="checkbox"
                        role="switch"
                        aria-checked={x.enabled}
                        checked={x.enabled}
                        disabled={!canManage || toggle.isPending}
                        aria-label={tt("toggle", { name: x.name })}
                        onChange={(e) => toggle.mutate({ id: x.id, enabled: e.target.checked })}
                      />
                      <Badge tone={x.enabled ? "green" : "neutral"}>
                        {x.enabled ? tt("on") : tt("off")}
                      </Badge>
                    </label>
                  </Td>
                  <Td className="text-right">
                    <Button asChild variant="ghost" size="sm">
                      <Link
                        href={`/settings/freight/${x.id}`}
                        aria-label={tt("edit", { name: x.name })}
                      >
                        <Pencil aria-hidden />
                        {canManage ? t("common.edit") : tt("view")}
                      </Link>
                    </Button>
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {importing ? (
        <RateCardImportDialog
          open={importing}
          onOpenChange={setImporting}
          target={null}
          sets={sets.map((s) => ({ id: s.id, name: s.name }))}
          currentOrigin={null}
          labels={{}}
        />
      ) : null}
    </section>
  );
}

/** "标准快递 (standard)" for known products, the code itself otherwise. */
export function productLabel(t: (key: string) => string, product: string): string {
  const known = ["standard", "express", "economy", "large_parcel"];
  return known.includes(product) ? t(`freight.products.${product}`) : product;
}
