"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/client";
import { describeError } from "@/components/trpc/errors";
import { NativeSelect } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { RulesList } from "./rules-list";
import { WhatIf } from "./what-if";

const OBJECTIVES = ["cheapest", "fastest", "balanced"] as const;

export function AssignmentSettings() {
  const t = useTranslations("assignment");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.assignment.settings.queryOptions());
  const save = useMutation(
    trpc.assignment.saveObjective.mutationOptions({
      onSuccess: () => {
        toast.success(t("objectives.saved"));
        void queryClient.invalidateQueries(trpc.assignment.pathFilter());
      },
      onError: (e) => toast.error(describeError(tAll, e)),
    }),
  );

  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="space-y-6">
        <section aria-labelledby="objectives-heading">
          <h2 id="objectives-heading" className="mb-1 text-sm font-semibold text-slate-800">
            {t("objectives.title")}
          </h2>
          <ul className="mb-2 space-y-0.5 text-xs text-slate-600">
            {OBJECTIVES.map((o) => (
              <li key={o}>
                <span className="font-medium text-slate-800">{t(`objectives.${o}`)}</span>
                {" — "}
                {t(`objectives.${o}Hint`)}
              </li>
            ))}
          </ul>
          <Table aria-label={t("objectives.title")}>
            <thead>
              <tr>
                <Th>{t("objectives.shop")}</Th>
                <Th className="w-48">{t("objectives.objective")}</Th>
              </tr>
            </thead>
            <tbody>
              {data.shops.map((s) => (
                <tr key={s.id}>
                  <Td>{s.name}</Td>
                  <Td>
                    <NativeSelect
                      aria-label={t("objectives.forShop", { shop: s.name })}
                      className="w-full"
                      value={s.objective}
                      disabled={save.isPending}
                      onChange={(e) =>
                        save.mutate({
                          shopId: s.id,
                          objective: e.target.value as (typeof OBJECTIVES)[number],
                        })
                      }
                    >
                      {OBJECTIVES.map((o) => (
                        <option key={o} value={o}>
                          {t(`objectives.${o}`)}
                        </option>
                      ))}
                    </NativeSelect>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
        <RulesList settings={data} />
      </div>
      <WhatIf settings={data} />
    </div>
  );
}
