"use client";

import { useMutation, useQueryClient, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";

type Faults = {
  duplicate?: number;
  outOfOrder?: boolean;
  badSignature?: boolean;
  stall?: boolean;
  http5xx?: number;
  timeoutMs?: number;
  timeoutRate?: number;
};
type SandboxCourier = "sf" | "zto" | "jt" | "kdniao" | "kuaidi100";

/** Checkboxes that switch the demo sandbox's faults for one courier on and off. */
export function SandboxFaults({ courier }: { courier: SandboxCourier }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery(trpc.couriers.sandboxFaults.queryOptions());
  const current: Faults = data?.[courier] ?? {};
  const set = useMutation(
    trpc.couriers.setSandboxFaults.mutationOptions({
      onSuccess: () => {
        toast.success(t("couriers.faultsSaved", { courier }));
        void queryClient.invalidateQueries(trpc.couriers.sandboxFaults.pathFilter());
      },
      onError: (e) => toast.error(describeError(t, e)),
    }),
  );
  const toggles: { key: keyof Faults; on: Faults }[] = [
    { key: "duplicate", on: { duplicate: 0.5 } },
    { key: "outOfOrder", on: { outOfOrder: true } },
    { key: "badSignature", on: { badSignature: true } },
    { key: "stall", on: { stall: true } },
    { key: "http5xx", on: { http5xx: 0.5 } },
    { key: "timeoutMs", on: { timeoutMs: 15_000, timeoutRate: 0.5 } },
  ];
  return (
    <fieldset
      className="flex flex-wrap gap-x-3 gap-y-1 text-xs"
      aria-label={`${t("couriers.faults")} ${courier}`}
    >
      {toggles.map(({ key, on }) => {
        const checked = current[key] !== undefined && current[key] !== false;
        return (
          <label key={key} className="inline-flex items-center gap-1 whitespace-nowrap">
            <input
              type="checkbox"
              checked={checked}
              disabled={set.isPending}
              onChange={(e) => {
                const next: Faults = { ...current };
                if (e.target.checked) Object.assign(next, on);
                else for (const k of Object.keys(on) as (keyof Faults)[]) delete next[k];
                set.mutate({ courier, faults: next });
              }}
            />
            {t(`couriers.${key === "timeoutMs" ? "timeout" : key}`)}
          </label>
        );
      })}
    </fieldset>
  );
}
