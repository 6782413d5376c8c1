"use client";

import { keepPreviousData, skipToken, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { CheckCircle2, ChevronDown, ChevronRight, CircleAlert, Settings2 } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Fragment, useEffect, useState } from "react";
import { RegionPicker } from "@/components/regions/region-picker";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FieldError, Input, Label, NativeSelect } from "@/components/ui/input";
import { Th } from "@/components/ui/table";
import {
  cmToMm,
  gToKg,
  kgToG,
  yuanToFen,
  type FreightOutputs,
} from "../../settings/freight/_components/units";
import { WAREHOUSE_COOKIE } from "./warehouse-cookie";

type Calculation = FreightOutputs["calculate"];

type Quote = NonNullable<Calculation["result"]>["quotes"][number];

/** Waits until typing pauses before asking the server (an address is parsed on every change). */
function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return current;
}

type Parsed<T> = { ok: true; value: T } | { ok: false };
const parse = (
  text: string,
  fn: (s: string) => number | null,
  optional: boolean,
): Parsed<number | undefined> => {
  if (text.trim() === "") return optional ? { ok: true, value: undefined } : { ok: false };
  const n = fn(text);
  return n === null ? { ok: false } : { ok: true, value: n };
};

/**
 * The freight calculator: ship-from warehouse, destination (address text parsed as you type, or
 * the region picker), weight, size and declared value → every enabled courier's quote side by
 * side, cheapest first, each with its breakdown.
 */
