import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { FreightCalculator } from "./_components/freight-calculator";
import { WAREHOUSE_COOKIE } from "./_components/warehouse-cookie";

/** The freight calculator: open to every role (the quote is read-only). */
export default async function FreightCalculatorPage() {
  const session = await requirePermission("dashboard.view");
  const t = await getTranslations("freight.calculator");
  void getQueryClient().prefetchQuery(trpc.shops.warehouses.queryOptions());
  const saved = (await cookies()).get(WAREHOUSE_COOKIE)?.value;
  return (
    <HydrateClient>
      <PageHeader title={t("title")} />
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <FreightCalculator
          canEditTemplates={can(session.user.role, "settings.view")}
          savedWarehouseId={saved}
        />
      </Suspense>
    </HydrateClient>
  );
}
