import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { TemplateEditorLoader } from "../_components/template-editor";

/** /settings/freight/new creates a template; /settings/freight/{id} edits one. */
export default async function FreightTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("settings.view");
  const { id: raw } = await params;
  const id = raw === "new" ? null : decodeURIComponent(raw);
  const canManage = can(session.user.role, "shops.manage");
  const t = await getTranslations("freight.editor");
  const qc = getQueryClient();
  void qc.prefetchQuery(trpc.freight.regionSets.queryOptions());
  void qc.prefetchQuery(trpc.freight.accounts.queryOptions());
  if (id) {
    try {
      await qc.fetchQuery(trpc.freight.template.queryOptions({ id }));
    } catch {
      notFound();
    }
  }
  return (
    <HydrateClient>
      <PageHeader title={id ? t("title") : t("newTitle")} />
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <TemplateEditorLoader id={id} canManage={canManage} />
      </Suspense>
    </HydrateClient>
  );
}
