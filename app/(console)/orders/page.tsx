import { Upload } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { Button } from "@/components/ui/button";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { filtersFromRecord, listInput } from "./_components/filters";
import { OrdersView } from "./_components/orders-view";

export async function generateMetadata() {
  const t = await getTranslations("orders");
  return { title: t("title") };
}

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePermission("orders.view");
  const canImport = can(session.user.role, "imports.manage");
  const t = await getTranslations("orders");
  const filters = filtersFromRecord(await searchParams);
  const queryClient = getQueryClient();
  // Awaited: the first screen of orders is in the HTML, and later filter changes stay on the client.
  await Promise.all([
    queryClient.prefetchInfiniteQuery(
      trpc.orders.list.infiniteQueryOptions(listInput(filters), {
        getNextPageParam: (p) => p.nextCursor,
      }),
    ),
    queryClient.prefetchQuery(trpc.shops.list.queryOptions()),
    queryClient.prefetchQuery(trpc.shops.warehouses.queryOptions()),
    queryClient.prefetchQuery(trpc.shops.regions.queryOptions({})),
  ]);
  return (
    <HydrateClient>
      <PageHeader title={t("title")}>
        {canImport ? (
          <Button asChild variant="secondary">
            <Link href="/imports">
              <Upload aria-hidden />
              {t("importOrders")}
            </Link>
          </Button>
        ) : null}
      </PageHeader>
      <Suspense fallback={<p className="text-sm text-slate-500">{t("loading")}</p>}>
        <OrdersView canImport={canImport} />
      </Suspense>
    </HydrateClient>
  );
}
