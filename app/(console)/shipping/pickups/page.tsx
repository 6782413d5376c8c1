import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { Button } from "@/components/ui/button";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { Pickups } from "./_components/pickups";

export async function generateMetadata() {
  const t = await getTranslations("waybills.pickups");
  return { title: t("title") };
}

export default async function PickupsPage() {
  const session = await requirePermission("shipping.view");
  const t = await getTranslations("waybills.pickups");
  const canManage = can(session.user.role, "shipping.manage");
  const qc = getQueryClient();
  void qc.prefetchQuery(trpc.waybills.pickups.queryOptions({}));
  void qc.prefetchQuery(trpc.waybills.accountsForIssuing.queryOptions());
  void qc.prefetchQuery(trpc.waybills.pickupWindows.queryOptions());
  void qc.prefetchQuery(trpc.shops.warehouses.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("title")}>
        <Button variant="ghost" asChild>
          <Link href="/shipping">
            <ArrowLeft aria-hidden />
            {t("back")}
          </Link>
        </Button>
      </PageHeader>
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <Pickups canManage={canManage} />
      </Suspense>
    </HydrateClient>
  );
}
