"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Download, Play, Save, Upload } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { describeError, fieldErrorsOf } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Label } from "@/components/ui/input";

type Issue = { path: string; message: string };
type Request = { method: string; url: string; headers: Record<string, string>; body: string };

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

export function ProfileEditor({ canManage }: { canManage: boolean }) {
  const t = useTranslations("profiles");
  const tAll = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: profiles } = useSuspenseQuery(trpc.couriers.profiles.queryOptions());
  const [selected, setSelected] = useState(profiles[0]?.code ?? "");
  const [text, setText] = useState(() => JSON.stringify(profiles[0]?.profile ?? {}, null, 2));
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<Issue[]>([]);
  const [request, setRequest] = useState<Request | null>(null);

  const parsed = useMemo(() => {
    try {
      return {
        ok: true as const,
        value: JSON.parse(text) as {
          code?: string;
          credentialFields?: { key: string; secret: boolean }[];
        },
      };
    } catch (error) {
      return { ok: false as const, message: (error as Error).message };
    }
  }, [text]);
  const fields =
    parsed.ok && Array.isArray(parsed.value.credentialFields) ? parsed.value.credentialFields : [];
  const current = profiles.find((p) => p.code === selected);

  const dryRun = useMutation(trpc.couriers.dryRun.mutationOptions());
  const save = useMutation(trpc.couriers.saveProfile.mutationOptions());

  function open(code: string) {
    const p = profiles.find((x) => x.code === code);
    if (!p) return;
    setSelected(code);
    setText(JSON.stringify(p.profile, null, 2));
    setIssues([]);
    setRequest(null);
  }

  async function runDryRun() {
    if (!parsed.ok)
      return setIssues([{ path: "(json)", message: t("notJson", { message: parsed.message }) }]);
    const result = await dryRun.mutateAsync({ profile: parsed.value, credentials });
    if (result.ok) {
      setIssues([]);
      setRequest(result.request);
    } else {
      setIssues(result.issues);
      setRequest(null);
    }
  }

  async function runSave() {
    if (!parsed.ok)
      return setIssues([{ path: "(json)", message: t("notJson", { message: parsed.message }) }]);
    try {
      const { code } = await save.mutateAsync({ profile: parsed.value });
      toast.success(t("saved", { code }));
      setIssues([]);
      await queryClient.invalidateQueries(trpc.couriers.pathFilter());
      setSelected(code);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      const list = Object.entries(fieldErrors).map(([path, message]) => ({
        path,
        message: message.includes(".") ? tAll(message) : message,
      }));
      setIssues(list);
      if (list.length === 0) toast.error(describeError(tAll, error));
    }
  }

  async function importFile(file: File) {
    setText(await file.text());
    setSelected("");
    setIssues([]);
    setRequest(null);
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <div className="grid gap-4 lg:grid-cols-[14rem_1fr]">
        <aside className="flex flex-col gap-2">
          <h2 className="text-xs font-semibold text-slate-700">{t("list")}</h2>
          <ul className="flex flex-col gap-1" aria-label={t("list")}>
            {profiles.map((p) => (
              <li key={p.code}>
                <button
                  type="button"
                  onClick={() => open(p.code)}
                  aria-current={p.code === selected ? "true" : undefined}
                  className={cn(
                    "flex w-full items-center justify-between rounded-md border bg-white px-2 py-1.5 text-left text-sm hover:border-blue-400",
                    p.code === selected ? "border-blue-500" : "border-slate-200",
                  )}
                >
                  <span>
                    <span className="block font-medium">
                      {locale === "en" ? p.nameEn : p.nameZh}
                    </span>
                    <span className="font-mono text-[11px] text-slate-500">{p.code}</span>
                  </span>
                  <Badge tone={p.builtIn ? "blue" : "violet"}>
                    {p.builtIn ? t("builtIn") : t("custom")}
                  </Badge>
                </button>
              </li>
            ))}
          </ul>
          {canManage ? (
            <label className="mt-2 inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
              <Upload className="size-4" aria-hidden />
              {t("import")}
              <input
                type="file"
                accept="application/json,.json"
                className="sr-only"
                onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
              />
            </label>
          ) : null}
        </aside>
        <section className="flex min-w-0 flex-col gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <Label htmlFor="profile-json" className="mr-auto">
              {t("editor")}
            </Label>
            <Button
              variant="secondary"
              size="sm"
              disabled={!parsed.ok}
              onClick={() =>
                download(`${parsed.ok ? (parsed.value.code ?? "profile") : "profile"}.json`, text)
              }
            >
              <Download aria-hidden />
              {t("export")}
            </Button>
            {canManage ? (
              <>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={dryRun.isPending}
                  onClick={() => void runDryRun()}
                >
                  <Play aria-hidden />
                  {t("dryRun")}
                </Button>
                <Button
                  size="sm"
                  disabled={save.isPending || current?.builtIn}
                  onClick={() => void runSave()}
                >
                  <Save aria-hidden />
                  {t("save")}
                </Button>
              </>
            ) : null}
          </div>
          <textarea
            id="profile-json"
            spellCheck={false}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (current?.builtIn) setSelected("");
            }}
            className="h-96 w-full rounded-md border border-slate-300 bg-white p-3 font-mono text-xs leading-5 focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-blue-600/30"
          />
          {issues.length > 0 ? (
            <div
              role="alert"
              className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
            >
              <p className="mb-1 font-medium">{t("issues")}</p>
              <ul className="list-disc pl-5 font-mono text-xs">
                {issues.map((i) => (
                  <li key={`${i.path}-${i.message}`}>
                    {i.path}: {i.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {canManage && fields.length > 0 ? (
            <fieldset className="grid gap-2 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-2">
              <legend className="px-1 text-xs font-medium text-slate-700">
                {t("credentials")}
              </legend>
              {fields.map((f) => (
                <div key={f.key} className="flex flex-col gap-1">
                  <Label htmlFor={`dry-${f.key}`}>{f.key}</Label>
                  <Input
                    id={`dry-${f.key}`}
                    value={credentials[f.key] ?? ""}
                    onChange={(e) => setCredentials({ ...credentials, [f.key]: e.target.value })}
                  />
                </div>
              ))}
              <p className="text-[11px] text-slate-500 sm:col-span-2">{t("dryRunHint")}</p>
            </fieldset>
          ) : null}
          {request ? (
            <div
              className="rounded-md border border-slate-200 bg-white p-3"
              aria-label={t("request")}
            >
              <p className="mb-2 text-xs font-semibold text-slate-700">{t("request")}</p>
              <p className="font-mono text-xs break-all" data-testid="dry-run-line">
                {request.method} {request.url}
              </p>
              <p className="mt-2 text-[11px] font-medium text-slate-500">{t("headers")}</p>
              <pre
                className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs"
                data-testid="dry-run-headers"
              >
                {Object.entries(request.headers)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join("\n")}
              </pre>
              <p className="mt-2 text-[11px] font-medium text-slate-500">{t("body")}</p>
              <pre
                className="max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs break-all whitespace-pre-wrap"
                data-testid="dry-run-body"
              >
                {request.body}
              </pre>
            </div>
          ) : null}
        </section>
      </div>
    </div>
  );
}
