import { ScanBarcode, Truck } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { parseQueueFilters, queueInput } from "@/components/shipping/queue-filters";
import { Button } from "@/components/ui/button";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { ShippingQueue } from "./_components/shipping-queue";

export default async function ShippingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission("shipping.view");
  const t = await getTranslations("shipping");
  const tw = await getTranslations("waybills");
  const filters = parseQueueFilters(await searchParams);
  const canManage = can(session.user.role, "shipping.manage");
  const qc = getQueryClient();
  void qc.prefetchInfiniteQuery(
    trpc.shipping.queue.infiniteQueryOptions(queueInput(filters), {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  void qc.prefetchQuery(trpc.shops.list.queryOptions());
  void qc.prefetchQuery(trpc.shops.warehouses.queryOptions());
  void qc.prefetchQuery(
    trpc.shipping.mergeCandidates.queryOptions(
      filters.warehouseId ? { warehouseId: filters.warehouseId } : {},
    ),
  );
  return (
    <HydrateClient>
      <PageHeader title={t("title")}>
        <Button variant="secondary" asChild>
          <Link href="/shipping/pickups">
            <Truck aria-hidden />
            {tw("pickups.open")}
          </Link>
        </Button>
        {canManage ? (
          <Button asChild>
            <Link href="/shipping/pack">
              <ScanBarcode aria-hidden />
              {t("openPackStation")}
            </Link>
          </Button>
        ) : null}
      </PageHeader>
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <ShippingQueue initialFilters={filters} canManage={canManage} />
      </Suspense>
    </HydrateClient>
  );
}
