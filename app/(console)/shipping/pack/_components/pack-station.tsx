"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import {
  AlertOctagon,
  CheckCircle2,
  Circle,
  Info,
  Loader2,
  MessageSquareText,
  PackageCheck,
  PauseCircle,
  RotateCcw,
  ScanBarcode,
  Undo2,
  Volume2,
  VolumeX,
} from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import {
  boxPresets,
  estimatedWeightG,
  initialPackSession,
  looksLikeScan,
  packLines,
  packReducer,
  packStep,
  parcelCode,
  progress,
  scansPayload,
  validateMeasure,
  type MeasureError,
  type MeasureField,
  type MeasureInput,
  type PackAction,
  type PackParcel,
  type PackSession,
  type PackStep,
} from "@/components/shipping/pack-session";
import { playTone, type Tone } from "@/components/shipping/tones";
import { ParcelStatusBadge } from "@/components/status/status-badge";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Label } from "@/components/ui/input";
import type { ParcelStatus } from "@/db/schema/orders";
import type { AppRouter } from "@/server/trpc/routers/_app";
import type { ScanParcel } from "../../_components/types";

type Banner = { tone: "error" | "success" | "info"; title: string; detail?: string; seq: number };
type LogEntry = { seq: number; at: Date; code: string; ok: boolean; text: string; name?: string };

const measureFields: MeasureField[] = ["weightG", "lengthMm", "widthMm", "heightMm"];
const emptyMeasure: MeasureInput = { weightG: "", lengthMm: "", widthMm: "", heightMm: "" };
const steps: PackStep[] = ["scanOrder", "scanItems", "measure"];

/**
 * The pack station: one scan field a barcode scanner types into (ending with Enter). Scan the order
 * slip, then every item; a wrong or extra item is refused loudly and not counted. When every line
 * is complete, weigh and measure, and Enter packs the parcel.
 */
