"use client";

import { BookOpen, Check, Copy, Download } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { copyText } from "./copy";

const noop = () => () => {};
/** The browser's origin; empty while rendering on the server (then filled in on hydration). */
function useOrigin(): string {
  return useSyncExternalStore(
    noop,
    () => window.location.origin,
    () => "",
  );
}

/** A real, runnable request; laid out by hand so no line needs horizontal scrolling. */
function curlExample(base: string, shop: string): string {
  return `curl -X POST ${base}/orders \\
  -H "Authorization: Bearer $API_KEY" \\
  -H 'Content-Type: application/json' \\
  -H 'Idempotency-Key: 0b6d9c1e-6f0e-4a53-9a57-2f4c8f1d6e21' \\
  -d '{
    "shop": ${JSON.stringify(shop)},
    "platformOrderNo": "3712345678901234567",
    "paidAt": "2026-11-24T10:00:00+08:00",
    "recipient": {
      "name": "张三", "mobile": "13800138000",
      "address": "浙江省杭州市西湖区文三路100号"
    },
    "items": [
      {"sku": "MT-BEAN-500", "name": "意式拼配豆 500g", "quantity": 2,
       "unitPriceFen": 8800, "weightG": 520}
    ]
  }'`;
}

function CopyButton({ text, label, done }: { text: string; label: string; done: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      aria-label={label}
      title={label}
      onClick={() =>
        void copyText(text).then((ok) => {
          if (!ok) return;
          setCopied(true);
          toast.success(done);
          setTimeout(() => setCopied(false), 1500);
        })
      }
    >
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
    </Button>
  );
}

/** How a merchant's order system talks to us: where, with what header, and one full request. */
export function ApiConnectInfo({ exampleShop }: { exampleShop: string }) {
  const t = useTranslations("apiKeys.info");
  const origin = useOrigin();
  const base = `${origin}/api/v1`;
  const curl = curlExample(base, exampleShop);
  const copyProps = { label: t("copy"), done: t("copied") };

  return (
    <section
      aria-labelledby="api-connect-title"
      className="mt-5 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="api-connect-title" className="mb-3 text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <dl className="flex flex-col gap-3 text-sm">
          <div>
            <dt className="text-xs font-medium text-slate-500">{t("baseUrl")}</dt>
            <dd className="flex items-center gap-1">
              <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-900">
                {base}
              </code>
              <CopyButton text={base} {...copyProps} />
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium text-slate-500">{t("auth")}</dt>
            <dd>
              <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-900">
                Authorization: Bearer &lt;API key&gt;
              </code>
              <p className="mt-1 text-xs text-slate-600">{t("authHint")}</p>
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium text-slate-500">{t("docs")}</dt>
            <dd className="flex flex-wrap items-center gap-x-4 gap-y-1">
              <Link
                href="/settings/api-docs"
                className="inline-flex items-center gap-1 text-blue-700 hover:underline"
              >
                <BookOpen className="size-3.5" aria-hidden />
                {t("docsLink")}
              </Link>
              <a
                href="/api/v1/openapi.json"
                download="openapi.json"
                className="inline-flex items-center gap-1 text-blue-700 hover:underline"
              >
                <Download className="size-3.5" aria-hidden />
                {t("download")}
              </a>
            </dd>
          </div>
        </dl>
        <div className="min-w-0">
          <div className="mb-1 flex items-center justify-between">
            <h3 className="text-xs font-medium text-slate-500">{t("example")}</h3>
            <CopyButton text={curl} {...copyProps} />
          </div>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
            {curl}
          </pre>
          <p className="mt-1.5 text-xs text-slate-600">{t("exampleHint")}</p>
        </div>
      </div>
    </section>
  );
}
