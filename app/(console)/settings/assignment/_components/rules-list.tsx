"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, Pencil, Plus, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/client";
import { describeError } from "@/components/trpc/errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { RuleDialog } from "./rule-dialog";
import type { Settings, SettingsRule } from "./types";

/** The ordered rule list: first matching pin wins, excludes always apply (see the engine). */
export function RulesList({ settings }: { settings: Settings }) {
  const t = useTranslations("assignment.rules");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useRuleText(settings);
  const [editing, setEditing] = useState<SettingsRule | "new" | null>(null);

  const done = () => void queryClient.invalidateQueries(trpc.assignment.pathFilter());
  const onError = (e: unknown) => toast.error(describeError(tAll, e));
  const toggle = useMutation(
    trpc.assignment.setRuleEnabled.mutationOptions({ onSuccess: done, onError }),
  );
  const move = useMutation(trpc.assignment.moveRule.mutationOptions({ onSuccess: done, onError }));
  const remove = useMutation(
    trpc.assignment.deleteRule.mutationOptions({
      onSuccess: () => {
        toast.success(t("deleted"));
        done();
      },
      onError,
    }),
  );
  const rules = settings.rules;

  return (
    <section aria-labelledby="rules-heading">
      <div className="mb-1 flex items-center justify-between gap-2">
        <h2 id="rules-heading" className="text-sm font-semibold text-slate-800">
          {t("title")}
        </h2>
        <Button size="sm" onClick={() => setEditing("new")}>
          <Plus aria-hidden />
          {t("add")}
        </Button>
      </div>
      <p className="mb-2 text-xs text-slate-600">{t("hint")}</p>
      {rules.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <Table aria-label={t("title")}>
          <thead>
            <tr>
              <Th className="w-8">#</Th>
              <Th>{t("name")}</Th>
              <Th>{t("when")}</Th>
              <Th>{t("then")}</Th>
              <Th className="w-20">{t("enabled")}</Th>
              <Th className="w-36 text-right">
                <span className="sr-only">{t("actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={r.id} className={r.enabled ? undefined : "text-slate-400"}>
                <Td className="tabular-nums">{i + 1}</Td>
                <Td className="font-medium">{r.name}</Td>
                <Td className="text-xs">{describe.condition(r)}</Td>
                <Td className="text-xs">
                  <Badge tone={r.action.kind === "pin" ? "green" : "amber"} className="mr-1">
                    {t(`kind.${r.action.kind}`)}
                  </Badge>
                  {describe.targets(r)}
                </Td>
                <Td>
                  <input
                    type="checkbox"
                    className="size-4 accent-blue-600"
                    aria-label={t("toggle", { name: r.name })}
                    checked={r.enabled}
                    disabled={toggle.isPending}
                    onChange={(e) => toggle.mutate({ id: r.id, enabled: e.target.checked })}
                  />
                </Td>
                <Td className="text-right whitespace-nowrap">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={t("up", { name: r.name })}
                    disabled={i === 0 || move.isPending}
                    onClick={() => move.mutate({ id: r.id, direction: "up" })}
                  >
                    <ArrowUp aria-hidden />
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={t("down", { name: r.name })}
                    disabled={i === rules.length - 1 || move.isPending}
                    onClick={() => move.mutate({ id: r.id, direction: "down" })}
                  >
                    <ArrowDown aria-hidden />
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={t("edit", { name: r.name })}
                    onClick={() => setEditing(r)}
                  >
                    <Pencil aria-hidden />
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    className="text-red-700"
                    aria-label={t("delete", { name: r.name })}
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(t("confirmDelete", { name: r.name }))) {
                        remove.mutate({ id: r.id });
                      }
                    }}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {editing ? (
        <RuleDialog
          settings={settings}
          rule={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}

/** Plain-language summaries of a rule's condition and targets, in the console's language. */
function useRuleText(settings: Settings) {
  const t = useTranslations("assignment.rules");
  const tAttr = useTranslations("assignment.attributes");
  const format = useFormatter();
  const yuan = (fen: number) => format.number(fen / 100, { style: "currency", currency: "CNY" });
  const setName = new Map(settings.regionSets.map((s) => [s.id, s.name]));
  const shopName = new Map(settings.shops.map((s) => [s.id, s.name]));
  const accountName = new Map(settings.accounts.map((a) => [a.id, a.name]));
  return {
    condition(r: SettingsRule): string {
      const c = r.condition;
      const parts: string[] = [];
      if (c.declaredValueOverFen !== undefined) {
        parts.push(t("cond.valueOver", { value: yuan(c.declaredValueOverFen) }));
      }
      if (c.weightOverG !== undefined)
        parts.push(t("cond.weightOver", { kg: c.weightOverG / 1000 }));
      const d = c.destinationIn;
      if (d?.type === "set") parts.push(t("cond.destSet", { set: setName.get(d.id) ?? d.id }));
      if (d?.type === "codes") parts.push(t("cond.destCodes", { count: d.codes.length }));
      if (c.attributeAny?.length) {
        parts.push(
          t("cond.goods", {
            goods: c.attributeAny.map((a) => (tAttr.has(a) ? tAttr(a) : a)).join(" / "),
          }),
        );
      }
      if (c.shopIds?.length) {
        parts.push(
          t("cond.shops", { shops: c.shopIds.map((s) => shopName.get(s) ?? s).join(" / ") }),
        );
      }
      return parts.length === 0 ? t("cond.always") : parts.join(t("cond.and"));
    },
    targets(r: SettingsRule): string {
      const a = r.action;
      return [
        ...(a.couriers ?? []).map((c) => c.toUpperCase()),
        ...(a.accountIds ?? []).map((id) => accountName.get(id) ?? id),
      ].join(" / ");
    },
  };
}