export function PackStation({ initialCode }: { initialCode?: string }) {
  const t = useTranslations("shipping.pack");
  const tAll = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  const [session, setSession] = useState<PackSession>(initialPackSession);
  const sessionRef = useRef(session);
  const [candidates, setCandidates] = useState<ScanParcel[]>([]);
  const [banner, setBanner] = useState<Banner | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [packed, setPacked] = useState<{ id: number; weightG: number; at: Date }[]>([]);
  const [looking, setLooking] = useState(false);
  const [measure, setMeasure] = useState<MeasureInput>(emptyMeasure);
  const [measureErrors, setMeasureErrors] = useState<Partial<Record<MeasureField, MeasureError>>>(
    {},
  );
  const [sound, setSound] = useState(true);
  const [flash, setFlash] = useState<{ tone: "ok" | "error"; code?: string; seq: number } | null>(
    null,
  );
  const seq = useRef(0);
  const scanRef = useRef<HTMLInputElement>(null);
  const itemsRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const fieldRefs = useRef<Partial<Record<MeasureField, HTMLInputElement | null>>>({});

  const step = packStep(session);
  const lines = packLines(session);
  const prog = progress(session);
  const parcel = session.parcel;

  const beep = useCallback((tone: Tone) => sound && playTone(tone), [sound]);
  const say = (tone: Banner["tone"], title: string, detail?: string) =>
    setBanner({ tone, title, detail, seq: ++seq.current });
  const record = (code: string, ok: boolean, text: string, name?: string) =>
    setLog((l) =>
      [{ seq: ++seq.current, at: new Date(), code, ok, text, name }, ...l].slice(0, 12),
    );
  const lineName = (s: PackSession, code: string) =>
    packLines(s).find((l) => l.code === code)?.name ?? code;

  function apply(action: PackAction) {
    const prev = sessionRef.current;
    const next = packReducer(prev, action);
    if (next === prev) return next;
    sessionRef.current = next;
    setSession(next);
    const f = next.feedback;
    if (!f) return next;
    const p = next.parcel;
    switch (f.kind) {
      case "ok": {
        const name = lineName(next, f.code);
        const done = packStep(next) === "measure";
        beep(done ? "done" : "ok");
        setFlash({ tone: "ok", code: f.code, seq: next.seq });
        record(f.code, true, `✓ ${f.scanned}/${f.expected}`, name);
        if (done) say("success", t("banner.allScanned"), t("banner.allScannedDetail"));
        else say("success", t("banner.ok", { name, scanned: f.scanned, expected: f.expected }));
        break;
      }
      case "wrong":
        beep("error");
        setFlash({ tone: "error", seq: next.seq });
        record(f.code, false, t("log.wrong"));
        say(
          "error",
          t("banner.wrongTitle", { code: f.code }),
          t("banner.wrongDetail", { parcel: p ? parcelCode(p.id) : "" }),
        );
        break;
      case "extra": {
        const name = lineName(next, f.code);
        beep("error");
        setFlash({ tone: "error", code: f.code, seq: next.seq });
        record(f.code, false, t("log.extra"));
        say(
          "error",
          t("banner.extraTitle", { name, code: f.code }),
          t("banner.extraDetail", { expected: f.expected }),
        );
        break;
      }
      case "undo":
        record(f.code, true, t("log.undo"));
        say("info", t("banner.undo", { name: lineName(next, f.code), code: f.code }));
        break;
      case "nothingToUndo":
        say("info", t("banner.nothingToUndo"));
        break;
      case "sameParcel":
        say("info", t("banner.sameParcel", { code: f.code }));
        break;
      case "blocked":
        beep("error");
        setFlash({ tone: "error", seq: next.seq });
        if (p?.held) say("error", t("banner.heldTitle"), p.holdReason ?? undefined);
        else say("error", t("banner.notAwaiting", { parcel: p ? parcelCode(p.id) : "" }));
        break;
    }
    return next;
  }

  function load(p: PackParcel, all: readonly PackParcel[]) {
    apply({ type: "load", parcel: p });
    setMeasure(emptyMeasure);
    setMeasureErrors({});
    const others = all.filter((o) => o.id !== p.id && o.status === "AWAITING_PACK" && !o.held);
    record(parcelCode(p.id), !p.held && p.status === "AWAITING_PACK", t("log.loaded"));
    if (p.held) {
      beep("error");
      setFlash({ tone: "error", seq: ++seq.current });
      say("error", t("banner.heldTitle"), p.holdReason ?? undefined);
    } else if (p.status !== "AWAITING_PACK") {
      beep("error");
      say("error", t("banner.notAwaiting", { parcel: parcelCode(p.id) }));
    } else {
      beep("ok");
      const units = p.items.reduce((s, i) => s + i.quantity, 0);
      say(
        "info",
        t("banner.loaded", { parcel: parcelCode(p.id), units }),
        others.length > 0 ? t("banner.moreParcels", { n: all.length }) : undefined,
      );
    }
  }

  async function lookup(code: string) {
    setLooking(true);
    try {
      const parcels = await queryClient.fetchQuery({
        ...trpc.shipping.scan.queryOptions({ code }),
        staleTime: 0,
      });
      const pick =
        parcels.find((p) => p.status === "AWAITING_PACK" && !p.held) ??
        parcels.find((p) => p.status === "AWAITING_PACK") ??
        parcels[0];
      setCandidates(parcels);
      if (pick) load(pick, parcels);
    } catch (error) {
      // Whatever was on the bench (a held or packed parcel) is not what the packer wants now.
      const cleared = packReducer(sessionRef.current, { type: "reset" });
      sessionRef.current = cleared;
      setSession(cleared);
      setCandidates([]);
      beep("error");
      setFlash({ tone: "error", seq: ++seq.current });
      record(code, false, t("log.notFound"));
      if (
        error instanceof TRPCClientError &&
        (error as TRPCClientError<AppRouter>).data?.code === "NOT_FOUND"
      ) {
        say("error", t("banner.notFoundTitle", { code }), t("banner.notFoundDetail"));
      } else {
        say("error", t("banner.lookupFailed", { code }), describeError(tAll, error));
      }
    } finally {
      setLooking(false);
    }
  }

  function switchTo(index: number) {
    const target = candidates[index];
    if (!target) return;
    if (sessionRef.current.history.length > 0) {
      beep("error");
      say("error", t("banner.switchRefused"));
      return;
    }
    load(target, candidates);
  }

  function resetOrder() {
    apply({ type: "reset" });
    setCandidates([]);
    setMeasure(emptyMeasure);
    setMeasureErrors({});
    say("info", t("banner.cleared"));
  }

  function undo() {
    const s = sessionRef.current;
    if (s.history.length > 0) apply({ type: "undo" });
    else if (s.parcel) resetOrder();
  }

  function handleCode(raw: string) {
    const code = raw.trim();
    if (!code) return;
    if (looking) {
      say("info", t("banner.busy"));
      return;
    }
    const s = sessionRef.current;
    if (s.parcel && candidates.length > 1 && /^[1-9]$/.test(code)) {
      switchTo(Number(code) - 1);
      return;
    }
    const current = packStep(s);
    if (current === "scanOrder" || current === "blocked") void lookup(code);
    else apply({ type: "scan", code });
  }

  const pack = useMutation(trpc.shipping.pack.mutationOptions());

  function onPacked(vars: {
    id: number;
    weightG: number;
    lengthMm: number;
    widthMm: number;
    heightMm: number;
  }) {
    beep("done");
    setPacked((list) => [{ id: vars.id, weightG: vars.weightG, at: new Date() }, ...list]);
    record(parcelCode(vars.id), true, t("log.packed"));
    const others = candidates.filter(
      (c) => c.id !== vars.id && c.status === "AWAITING_PACK" && !c.held,
    );
    say(
      "success",
      t("banner.packedTitle", { parcel: parcelCode(vars.id) }),
      t("banner.packedDetail", {
        weight: format.number(vars.weightG),
        l: vars.lengthMm,
        w: vars.widthMm,
        h: vars.heightMm,
        next:
          others.length > 0
            ? t("banner.packedMore", {
                parcels: format.list(others.map((o) => parcelCode(o.id))),
              })
            : t("banner.packedNext"),
      }),
    );
    const next = packReducer(sessionRef.current, { type: "reset" });
    sessionRef.current = next;
    setSession(next);
    setCandidates([]);
    setMeasure(emptyMeasure);
    setMeasureErrors({});
    void queryClient.invalidateQueries(trpc.shipping.pathFilter());
    void queryClient.invalidateQueries(trpc.orders.pathFilter());
  }

  function submitPack() {
    const s = sessionRef.current;
    if (!s.parcel || packStep(s) !== "measure" || pack.isPending) return;
    const v = validateMeasure(measure);
    if (!v.ok) {
      setMeasureErrors(v.errors);
      const first = measureFields.find((f) => v.errors[f]);
      if (first) fieldRefs.current[first]?.focus();
      beep("error");
      return;
    }
    pack.mutate(
      { id: s.parcel.id, ...v.value, scans: scansPayload(s) },
      {
        onSuccess: (_r, vars) => onPacked(vars),
        onError: (error) => {
          beep("error");
          setFlash({ tone: "error", seq: ++seq.current });
          say("error", t("banner.packFailed"), describeError(tAll, error));
        },
      },
    );
  }

  function applyPreset(index: number) {
    const preset = boxPresets[index];
    if (!preset || packStep(sessionRef.current) !== "measure") return;
    const next = {
      ...measure,
      lengthMm: String(preset.lengthMm),
      widthMm: String(preset.widthMm),
      heightMm: String(preset.heightMm),
    };
    setMeasure(next);
    setMeasureErrors((e) => ({
      ...e,
      lengthMm: undefined,
      widthMm: undefined,
      heightMm: undefined,
    }));
    if (next.weightG.trim() === "") fieldRefs.current.weightG?.focus();
    else submitRef.current?.focus();
  }

  // Focus follows the step: the scan field, or the scale reading once every item is scanned.
  useEffect(() => {
    if (step === "measure") fieldRefs.current.weightG?.focus();
    else scanRef.current?.focus();
  }, [step]);

  // A good scan flashes its row green; a refused one flashes the item list red.
  useEffect(() => {
    if (!flash || !itemsRef.current) return;
    const row = flash.code
      ? itemsRef.current.querySelector<HTMLElement>(`[data-code="${CSS.escape(flash.code)}"]`)
      : null;
    const target = row ?? itemsRef.current;
    const colour = flash.tone === "ok" ? "rgba(16,185,129,0.35)" : "rgba(239,68,68,0.45)";
    target.animate([{ backgroundColor: colour }, { backgroundColor: "transparent" }], {
      duration: flash.tone === "ok" ? 500 : 900,
      easing: "ease-out",
    });
    if (flash.tone === "error") {
      itemsRef.current.animate(
        [
          { transform: "translateX(0)" },
          { transform: "translateX(-6px)" },
          { transform: "translateX(6px)" },
          { transform: "translateX(-4px)" },
          { transform: "translateX(0)" },
        ],
        { duration: 300 },
      );
    }
  }, [flash]);

  // Keys typed with nothing focused (after a click elsewhere) go to the scan field; Alt+1…6 picks
  // a box size while measuring.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && /^Digit[1-9]$/.test(e.code) && packStep(sessionRef.current) === "measure") {
        e.preventDefault();
        applyPreset(Number(e.code.slice(5)) - 1);
        return;
      }
      const active = document.activeElement;
      if (
        e.key.length === 1 &&
        !e.ctrlKey &&
        !e.metaKey &&
        !e.altKey &&
        (!active || active === document.body)
      ) {
        scanRef.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  // Opened from the queue's "pack" link: load that parcel right away.
  const started = useRef(false);
  const openInitial = useEffectEvent((code: string) => {
    window.history.replaceState(null, "", window.location.pathname);
    void lookup(code);
  });
  useEffect(() => {
    if (!initialCode || started.current) return;
    started.current = true;
    openInitial(initialCode);
  }, [initialCode]);

  const estimate = parcel ? estimatedWeightG(parcel.items) : null;
  const stepIndex = step === "blocked" ? 0 : steps.indexOf(step);

  return (
    <div className="space-y-3">
      <ol className="flex items-center gap-2 text-sm" aria-label={t("steps.label")}>
        {steps.map((s, i) => (
          <li key={s} className="flex items-center gap-2">
            {i > 0 ? <span className="h-px w-8 bg-slate-300" aria-hidden /> : null}
            <span
              aria-current={i === stepIndex ? "step" : undefined}
              className={cn(
                "flex items-center gap-1.5 rounded-full px-2.5 py-0.5",
                i === stepIndex && "bg-blue-600 font-medium text-white",
                i < stepIndex && "bg-emerald-100 text-emerald-800",
                i > stepIndex && "bg-white text-slate-500 ring-1 ring-slate-200",
              )}
            >
              <span className="tabular-nums">{i + 1}</span>
              {t(`steps.${s}`)}
            </span>
          </li>
        ))}
      </ol>

      <form
        className="rounded-lg border border-slate-300 bg-white p-3"
        onSubmit={(e) => {
          e.preventDefault();
          const input = scanRef.current;
          if (!input) return;
          const value = input.value;
          input.value = "";
          handleCode(value);
        }}
      >
        <div className="flex items-center gap-3">
          <label
            htmlFor="pack-scan"
            className="flex shrink-0 items-center gap-1.5 text-sm font-semibold text-slate-800"
          >
            <ScanBarcode className="size-5 text-blue-600" aria-hidden />
            {t("scanLabel")}
          </label>
          <input
            id="pack-scan"
            ref={scanRef}
            aria-label={t("scanAria")}
            aria-describedby="pack-scan-hint"
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="go"
            autoFocus
            placeholder={
              step === "scanOrder" || step === "blocked"
                ? t("scanOrderPlaceholder")
                : t("scanItemPlaceholder")
            }
            className="h-12 min-w-0 flex-1 rounded-md border-2 border-blue-500 bg-white px-3 font-mono text-xl text-slate-900 placeholder:font-sans placeholder:text-base placeholder:text-slate-400 focus-visible:outline-4 focus-visible:outline-blue-500/25"
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.preventDefault();
                e.currentTarget.value = "";
                undo();
              }
            }}
            onBlur={() => {
              setTimeout(() => {
                const active = document.activeElement;
                if (!active || active === document.body) scanRef.current?.focus();
              }, 0);
            }}
          />
          {looking ? (
            <Loader2
              className="size-5 animate-spin text-slate-500"
              aria-label={tAll("common.loading")}
            />
          ) : null}
          <Button
            type="button"
            variant="secondary"
            size="lg"
            disabled={session.history.length === 0}
            onClick={() => {
              undo();
              scanRef.current?.focus();
            }}
          >
            <Undo2 aria-hidden />
            {t("undo")}
            <kbd className="ml-1 rounded border border-slate-300 px-1 text-[10px] text-slate-500">
              Esc
            </kbd>
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="lg"
            disabled={!parcel}
            onClick={() => {
              resetOrder();
              scanRef.current?.focus();
            }}
          >
            <RotateCcw aria-hidden />
            {t("newOrder")}
          </Button>
        </div>
        <p id="pack-scan-hint" className="mt-1.5 text-xs text-slate-500">
          {t("scanHint")}
        </p>
      </form>

      <BannerView banner={banner} />

      <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="space-y-3">
          {parcel ? (
            <section
              aria-label={t("parcelSection", { parcel: parcelCode(parcel.id) })}
              className={cn(
                "rounded-lg border bg-white",
                parcel.held ? "border-amber-400" : "border-slate-200",
              )}
            >
              <header className="flex flex-wrap items-start gap-x-6 gap-y-2 border-b border-slate-200 px-4 py-3">
                <div>
                  <div className="flex items-center gap-2">
                    <span className="font-mono text-2xl font-bold text-slate-900">
                      {parcelCode(parcel.id)}
                    </span>
                    <ParcelStatusBadge status={parcel.status as ParcelStatus} />
                  </div>
                  <div className="mt-0.5 text-sm text-slate-600">
                    {candidates.find((c) => c.id === parcel.id)?.regionText ?? ""}
                  </div>
                </div>
                <ul className="text-sm">
                  {parcel.orders.map((o) => (
                    <li key={o.id}>
                      <span className="font-mono text-slate-900">{o.platformOrderNo}</span>{" "}
                      <span className="text-xs text-slate-500">{o.shopName}</span>
                    </li>
                  ))}
                </ul>
                <div className="ml-auto text-right">
                  <div className="text-xs text-slate-500">{t("progress")}</div>
                  <div className="text-2xl font-bold text-slate-900 tabular-nums">
                    {prog.scanned}
                    <span className="text-base font-normal text-slate-400"> / {prog.expected}</span>
                  </div>
                </div>
              </header>
              {parcel.orders.some((o) => o.buyerRemark) ? (
                <div className="flex items-start gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
                  <MessageSquareText className="mt-0.5 size-4 shrink-0" aria-hidden />
                  <div>
                    {t("buyerRemark", {
                      text: parcel.orders
                        .map((o) => o.buyerRemark)
                        .filter(Boolean)
                        .join(" / "),
                    })}
                  </div>
                </div>
              ) : null}
              {parcel.held ? (
                <div className="flex items-start gap-2 border-b border-amber-300 bg-amber-100 px-4 py-3 text-amber-950">
                  <PauseCircle className="mt-0.5 size-5 shrink-0" aria-hidden />
                  <div>
                    <div className="font-semibold">
                      {parcel.holdReason
                        ? t("heldNoticeReason", { reason: parcel.holdReason })
                        : t("heldNotice")}
                    </div>
                    <div className="text-sm">{t("heldHelp")}</div>
                  </div>
                </div>
              ) : null}
              {candidates.length > 1 ? (
                <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2 text-sm">
                  <span className="text-slate-600">
                    {t("parcelsOfOrder", { n: candidates.length })}
                  </span>
                  {candidates.map((c, i) => (
                    <button
                      key={c.id}
                      type="button"
                      onClick={() => switchTo(i)}
                      aria-pressed={c.id === parcel.id}
                      className={cn(
                        "flex items-center gap-1.5 rounded border px-2 py-0.5",
                        c.id === parcel.id
                          ? "border-blue-500 bg-blue-50 text-blue-900"
                          : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
                      )}
                    >
                      <kbd className="rounded bg-slate-100 px-1 text-[10px] text-slate-600">
                        {i + 1}
                      </kbd>
                      <span className="font-mono">{parcelCode(c.id)}</span>
                      <ParcelStatusBadge status={c.status} />
                      {c.held ? (
                        <PauseCircle className="size-3.5 text-amber-600" aria-label={t("held")} />
                      ) : null}
                    </button>
                  ))}
                  <span className="text-xs text-slate-500">{t("switchHint")}</span>
                </div>
              ) : null}
              <div ref={itemsRef} className="rounded-b-lg">
                <table className="w-full border-collapse text-sm">
                  <thead>
                    <tr className="text-xs text-slate-500">
                      <th className="w-8 px-3 py-2" />
                      <th className="px-3 py-2 text-left font-medium">{t("item")}</th>
                      <th className="px-3 py-2 text-left font-medium">{t("scanCode")}</th>
                      <th className="px-3 py-2 text-right font-medium whitespace-nowrap">
                        {t("scannedOfExpected")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {lines.map((l) => {
                      const done = l.scanned === l.expected;
                      return (
                        <tr
                          key={l.code}
                          data-code={l.code}
                          data-testid={`pack-line-${l.code}`}
                          className={cn("border-t border-slate-100", done && "bg-emerald-50")}
                        >
                          <td className="px-3 py-2">
                            {done ? (
                              <CheckCircle2
                                className="size-5 text-emerald-600"
                                aria-label={t("lineDone")}
                              />
                            ) : (
                              <Circle className="size-5 text-slate-300" aria-hidden />
                            )}
                          </td>
                          <td className="px-3 py-2">
                            <div className="font-medium text-slate-900">{l.name}</div>
                            <div className="font-mono text-xs text-slate-500">{l.sku}</div>
                          </td>
                          <td className="px-3 py-2 font-mono text-sm text-slate-700">
                            {l.code}
                            {l.barcode ? null : (
                              <span className="ml-1.5 font-sans text-xs text-slate-400">
                                {t("skuLabel")}
                              </span>
                            )}
                          </td>
                          <td className="px-3 py-2 text-right">
                            <span
                              className={cn(
                                "text-xl font-bold tabular-nums",
                                done
                                  ? "text-emerald-700"
                                  : l.scanned > 0
                                    ? "text-blue-700"
                                    : "text-slate-400",
                              )}
                            >
                              {l.scanned}
                            </span>
                            <span className="text-slate-400 tabular-nums"> / {l.expected}</span>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                <div className="h-1.5 overflow-hidden rounded-b-lg bg-slate-100">
                  <div
                    className="h-full bg-emerald-500 transition-[width]"
                    style={{
                      width: `${prog.expected ? (prog.scanned / prog.expected) * 100 : 0}%`,
                    }}
                  />
                </div>
              </div>
            </section>
          ) : (
            <div
              ref={itemsRef}
              className="flex flex-col items-center justify-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-14 text-center"
            >
              <ScanBarcode className="mb-3 size-10 text-slate-400" aria-hidden />
              <h2 className="text-base font-semibold text-slate-800">{t("idleTitle")}</h2>
              <p className="mt-1 max-w-md text-sm text-slate-600">{t("idleBody")}</p>
            </div>
          )}

          {parcel && step !== "blocked" ? (
            <form
              aria-label={t("measureSection")}
              className={cn(
                "rounded-lg border bg-white p-4",
                step === "measure"
                  ? "border-blue-400 ring-2 ring-blue-100"
                  : "border-slate-200 opacity-60",
              )}
              onSubmit={(e) => {
                e.preventDefault();
                submitPack();
              }}
            >
              <div className="mb-3 flex items-center justify-between gap-3">
                <h2 className="text-sm font-semibold text-slate-800">{t("measureTitle")}</h2>
                <span className="text-xs text-slate-500">
                  {step === "measure" ? t("measureHint") : t("measureLocked")}
                </span>
              </div>
              <fieldset disabled={step !== "measure"} className="space-y-3">
                <div className="grid grid-cols-4 gap-3">
                  {measureFields.map((field, i) => (
                    <div key={field} className="space-y-1">
                      <Label htmlFor={`pack-${field}`}>{t(`fields.${field}`)}</Label>
                      <Input
                        id={`pack-${field}`}
                        ref={(el) => {
                          fieldRefs.current[field] = el;
                        }}
                        inputMode={field === "weightG" ? "decimal" : "numeric"}
                        autoComplete="off"
                        placeholder={
                          field === "weightG" && estimate !== null
                            ? t("estimate", { g: format.number(estimate) })
                            : undefined
                        }
                        value={measure[field]}
                        aria-invalid={measureErrors[field] ? true : undefined}
                        aria-describedby={measureErrors[field] ? `pack-${field}-error` : undefined}
                        className="h-10 font-mono text-lg tabular-nums"
                        onFocus={(e) => e.target.select()}
                        onChange={(e) => {
                          setMeasure((m) => ({ ...m, [field]: e.target.value }));
                          setMeasureErrors((er) => ({ ...er, [field]: undefined }));
                        }}
                        onKeyDown={(e) => {
                          if (e.key === "Escape") {
                            e.preventDefault();
                            undo();
                            return;
                          }
                          if (e.key !== "Enter") return;
                          e.preventDefault();
                          const raw = e.currentTarget.value;
                          if (looksLikeScan(raw)) {
                            setMeasure((m) => ({ ...m, [field]: "" }));
                            handleCode(raw);
                            return;
                          }
                          const current = { ...measure, [field]: raw };
                          const nextEmpty = measureFields
                            .slice(i + 1)
                            .find((f) => current[f].trim() === "");
                          if (nextEmpty) fieldRefs.current[nextEmpty]?.focus();
                          else submitPack();
                        }}
                      />
                      {measureErrors[field] ? (
                        <p id={`pack-${field}-error`} className="text-xs text-red-600">
                          {t(`measureErrors.${measureErrors[field]}`)}
                        </p>
                      ) : null}
                    </div>
                  ))}
                </div>
                <div
                  className="flex flex-wrap items-center gap-1.5"
                  role="group"
                  aria-label={t("boxPresets")}
                >
                  <span className="mr-1 text-xs text-slate-500">{t("boxPresets")}</span>
                  {boxPresets.map((b, i) => (
                    <button
                      key={b.key}
                      type="button"
                      aria-keyshortcuts={`Alt+${i + 1}`}
                      onClick={() => applyPreset(i)}
                      className={cn(
                        "flex items-center gap-1.5 rounded border px-2 py-1 text-xs",
                        measure.lengthMm === String(b.lengthMm) &&
                          measure.widthMm === String(b.widthMm) &&
                          measure.heightMm === String(b.heightMm)
                          ? "border-blue-500 bg-blue-50 text-blue-900"
                          : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
                      )}
                    >
                      <kbd className="rounded bg-slate-100 px-1 text-[10px] text-slate-600">
                        Alt+{i + 1}
                      </kbd>
                      {t("box", { n: b.key })}
                      <span className="text-slate-500 tabular-nums">
                        {b.lengthMm}×{b.widthMm}×{b.heightMm}
                      </span>
                    </button>
                  ))}
                </div>
                <div className="flex items-center justify-end gap-3">
                  <span className="text-xs text-slate-500" aria-hidden>
                    Enter ↵
                  </span>
                  <Button ref={submitRef} type="submit" size="lg" disabled={pack.isPending}>
                    <PackageCheck aria-hidden />
                    {t("finish")}
                  </Button>
                </div>
              </fieldset>
            </form>
          ) : null}
        </div>

        <aside className="space-y-3">
          <section className="rounded-lg border border-slate-200 bg-white p-3">
            <div className="flex items-center justify-between">
              <h2 className="text-xs font-semibold text-slate-700">{t("packedThisSession")}</h2>
              <span className="text-lg font-bold text-slate-900 tabular-nums">{packed.length}</span>
            </div>
            {packed.length > 0 ? (
              <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
                {packed.slice(0, 5).map((p) => (
                  <li key={`${p.id}-${p.at.getTime()}`} className="flex justify-between">
                    <span className="font-mono">{parcelCode(p.id)}</span>
                    <span className="tabular-nums">
                      {format.number(p.weightG)} g ·{" "}
                      {format.dateTime(p.at, { hour: "2-digit", minute: "2-digit", hour12: false })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-3">
            <h2 className="mb-1 text-xs font-semibold text-slate-700">{t("recentScans")}</h2>
            {log.length === 0 ? (
              <p className="text-xs text-slate-500">{t("noScans")}</p>
            ) : (
              <ul className="space-y-0.5 text-xs">
                {log.map((e) => (
                  <li
                    key={e.seq}
                    className={cn(
                      "flex gap-2",
                      e.ok ? "text-slate-700" : "font-medium text-red-700",
                    )}
                  >
                    <span className="shrink-0 text-slate-400 tabular-nums">
                      {format.dateTime(e.at, {
                        hour: "2-digit",
                        minute: "2-digit",
                        second: "2-digit",
                        hour12: false,
                      })}
                    </span>
                    <span
                      className="min-w-0 flex-1 truncate font-mono"
                      title={e.name ? `${e.code} · ${e.name}` : e.code}
                    >
                      {e.code}
                    </span>
                    <span className="shrink-0">{e.text}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-3 text-xs text-slate-600">
            <div className="mb-1 flex items-center justify-between">
              <h2 className="font-semibold text-slate-700">{t("shortcuts")}</h2>
              <button
                type="button"
                onClick={() => setSound((s) => !s)}
                aria-pressed={sound}
                className="flex items-center gap-1 rounded px-1.5 py-0.5 hover:bg-slate-100"
              >
                {sound ? (
                  <Volume2 className="size-3.5" aria-hidden />
                ) : (
                  <VolumeX className="size-3.5" aria-hidden />
                )}
                {t("sound")}
              </button>
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
              <dt>
                <kbd>Enter</kbd>
              </dt>
              <dd>{t("keys.enter")}</dd>
              <dt>
                <kbd>Esc</kbd>
              </dt>
              <dd>{t("keys.escape")}</dd>
              <dt>
                <kbd>1–9</kbd>
              </dt>
              <dd>{t("keys.digits")}</dd>
              <dt>
                <kbd>Alt+1–6</kbd>
              </dt>
              <dd>{t("keys.presets")}</dd>
            </dl>
          </section>
        </aside>
      </div>
    </div>
  );
}

function BannerView({ banner }: { banner: Banner | null }) {
  const t = useTranslations("shipping.pack");
  if (!banner) {
    return (
      <div className="flex min-h-[4.5rem] items-center gap-2 rounded-lg border border-slate-200 bg-white px-4 text-sm text-slate-500">
        <Info className="size-4" aria-hidden />
        {t("banner.ready")}
      </div>
    );
  }
  if (banner.tone === "error") {
    return (
      <div
        key={banner.seq}
        role="alert"
        data-testid="pack-error"
        className="flex min-h-[4.5rem] items-center gap-3 rounded-lg border-2 border-red-700 bg-red-600 px-4 py-3 text-white shadow-lg"
      >
        <AlertOctagon className="size-9 shrink-0" aria-hidden />
        <div>
          <div className="text-xl font-bold">{banner.title}</div>
          {banner.detail ? <div className="text-sm text-red-50">{banner.detail}</div> : null}
        </div>
      </div>
    );
  }
  return (
    <div
      key={banner.seq}
      role="status"
      className={cn(
        "flex min-h-[4.5rem] items-center gap-3 rounded-lg border px-4 py-2",
        banner.tone === "success"
          ? "border-emerald-300 bg-emerald-50 text-emerald-900"
          : "border-blue-200 bg-blue-50 text-blue-900",
      )}
    >
      {banner.tone === "success" ? (
        <CheckCircle2 className="size-7 shrink-0 text-emerald-600" aria-hidden />
      ) : (
        <Info className="size-6 shrink-0 text-blue-600" aria-hidden />
      )}
      <div>
        <div className="text-base font-semibold">{banner.title}</div>
        {banner.detail ? <div className="text-sm opacity-90">{banner.detail}</div> : null}
      </div>
    </div>
  );
}
