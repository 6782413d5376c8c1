"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState, type Ref } from "react";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/components/ui/cn";
import { NativeSelect } from "@/components/ui/input";

type Selection = { province: string; city: string; county: string; value: string };

/** GB/T 2260 codes carry their parents: 330110 → province 330000, city 330100. */
function selectionOf(code: string): Selection {
  if (!/^\d{6}$/.test(code)) return { province: "", city: "", county: "", value: "" };
  const province = `${code.slice(0, 2)}0000`;
  const city = `${code.slice(0, 4)}00`;
  if (code === province) return { province, city: "", county: "", value: code };
  if (code === city) return { province, city, county: "", value: code };
  return { province, city, county: code, value: code };
}

const regionsStale = { staleTime: Infinity, gcTime: Infinity };

/**
 * Province → city → county selects. `value` is the county code, or the city code for cities
 * without counties (东莞, 中山, 嘉峪关…); it is "" while the choice is incomplete. `onChange` also
 * gets the region text ("浙江省 杭州市 余杭区") for display.
 */
export function RegionPicker({
  id,
  ref,
  value,
  onChange,
  invalid,
  disabled,
  describedBy,
  className,
}: {
  /** id of the province select, so a `<Label htmlFor>` focuses it. */
  id?: string;
  /** Lands on the province select (react-hook-form focuses it on a validation error). */
  ref?: Ref<HTMLSelectElement>;
  value: string;
  onChange: (code: string, text: string) => void;
  invalid?: boolean;
  disabled?: boolean;
  describedBy?: string;
  className?: string;
}) {
  const t = useTranslations("regions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sel, setSel] = useState<Selection>(() => selectionOf(value));
  // Follow the value when the parent changes it (another record, a reset), not when it echoes ours.
  if (value !== sel.value) setSel(selectionOf(value));
  const latestCity = useRef(sel.city);

  const provinces = useQuery({ ...trpc.shops.regions.queryOptions({}), ...regionsStale });
  const cities = useQuery({
    ...trpc.shops.regions.queryOptions(sel.province ? { parent: sel.province } : skipToken),
    ...regionsStale,
  });
  const { city, county } = sel;
  const counties = useQuery({
    ...trpc.shops.regions.queryOptions(city ? { parent: city } : skipToken),
    ...regionsStale,
  });
  const noCounties = !!city && counties.data?.length === 0;

  const nameIn = (list: { code: string; name: string }[] | undefined, code: string) =>
    list?.find((r) => r.code === code)?.name;
  const textOf = (cityCode: string, countyCode: string) =>
    [
      nameIn(provinces.data, sel.province),
      nameIn(cities.data, cityCode),
      nameIn(counties.data, countyCode),
    ]
      .filter(Boolean)
      .join(" ");

  function selectProvince(code: string) {
    latestCity.current = "";
    setSel({ province: code, city: "", county: "", value: "" });
    onChange("", "");
  }

  async function selectCity(code: string) {
    latestCity.current = code;
    setSel({ province: sel.province, city: code, county: "", value: "" });
    onChange("", "");
    if (!code) return;
    const children = await queryClient.fetchQuery({
      ...trpc.shops.regions.queryOptions({ parent: code }),
      ...regionsStale,
    });
    if (children.length > 0 || latestCity.current !== code) return;
    setSel((s) => (s.city === code ? { ...s, value: code } : s));
    onChange(code, [nameIn(provinces.data, sel.province), nameIn(cities.data, code)].join(" "));
  }

  function selectCounty(code: string) {
    setSel({ ...sel, city, county: code, value: code });
    onChange(code, code ? textOf(city, code) : "");
  }

  const selectClass = "w-full min-w-0 aria-invalid:border-red-500";
  const placeholder = (loading: boolean, label: string) => (
    <option value="">{loading ? t("loading") : label}</option>
  );

  return (
    <div className={cn("grid grid-cols-3 gap-2", className)}>
      <NativeSelect
        id={id}
        ref={ref}
        aria-label={t("province")}
        aria-invalid={invalid && !sel.province ? true : undefined}
        aria-describedby={describedBy}
        className={selectClass}
        disabled={disabled}
        value={sel.province}
        onChange={(e) => selectProvince(e.target.value)}
      >
        {placeholder(provinces.isPending, t("chooseProvince"))}
        {provinces.data?.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        id={id ? `${id}-city` : undefined}
        aria-label={t("city")}
        aria-invalid={invalid && !!sel.province && !city ? true : undefined}
        aria-describedby={describedBy}
        className={selectClass}
        disabled={disabled || !sel.province}
        value={city}
        onChange={(e) => void selectCity(e.target.value)}
      >
        {placeholder(!!sel.province && cities.isPending, t("chooseCity"))}
        {cities.data?.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        id={id ? `${id}-county` : undefined}
        aria-label={t("county")}
        aria-invalid={invalid && !!city && !county && !noCounties ? true : undefined}
        aria-describedby={describedBy}
        className={selectClass}
        disabled={disabled || !city || noCounties}
        value={county}
        onChange={(e) => selectCounty(e.target.value)}
      >
        {noCounties ? (
          <option value="">{t("noCounty")}</option>
        ) : (
          placeholder(!!city && counties.isPending, t("chooseCounty"))
        )}
        {counties.data?.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
