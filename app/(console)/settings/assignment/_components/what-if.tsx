"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { FlaskConical, LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { AssignmentExplanation } from "@/components/assignment/assignment-explanation";
import { useTRPC } from "@/components/trpc/client";
import { describeError } from "@/components/trpc/errors";
import { Button } from "@/components/ui/button";
import { Input, Label, NativeSelect } from "@/components/ui/input";
import type { AppRouter } from "@/server/trpc/routers/_app";
import type { inferRouterInputs } from "@trpc/server";
import { ATTRIBUTES, type Settings } from "./types";

type Sample = inferRouterInputs<AppRouter>["assignment"]["whatIf"];

const num = (s: string) => (s.trim() === "" ? null : Number(s));

/** "What would happen": a sample parcel through the saved objective and rules, nothing stored. */
export function WhatIf({ settings }: { settings: Settings }) {
  const t = useTranslations("assignment.whatIf");
  const tAttr = useTranslations("assignment.attributes");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const [shopId, setShopId] = useState(settings.shops[0]?.id ?? "");
  const [address, setAddress] = useState("北京市东城区");
  const [kg, setKg] = useState("1");
  const [dims, setDims] = useState(["", "", ""]);
  const [yuan, setYuan] = useState("0");
  const [attrs, setAttrs] = useState<string[]>([]);
  const [sample, setSample] = useState<Sample | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const result = useQuery({
    ...trpc.assignment.whatIf.queryOptions(sample ?? skipToken),
    retry: false,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const weight = num(kg);
    const value = num(yuan);
    const [l, w, h] = dims.map(num);
    if (
      !shopId ||
      !address.trim() ||
      weight === null ||
      !(weight >= 0) ||
      !(value === null || value >= 0)
    ) {
      setFormError(t("invalid"));
      return;
    }
    setFormError(null);
    setSample({
      shopId,
      destination: { address: address.trim() },
      weightG: Math.round(weight * 1000),
      dims: l && w && h ? { lengthMm: l * 10, widthMm: w * 10, heightMm: h * 10 } : null,
      declaredValueFen: Math.round((value ?? 0) * 100),
      attributes: attrs,
    });
  };

  return (
    <section
      aria-labelledby="whatif-heading"
      className="rounded-md border border-slate-200 bg-white p-3"
    >
      <h2
        id="whatif-heading"
        className="flex items-center gap-1.5 text-sm font-semibold text-slate-800"
      >
        <FlaskConical className="size-4 text-slate-500" aria-hidden />
        {t("title")}
      </h2>
      <p className="mb-2 text-xs text-slate-600">{t("hint")}</p>
      <form onSubmit={submit} noValidate className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <div className="col-span-2 space-y-1">
          <Label htmlFor="wi-shop">{t("shop")}</Label>
          <NativeSelect
            id="wi-shop"
            className="w-full"
            value={shopId}
            onChange={(e) => setShopId(e.target.value)}
          >
            {settings.shops.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="col-span-2 space-y-1">
          <Label htmlFor="wi-dest">{t("destination")}</Label>
          <Input
            id="wi-dest"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            placeholder={t("destinationPlaceholder")}
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor="wi-kg">{t("weight")}</Label>
          <Input
            id="wi-kg"
            inputMode="decimal"
            value={kg}
            onChange={(e) => setKg(e.target.value)}
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor="wi-value">{t("value")}</Label>
          <Input
            id="wi-value"
            inputMode="decimal"
            value={yuan}
            onChange={(e) => setYuan(e.target.value)}
          />
        </div>
        <div className="col-span-2 space-y-1">
          <Label htmlFor="wi-l">{t("dims")}</Label>
          <div className="flex gap-1">
            {(["l", "w", "h"] as const).map((k, i) => (
              <Input
                key={k}
                id={i === 0 ? "wi-l" : undefined}
                aria-label={t(`dim.${k}`)}
                placeholder={t(`dim.${k}`)}
                inputMode="numeric"
                value={dims[i]}
                onChange={(e) => setDims((d) => d.map((x, j) => (j === i ? e.target.value : x)))}
              />
            ))}
          </div>
        </div>
        <fieldset className="col-span-2 sm:col-span-4">
          <legend className="mb-1 text-xs font-medium text-slate-700">{t("goods")}</legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {ATTRIBUTES.map((a) => (
              <label key={a} className="inline-flex items-center gap-1 text-xs text-slate-700">
                <input
                  type="checkbox"
                  className="size-3.5 accent-blue-600"
                  checked={attrs.includes(a)}
                  onChange={(e) =>
                    setAttrs((x) => (e.target.checked ? [...x, a] : x.filter((v) => v !== a)))
                  }
                />
                {tAttr(a)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="col-span-2 flex items-center gap-2 sm:col-span-4">
          <Button type="submit" disabled={result.isFetching}>
            {result.isFetching ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
            {t("run")}
          </Button>
          {formError ? <span className="text-xs text-red-700">{formError}</span> : null}
        </div>
      </form>
      <div className="mt-3" aria-live="polite">
        {result.error ? (
          <p className="text-sm text-red-700">{describeError(tAll, result.error)}</p>
        ) : result.data ? (
          <>
            <p className="mb-2 text-xs text-slate-600">
              {t("route", { from: result.data.origin.label, to: result.data.destination.label })}
            </p>
            <AssignmentExplanation assignment={result.data.result} showRules />
          </>
        ) : null}
      </div>
    </section>
  );
}
