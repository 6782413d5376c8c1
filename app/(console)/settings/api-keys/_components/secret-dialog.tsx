"use client";

import { Check, Copy, TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Label } from "@/components/ui/input";
import { copyText } from "./copy";
import type { CreatedApiKey } from "./types";

/** The one and only time the plaintext key is visible. */
export function SecretDialog({
  created,
  onClose,
}: {
  created: CreatedApiKey | null;
  onClose: () => void;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // Keyed by the secret, so a second key created in the same visit starts uncopied.
  const [copiedSecret, setCopiedSecret] = useState<string | null>(null);
  const copied = !!created && copiedSecret === created.secret;

  const copy = async () => {
    if (!created) return;
    if (await copyText(created.secret, inputRef.current)) {
      setCopiedSecret(created.secret);
      toast.success(t("apiKeys.secret.copiedToast"));
    } else {
      inputRef.current?.select();
      toast.error(t("apiKeys.secret.copyFailed"));
    }
  };

  const close = () => {
    if (!copied && !window.confirm(t("apiKeys.secret.confirmClose"))) return;
    onClose();
  };

  return (
    <Dialog
      open={!!created}
      onOpenChange={(open) => !open && close()}
      title={t("apiKeys.secret.title", { name: created?.apiKey.name ?? "" })}
      closeLabel={t("common.close")}
    >
      <div className="flex flex-col gap-3">
        <div
          role="alert"
          className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          <TriangleAlert className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden />
          <p>{t("apiKeys.secret.warning")}</p>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="api-key-secret">{t("apiKeys.secret.label")}</Label>
          <div className="flex items-start gap-2">
            <textarea
              id="api-key-secret"
              ref={inputRef}
              readOnly
              rows={2}
              value={created?.secret ?? ""}
              spellCheck={false}
              autoComplete="off"
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 resize-none rounded-md border border-slate-300 bg-slate-50 px-2.5 py-1.5 font-mono text-sm break-all text-slate-900 focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-blue-600/30"
              data-testid="api-key-secret"
            />
            <Button
              type="button"
              variant={copied ? "secondary" : "primary"}
              onClick={() => void copy()}
              autoFocus
            >
              {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
              {copied ? t("apiKeys.secret.copied") : t("apiKeys.secret.copy")}
            </Button>
          </div>
        </div>
        {created ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
            <dt className="text-slate-500">{t("apiKeys.secret.scope")}</dt>
            <dd className="text-slate-800">
              {format.list(created.apiKey.shops.map((s) => s.name ?? s.id))}
            </dd>
            <dt className="text-slate-500">{t("apiKeys.prefix")}</dt>
            <dd className="font-mono text-slate-800">{created.apiKey.prefix}…</dd>
          </dl>
        ) : null}
        <div className="mt-1 flex justify-end">
          <Button type="button" variant={copied ? "primary" : "secondary"} onClick={close}>
            {t("apiKeys.secret.done")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
