import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { requirePermission } from "@/server/auth/current";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { AssignmentSettings } from "./_components/assignment-settings";

export async function generateMetadata() {
  const t = await getTranslations("assignment");
  return { title: t("title") };
}

export default async function AssignmentSettingsPage() {
  await requirePermission("shops.manage");
  const t = await getTranslations("assignment");
  void getQueryClient().prefetchQuery(trpc.assignment.settings.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("title")} />
      <p className="-mt-2 mb-4 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      <Suspense fallback={<p className="text-sm text-slate-500">{t("loading")}</p>}>
        <AssignmentSettings />
      </Suspense>
    </HydrateClient>
  );
}
