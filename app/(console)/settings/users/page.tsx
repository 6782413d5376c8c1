import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { requirePermission } from "@/server/auth/current";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { UsersTable } from "./_components/users-table";

export default async function UsersPage() {
  const session = await requirePermission("users.manage");
  const t = await getTranslations("users");
  void getQueryClient().prefetchQuery(trpc.users.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("title")} />
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <UsersTable currentUserId={session.user.id} />
      </Suspense>
    </HydrateClient>
  );
}
