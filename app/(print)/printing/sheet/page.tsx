import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PrintSheet } from "@/components/labels/print-sheet";
import { requirePermission } from "@/server/auth/current";
import { labelTemplates, type LabelTemplate } from "@/db/schema/waybills";
import { getQueryClient, trpc } from "@/server/trpc/rsc";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("printing.sheet");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * The bare print sheet: /printing/sheet?parcels=1,2,3&template=100x180[&privacy=0]. Labels only,
 * one per page at the template's @page size, no console chrome (this route group has no sidebar
 * layout), so Chromium can print it or `page.pdf({ preferCSSPageSize: true })` it. Rendered on the
 * server, barcodes included: the page is print-ready when it has loaded. Viewing it records
 * nothing; prints are recorded by the console's Print button.
 */
export default async function PrintSheetPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requirePermission("printing.view");
  const t = await getTranslations("printing.sheet");
  const sp = await searchParams;
  const parcelIds = [
    ...new Set(
      one(sp.parcels)
        .split(",")
        .map((s) => Number(s.trim().replace(/^P/i, "")))
        .filter((n) => Number.isSafeInteger(n) && n > 0),
    ),
  ].slice(0, 1000);
  const asked = one(sp.template);
  const override = (labelTemplates as readonly string[]).includes(asked)
    ? (asked as LabelTemplate)
    : undefined;
  const { labels, errors } = parcelIds.length
    ? await getQueryClient().fetchQuery(
        trpc.printing.labels.queryOptions({
          parcelIds,
          privacy: one(sp.privacy) !== "0",
          ...(override ? { template: override } : {}),
        }),
      )
    : { labels: [], errors: [] };
  // One job, one paper size: without a template asked for, the first label's account decides.
  const template = override ?? labels[0]?.template ?? "100x180";
  return (
    <main className="bg-white">
      {errors.length > 0 ? (
        <p role="alert" className="p-2 text-sm text-red-700 print:hidden">
          {t("skipped", { n: errors.length })}:{" "}
          {errors.map((e) => `P${e.parcelId} ${e.code}`).join(", ")}
        </p>
      ) : null}
      <PrintSheet labels={labels} template={template} />
    </main>
  );
}
