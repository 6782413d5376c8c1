import { BookOpen } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { Button } from "@/components/ui/button";
import { requirePermission } from "@/server/auth/current";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { ApiKeysTable } from "./_components/api-keys-table";

export default async function ApiKeysPage() {
  await requirePermission("apiKeys.manage");
  const t = await getTranslations("apiKeys");
  const qc = getQueryClient();
  void qc.prefetchQuery(trpc.apiKeys.list.queryOptions());
  void qc.prefetchQuery(trpc.shops.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("title")}>
        <Button asChild variant="secondary">
          <Link href="/settings/api-docs">
            <BookOpen aria-hidden />
            {t("docsLink")}
          </Link>
        </Button>
      </PageHeader>
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <ApiKeysTable />
      </Suspense>
    </HydrateClient>
  );
}
