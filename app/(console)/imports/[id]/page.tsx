import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { ImportDetail } from "../_components/import-detail";

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("imports.manage");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const qc = getQueryClient();
  try {
    await qc.fetchQuery(trpc.imports.byId.queryOptions({ id }));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  void qc.prefetchQuery(trpc.imports.fields.queryOptions());
  void qc.prefetchQuery(trpc.shops.list.queryOptions());
  const role = session.user.role;
  return (
    <HydrateClient>
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <ImportDetail
          id={id}
          canShipping={can(role, "shipping.view")}
          canOrders={can(role, "orders.view")}
        />
      </Suspense>
    </HydrateClient>
  );
}
