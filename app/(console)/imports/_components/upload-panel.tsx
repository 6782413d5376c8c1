"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { FileSpreadsheet, FileUp, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, useSyncExternalStore, type DragEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/components/ui/cn";
import { FieldError, Label, NativeSelect } from "@/components/ui/input";
import { LAST_SHOP_KEY } from "./types";

const MAX_BYTES = 50 * 1024 * 1024;
const ACCEPT = ".csv,.xlsx,.txt";
const errorKeys = ["noFile", "shop", "empty", "notFound", "notPreview", "mapping", "notReady"];

/** The last shop chosen on this computer, shared by every tab (localStorage). */
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}
function readLastShop() {
  try {
    return window.localStorage.getItem(LAST_SHOP_KEY);
  } catch {
    return null;
  }
}
function rememberShop(id: string) {
  try {
    window.localStorage.setItem(LAST_SHOP_KEY, id);
  } catch {
    // Private mode or storage disabled: the choice just is not remembered.
  }
  for (const l of listeners) l();
}

const noop = () => () => {};
/** False in the server HTML: the controls stay disabled until React can handle them. */
const useHydrated = () =>
  useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );

type Problem = { title?: string; detail?: string; errors?: { field: string; message: string }[] };

export function UploadPanel() {
  const t = useTranslations("imports");
  const tp = useTranslations("shops.platforms");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: allShops } = useSuspenseQuery(trpc.shops.list.queryOptions());
  const shops = allShops.filter((s) => s.active);
  const stored = useSyncExternalStore(subscribe, readLastShop, () => null);
  const hydrated = useHydrated();
  const shopId =
    stored && shops.some((s) => s.id === stored) ? stored : shops.length === 1 ? shops[0]!.id : "";

  const [pending, setPending] = useState<File | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [shopError, setShopError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const ids = { shop: useId(), file: useId(), fileLabel: useId(), hint: useId() };

  const messageOf = (m: string) =>
    m.startsWith("imports.errors.") && errorKeys.includes(m.slice("imports.errors.".length))
      ? t(`errors.${m.slice("imports.errors.".length)}`)
      : m;

  async function upload(file: File, shop: string) {
    setPending(null);
    setUploading(file.name);
    setShopError(null);
    setFileError(null);
    const body = new FormData();
    body.set("file", file);
    body.set("shopId", shop);
    try {
      const res = await fetch("/api/imports", { method: "POST", body });
      if (res.status === 201) {
        const { id } = (await res.json()) as { id: number };
        void queryClient.invalidateQueries(trpc.imports.list.pathFilter());
        router.push(`/imports/${id}`);
        return; // Stay in the uploading state until the preview replaces this screen.
      }
      if (res.status === 401) setFileError(t("upload.signedOut"));
      else if (res.status === 413) setFileError(t("upload.tooLarge"));
      else {
        const problem = (await res.json().catch(() => ({}))) as Problem;
        const errors = problem.errors ?? [];
        const shopMsg = errors.find((e) => e.field === "shopId");
        const other = errors.filter((e) => e.field !== "shopId");
        if (shopMsg) setShopError(messageOf(shopMsg.message));
        if (other.length) setFileError(other.map((e) => messageOf(e.message)).join(" "));
        else if (!shopMsg)
          setFileError(
            t("upload.failed", { reason: problem.detail ?? problem.title ?? String(res.status) }),
          );
      }
    } catch {
      setFileError(t("upload.network"));
    }
    setUploading(null);
  }

  function choose(file: File | undefined) {
    if (!file || uploading) return;
    setFileError(null);
    if (!/\.(csv|xlsx|txt)$/i.test(file.name)) return setFileError(t("upload.wrongType"));
    if (file.size > MAX_BYTES) return setFileError(t("upload.tooLarge"));
    if (!shopId) {
      setPending(file);
      setShopError(t("upload.needShop"));
      document.getElementById(ids.shop)?.focus();
      return;
    }
    void upload(file, shopId);
  }

  function onShopChange(id: string) {
    rememberShop(id);
    setShopError(null);
    if (id && pending) void upload(pending, id);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0]);
  }

  return (
    // Not a labelled region: its name would contain 订单文件 and shadow the file input's label.
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <h2 className="text-sm font-semibold text-slate-900">{t("upload.heading")}</h2>
        <div className="flex items-center gap-3 text-xs">
          <span className="text-slate-600">{t("upload.template")}</span>
          <a
            href="/api/imports/template?format=xlsx"
            download
            className="inline-flex items-center gap-1 font-medium text-blue-700 hover:underline"
          >
            <FileSpreadsheet className="size-3.5" aria-hidden />
            {t("upload.templateXlsx")}
          </a>
          <a
            href="/api/imports/template?format=csv"
            download
            className="font-medium text-blue-700 hover:underline"
          >
            {t("upload.templateCsv")}
          </a>
        </div>
      </div>

      <div className="grid gap-4 md:grid-cols-[16rem_1fr]">
        <div className="flex flex-col gap-1">
          <Label htmlFor={ids.shop}>{t("upload.shop")}</Label>
          <NativeSelect
            id={ids.shop}
            value={shopId}
            disabled={!hydrated || !!uploading || shops.length === 0}
            aria-invalid={!!shopError}
            aria-describedby={shopError ? `${ids.shop}-error` : undefined}
            onChange={(e) => onShopChange(e.target.value)}
            className="w-full aria-invalid:border-red-500"
          >
            <option value="" disabled>
              {t("upload.chooseShop")}
            </option>
            {shops.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} · {tp(s.platform)}
              </option>
            ))}
          </NativeSelect>
          <FieldError id={`${ids.shop}-error`}>{shopError ?? undefined}</FieldError>
          {shops.length === 0 ? (
            <p className="text-xs text-amber-800">{t("upload.noShops")}</p>
          ) : null}
        </div>

        <div className="flex min-w-0 flex-col gap-1">
          <Label id={ids.fileLabel} htmlFor={ids.file}>
            {t("upload.file")}
          </Label>
          <input
            ref={input}
            id={ids.file}
            type="file"
            accept={ACCEPT}
            aria-labelledby={ids.fileLabel}
            aria-describedby={ids.hint}
            aria-invalid={!!fileError}
            disabled={!hydrated || !!uploading}
            className="peer sr-only"
            onChange={(e) => {
              choose(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <label
            htmlFor={ids.file}
            onDragOver={(e) => {
              e.preventDefault();
              if (!uploading) setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            className={cn(
              "flex min-h-24 cursor-pointer items-center gap-3 rounded-md border-2 border-dashed border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-700 transition-colors hover:border-blue-400 hover:bg-blue-50/50",
              "peer-focus-visible:border-blue-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600",
              dragging && "border-blue-600 bg-blue-50",
              uploading && "cursor-wait opacity-80",
              fileError && "border-red-400",
            )}
          >
            {uploading ? (
              <LoaderCircle className="size-6 shrink-0 animate-spin text-blue-600" aria-hidden />
            ) : (
              <FileUp className="size-6 shrink-0 text-slate-400" aria-hidden />
            )}
            <span className="flex min-w-0 flex-col">
              <span className="font-medium" aria-live="polite">
                {uploading
                  ? t("upload.uploading", { name: uploading })
                  : pending
                    ? t("upload.pending", { name: pending.name })
                    : dragging
                      ? t("upload.dropNow")
                      : t("upload.drop")}
              </span>
              <span id={ids.hint} className="text-xs text-slate-500">
                {t("upload.accept")}
              </span>
            </span>
          </label>
          <FieldError>{fileError ?? undefined}</FieldError>
        </div>
      </div>
      <p className="mt-3 text-xs text-slate-600">
        <span className="font-medium">{t("upload.platforms")}</span> {t("upload.platformList")}
      </p>
    </div>
  );
}
