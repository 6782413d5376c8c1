"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

export function CopyButton({ text, className }: { text: string; className?: string }) {
  const t = useTranslations("apiDocs");
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      className={className}
      aria-label={t("copy")}
      title={t("copy")}
      onClick={() =>
        void navigator.clipboard.writeText(text).then(() => {
          setCopied(true);
          toast.success(t("copied"));
          setTimeout(() => setCopied(false), 1500);
        })
      }
    >
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
    </Button>
  );
}

/** A code block with a copy button in its corner. */
export function CodeBlock({ code, label }: { code: string; label?: string }) {
  return (
    <div className="min-w-0">
      {label ? <h4 className="mb-1 text-xs font-medium text-slate-500">{label}</h4> : null}
      <div className="relative">
        <pre className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 pr-10 font-mono text-xs leading-relaxed text-slate-100">
          {code}
        </pre>
        <CopyButton
          text={code}
          className="absolute top-1.5 right-1.5 text-slate-300 hover:bg-slate-700 hover:text-white"
        />
      </div>
    </div>
  );
}
