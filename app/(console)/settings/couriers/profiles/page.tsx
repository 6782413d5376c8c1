import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/empty-state";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/rsc";
import { ProfileEditor } from "./_components/profile-editor";

export default async function ProfilesPage() {
  const session = await requirePermission("couriers.view");
  const t = await getTranslations("profiles");
  void getQueryClient().prefetchQuery(trpc.couriers.profiles.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title={t("title")} />
      <Suspense fallback={<p className="text-sm text-slate-500">…</p>}>
        <ProfileEditor canManage={can(session.user.role, "couriers.manage")} />
      </Suspense>
    </HydrateClient>
  );
}
