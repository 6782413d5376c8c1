"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { NativeSelect } from "@/components/ui/input";

const stale = { staleTime: Infinity, gcTime: Infinity };

/** Province names without the administrative suffix, for a dense grid: "内蒙古", "广西", "北京". */
export function shortProvince(name: string): string {
  return name
    .replace(/(维吾尔|壮族|回族)?自治区$/, "")
    .replace(/(省|市)$/, "")
    .replace(/特别行政区$/, "");
}

/**
 * Chooses a list of regions: provinces by checkbox (江浙沪 is three clicks), cities and counties
 * through province → city → county selects. `labels` names the codes already chosen; the editor
 * reports the names of what it adds so the caller can show them.
 */
export function RegionCodesEditor({
  idPrefix,
  codes,
  labels,
  onChange,
  invalid,
}: {
  idPrefix: string;
  codes: string[];
  labels: Record<string, string>;
  onChange: (codes: string[], labels: Record<string, string>) => void;
  invalid?: boolean;
}) {
  const t = useTranslations("freight.regions");
  const trpc = useTRPC();
  const provinces = useQuery({ ...trpc.shops.regions.queryOptions({}), ...stale });
  const [province, setProvince] = useState("");
  const [city, setCity] = useState("");
  const [county, setCounty] = useState("");
  const cities = useQuery({
    ...trpc.shops.regions.queryOptions(province ? { parent: province } : skipToken),
    ...stale,
  });
  const counties = useQuery({
    ...trpc.shops.regions.queryOptions(city ? { parent: city } : skipToken),
    ...stale,
  });

  const chosen = new Set(codes);
  const provinceCodes = new Set(provinces.data?.map((p) => p.code));
  const others = codes.filter((c) => !provinceCodes.has(c));
  const nameOf = (code: string) =>
    labels[code] ?? provinces.data?.find((p) => p.code === code)?.name ?? code;

  function toggleProvince(code: string, name: string) {
    if (chosen.has(code))
      onChange(
        codes.filter((c) => c !== code),
        {},
      );
    else onChange([...codes, code], { [code]: name });
  }

  function addDeepest() {
    const p = provinces.data?.find((r) => r.code === province);
    const c = cities.data?.find((r) => r.code === city);
    const k = counties.data?.find((r) => r.code === county);
    const pick = k ?? c;
    if (!pick || chosen.has(pick.code)) return;
    const label = [p?.name, c?.name, k?.name].filter(Boolean).join(" ");
    onChange([...codes, pick.code], { [pick.code]: label });
    setCounty("");
  }

  return (
    <div className="flex flex-col gap-3">
      <fieldset
        className={cn(
          "rounded-md border border-slate-200 p-2",
          invalid && chosen.size === 0 && "border-red-500",
        )}
      >
        <legend className="px-1 text-xs font-medium text-slate-700">{t("provinces")}</legend>
        <div className="grid grid-cols-4 gap-x-2 gap-y-1 sm:grid-cols-6 lg:grid-cols-8">
          {provinces.data?.map((p) => (
            <label
              key={p.code}
              className="flex items-center gap-1.5 text-xs text-slate-800"
              title={p.name}
            >
              <input
                type="checkbox"
                className="size-3.5"
                checked={chosen.has(p.code)}
                onChange={() => toggleProvince(p.code, p.name)}
                data-code={p.code}
              />
              {shortProvince(p.name)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-700">{t("addCity")}</span>
        <div className="flex flex-wrap items-center gap-2">
          <NativeSelect
            id={`${idPrefix}-province`}
            aria-label={t("province")}
            value={province}
            onChange={(e) => {
              setProvince(e.target.value);
              setCity("");
              setCounty("");
            }}
          >
            <option value="">{t("chooseProvince")}</option>
            {provinces.data?.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            aria-label={t("city")}
            value={city}
            disabled={!province}
            onChange={(e) => {
              setCity(e.target.value);
              setCounty("");
            }}
          >
            <option value="">{t("chooseCity")}</option>
            {cities.data?.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            aria-label={t("county")}
            value={county}
            disabled={!city || counties.data?.length === 0}
            onChange={(e) => setCounty(e.target.value)}
          >
            <option value="">{t("wholeCity")}</option>
            {counties.data?.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </NativeSelect>
          <Button type="button" variant="secondary" size="sm" disabled={!city} onClick={addDeepest}>
            <Plus aria-hidden />
            {t("add")}
          </Button>
        </div>
      </div>
      {others.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={t("citiesChosen")}>
          {others.map((code) => (
            <li
              key={code}
              className="inline-flex items-center gap-1 rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-800 ring-1 ring-blue-200"
            >
              {nameOf(code)}
              <button
                type="button"
                className="rounded text-blue-700 hover:bg-blue-100"
                aria-label={t("remove", { name: nameOf(code) })}
                onClick={() =>
                  onChange(
                    codes.filter((c) => c !== code),
                    {},
                  )
                }
              >
                <X className="size-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-[11px] text-slate-500">{t("count", { count: codes.length })}</p>
    </div>
  );
}