export function FreightCalculator({
  canEditTemplates,
  savedWarehouseId,
}: {
  canEditTemplates: boolean;
  savedWarehouseId?: string;
}) {
  const t = useTranslations("freight.calculator");
  const tf = useTranslations("freight");
  const format = useFormatter();
  const locale = useLocale();
  const en = locale === "en";
  const trpc = useTRPC();
  const { data: warehouses } = useSuspenseQuery(trpc.shops.warehouses.queryOptions());
  const active = warehouses.filter((w) => w.active);
  const [warehouseId, setWarehouseId] = useState(
    active.find((w) => w.id === savedWarehouseId)?.id ?? active[0]?.id ?? "",
  );
  const [mode, setMode] = useState<"address" | "region">("address");
  const [address, setAddress] = useState("");
  const [regionCode, setRegionCode] = useState("");
  const [weightKg, setWeightKg] = useState("1");
  const [lengthCm, setLengthCm] = useState("");
  const [widthCm, setWidthCm] = useState("");
  const [heightCm, setHeightCm] = useState("");
  const [declared, setDeclared] = useState("");
  const [open, setOpen] = useState<Set<string>>(new Set());

  const warehouse = warehouses.find((w) => w.id === warehouseId);
  const originCode = warehouse ? (warehouse.countyCode ?? warehouse.cityCode) : "";
  const debouncedAddress = useDebounced(address.trim(), 250);

  const weight = parse(weightKg, kgToG, false);
  const dims = [lengthCm, widthCm, heightCm].map((d) => parse(d, cmToMm, true));
  const dimsGiven = [lengthCm, widthCm, heightCm].filter((d) => d.trim() !== "").length;
  const dimsOk = dims.every((d) => d.ok) && (dimsGiven === 0 || dimsGiven === 3);
  const value = parse(declared, yuanToFen, true);
  const destination =
    mode === "address"
      ? debouncedAddress
        ? { address: debouncedAddress }
        : null
      : regionCode
        ? { code: regionCode }
        : null;

  const input =
    originCode && destination && weight.ok && dimsOk && value.ok
      ? {
          originCode,
          destination,
          weightG: weight.value!,
          ...(dimsGiven === 3
            ? {
                lengthMm: (dims[0] as { value: number }).value,
                widthMm: (dims[1] as { value: number }).value,
                heightMm: (dims[2] as { value: number }).value,
              }
            : {}),
          ...(value.value ? { declaredValueFen: value.value } : {}),
        }
      : null;
  const calc = useQuery({
    ...trpc.freight.calculate.queryOptions(input ?? skipToken),
    placeholderData: keepPreviousData,
  });
  const data = input ? calc.data : undefined;
  const result = data?.result ?? null;

  const fen = (n: number) => format.number(n / 100, { style: "currency", currency: "CNY" });
  const kg = (g: number) => `${gToKg(g)} kg`;
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allOpen =
    !!result && result.quotes.length > 0 && result.quotes.every((q) => open.has(q.templateId));
  const courier = (q: Pick<Quote, "account">) =>
    en ? q.account.courierNameEn : q.account.courierNameZh;

  return (
    <div className="grid gap-4 xl:grid-cols-[22rem_1fr]">
      <form
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 xl:self-start"
        aria-label={t("formLabel")}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="calc-origin">{t("origin")}</Label>
          <NativeSelect
            id="calc-origin"
            value={warehouseId}
            onChange={(e) => {
              setWarehouseId(e.target.value);
              document.cookie = `${WAREHOUSE_COOKIE}=${encodeURIComponent(e.target.value)}; path=/freight; max-age=31536000; samesite=lax`;
            }}
          >
            {active.length === 0 ? <option value="">{t("noWarehouse")}</option> : null}
            {active.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name} · {w.regionText}
              </option>
            ))}
          </NativeSelect>
        </div>

        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 flex w-full items-center justify-between text-xs font-medium text-slate-700">
            {t("destination")}
            <span className="flex gap-3 font-normal">
              {(["address", "region"] as const).map((m) => (
                <label key={m} className="flex items-center gap-1">
                  <input
                    type="radio"
                    name="calc-mode"
                    checked={mode === m}
                    onChange={() => setMode(m)}
                  />
                  {t(m === "address" ? "byAddress" : "byRegion")}
                </label>
              ))}
            </span>
          </legend>
          {mode === "address" ? (
            <>
              <Input
                id="calc-address"
                autoFocus
                autoComplete="off"
                aria-label={t("address")}
                aria-describedby="calc-address-result"
                placeholder={t("addressPlaceholder")}
                value={address}
                onChange={(e) => setAddress(e.target.value)}
              />
              <div id="calc-address-result" aria-live="polite" className="min-h-5 text-xs">
                {address.trim() && data?.destination.ok ? (
                  <span
                    className="flex items-center gap-1 text-emerald-700"
                    data-testid="calc-destination"
                  >
                    <CheckCircle2 className="size-3.5" aria-hidden />
                    {data.destination.label}
                  </span>
                ) : null}
                {address.trim() && data && !data.destination.ok ? (
                  <div className="flex flex-col gap-1 text-red-700">
                    <span className="flex items-center gap-1">
                      <CircleAlert className="size-3.5" aria-hidden />
                      {t("addressUnknown")}
                    </span>
                    {data.destination.suggestions.length ? (
                      <span className="flex flex-wrap items-center gap-1 text-slate-600">
                        {t("didYouMean")}
                        {data.destination.suggestions.map((s) => (
                          <button
                            key={s}
                            type="button"
                            className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-800 hover:bg-slate-200"
                            onClick={() => setAddress(s)}
                          >
                            {s}
                          </button>
                        ))}
                      </span>
                    ) : null}
                  </div>
                ) : null}
              </div>
            </>
          ) : (
            <RegionPicker
              id="calc-region"
              value={regionCode}
              onChange={(code) => setRegionCode(code)}
            />
          )}
        </fieldset>

        <div className="flex flex-col gap-1">
          <Label htmlFor="calc-weight">{t("weight")}</Label>
          <div className="flex items-center gap-1">
            <Input
              id="calc-weight"
              inputMode="decimal"
              autoComplete="off"
              className="w-28 text-right tabular-nums"
              aria-invalid={!weight.ok || undefined}
              value={weightKg}
              onChange={(e) => setWeightKg(e.target.value)}
            />
            <span className="text-xs text-slate-500">kg</span>
          </div>
          <FieldError>{weight.ok ? undefined : t("weightInvalid")}</FieldError>
        </div>

        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-xs font-medium text-slate-700">{t("size")}</legend>
          <div className="flex items-center gap-1">
            {(
              [
                ["calc-length", t("length"), lengthCm, setLengthCm],
                ["calc-width", t("width"), widthCm, setWidthCm],
                ["calc-height", t("height"), heightCm, setHeightCm],
              ] as const
            ).map(([id, label, v, setV], i) => (
              <Fragment key={id}>
                {i > 0 ? <span className="text-slate-400">×</span> : null}
                <Input
                  id={id}
                  inputMode="decimal"
                  autoComplete="off"
                  aria-label={label}
                  placeholder={label}
                  className="w-20 text-right tabular-nums"
                  aria-invalid={(!dimsOk && v.trim() === "") || !dims[i]!.ok || undefined}
                  value={v}
                  onChange={(e) => setV(e.target.value)}
                />
              </Fragment>
            ))}
            <span className="text-xs text-slate-500">cm</span>
          </div>
          <FieldError>{dimsOk ? undefined : t("sizeInvalid")}</FieldError>
        </fieldset>

        <div className="flex flex-col gap-1">
          <Label htmlFor="calc-value">{t("declaredValue")}</Label>
          <div className="flex items-center gap-1">
            <Input
              id="calc-value"
              inputMode="decimal"
              autoComplete="off"
              placeholder="0"
              className="w-28 text-right tabular-nums"
              aria-invalid={!value.ok || undefined}
              value={declared}
              onChange={(e) => setDeclared(e.target.value)}
            />
            <span className="text-xs text-slate-500">{tf("units.yuan")}</span>
          </div>
          <p className="text-[11px] text-slate-500">{t("declaredHint")}</p>
          <FieldError>{value.ok ? undefined : t("amountInvalid")}</FieldError>
        </div>
      </form>

      <section
        className="flex min-w-0 flex-col gap-3"
        aria-labelledby="calc-results-heading"
        aria-busy={calc.isFetching || undefined}
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="calc-results-heading" className="text-sm font-semibold text-slate-900">
            {result
              ? t("resultsFor", {
                  origin: result.origin.label,
                  destination: result.destination.label,
                })
              : t("results")}
          </h2>
          <div className="flex items-center gap-2">
            {result && result.quotes.length > 0 ? (
              <Button
                variant="ghost"
                size="sm"
                onClick={() =>
                  setOpen(allOpen ? new Set() : new Set(result.quotes.map((q) => q.templateId)))
                }
              >
                {allOpen ? t("collapseAll") : t("expandAll")}
              </Button>
            ) : null}
            {canEditTemplates ? (
              <Button asChild variant="ghost" size="sm">
                <Link href="/settings/freight">
                  <Settings2 aria-hidden />
                  {t("editTemplates")}
                </Link>
              </Button>
            ) : null}
          </div>
        </div>

        {!input ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-500">
            {t("prompt")}
          </p>
        ) : null}
        {input && calc.isError ? (
          <p role="alert" className="text-sm text-red-700">
            {t("failed")}
          </p>
        ) : null}
        {result && result.quotes.length === 0 && result.unavailable.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-500">
            {t("noTemplates")}
          </p>
        ) : null}

        {result && result.quotes.length > 0 ? (
          <div
            className={cn(
              "overflow-x-auto rounded-md border border-slate-200 bg-white transition-opacity",
              calc.isFetching && calc.isPlaceholderData && "opacity-60",
            )}
          >
            <table className="w-full border-collapse text-sm" data-testid="quotes-table">
              <thead>
                <tr>
                  <Th className="w-8">#</Th>
                  <Th>{t("courier")}</Th>
                  <Th>{t("zone")}</Th>
                  <Th className="text-right whitespace-nowrap">{t("chargeable")}</Th>
                  <Th className="text-right whitespace-nowrap">{t("transit")}</Th>
                  <Th className="text-right whitespace-nowrap">{t("total")}</Th>
                  <Th className="w-24">
                    <span className="sr-only">{t("breakdown")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {result.quotes.map((q, i) => {
                  const expanded = open.has(q.templateId);
                  const rowId = `quote-lines-${q.templateId}`;
                  return (
                    <Fragment key={q.templateId}>
                      <tr
                        data-testid={`quote-${q.account.id}`}
                        className={cn(i === 0 && "bg-emerald-50/60")}
                      >
                        <td className="border-b border-slate-100 px-3 py-2 text-xs text-slate-500 tabular-nums">
                          {i + 1}
                        </td>
                        <td className="border-b border-slate-100 px-3 py-2">
                          <div className="flex flex-wrap items-center gap-1.5">
                            <span className="font-medium">{courier(q)}</span>
                            {i === 0 ? <Badge tone="green">{t("cheapest")}</Badge> : null}
                            {q.isExample ? <Badge tone="amber">{tf("exampleBadge")}</Badge> : null}
                          </div>
                          <div className="text-xs text-slate-500">
                            {q.account.name} · {q.templateName}
                          </div>
                        </td>
                        <td className="border-b border-slate-100 px-3 py-2 text-xs text-slate-600">
                          {/* Break at the arrow, not inside a region name. */}
                          <span className="whitespace-nowrap">{q.zone.originLabel}</span> →{" "}
                          <span className="whitespace-nowrap">{q.zone.destinationLabel}</span>
                        </td>
                        <td className="border-b border-slate-100 px-3 py-2 text-right text-xs whitespace-nowrap tabular-nums">
                          {kg(q.chargeableWeightG)}
                          {q.billedBy === "volumetric" ? (
                            <div className="text-[11px] text-amber-700">{t("volumetric")}</div>
                          ) : null}
                        </td>
                        <td className="border-b border-slate-100 px-3 py-2 text-right text-xs whitespace-nowrap tabular-nums">
                          {q.transitDays === null ? "—" : t("days", { count: q.transitDays })}
                        </td>
                        <td
                          className="border-b border-slate-100 px-3 py-2 text-right text-base font-semibold whitespace-nowrap tabular-nums"
                          data-testid={`quote-total-${q.account.id}`}
                        >
                          {fen(q.totalFen)}
                        </td>
                        <td className="border-b border-slate-100 px-2 py-2 text-right">
                          <Button
                            variant="ghost"
                            size="sm"
                            aria-expanded={expanded}
                            aria-controls={rowId}
                            aria-label={t("breakdownFor", { courier: courier(q) })}
                            onClick={() => toggle(q.templateId)}
                          >
                            {expanded ? <ChevronDown aria-hidden /> : <ChevronRight aria-hidden />}
                            {t("breakdown")}
                          </Button>
                        </td>
                      </tr>
                      {expanded ? (
                        <tr id={rowId} className="bg-slate-50">
                          <td />
                          <td colSpan={6} className="border-b border-slate-200 px-3 py-2">
                            <ul
                              className="flex max-w-xl flex-col gap-0.5 text-xs"
                              data-testid={`quote-breakdown-${q.account.id}`}
                            >
                              {q.lines.map((l, k) => (
                                <li key={k} className="flex justify-between gap-4">
                                  <span className={cn(l.amountFen === 0 && "text-slate-500")}>
                                    {en ? l.labelEn : l.labelZh}
                                  </span>
                                  <span className="tabular-nums">
                                    {l.amountFen === 0 && l.kind === "volumetric_note"
                                      ? ""
                                      : fen(l.amountFen)}
                                  </span>
                                </li>
                              ))}
                              <li className="mt-1 flex justify-between gap-4 border-t border-slate-200 pt-1 font-semibold">
                                <span>{t("total")}</span>
                                <span className="tabular-nums">{fen(q.totalFen)}</span>
                              </li>
                              <li className="mt-1 text-slate-500">
                                {t("zoneNote", {
                                  row: q.zone.index + 1,
                                  level: t(`levels.${q.zone.matchedLevel}`),
                                })}
                                {q.remote ? ` · ${t("remoteNote")}` : ""}
                              </li>
                            </ul>
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}

        {result && result.unavailable.length > 0 ? (
          <div className="rounded-md border border-slate-200 bg-white p-3">
            <h3 className="mb-1 text-xs font-semibold text-slate-700">{t("unavailable")}</h3>
            <ul className="flex flex-col gap-1 text-xs" data-testid="quotes-unavailable">
              {result.unavailable.map((u) => (
                <li key={u.templateId} className="flex flex-wrap gap-x-2">
                  <span className="font-medium text-slate-800">{courier(u)}</span>
                  <span className="text-slate-500">{u.account.name}</span>
                  <span className="text-slate-700">{en ? u.message : u.messageZh}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {result?.quotes.some((q) => q.isExample) ? (
          <p className="text-xs text-amber-800">{tf("exampleNotice")}</p>
        ) : null}
      </section>
    </div>
  );
}
