import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/empty-state";
import { Button } from "@/components/ui/button";
import { requirePermission } from "@/server/auth/current";
import { PackStation } from "./_components/pack-station";

export async function generateMetadata() {
  const t = await getTranslations("shipping.pack");
  return { title: t("title") };
}

export default async function PackPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("shipping.manage");
  const t = await getTranslations("shipping");
  const code = (await searchParams).code;
  return (
    <>
      <PageHeader title={t("pack.title")}>
        <Button variant="ghost" asChild>
          <Link href="/shipping">
            <ArrowLeft aria-hidden />
            {t("pack.backToQueue")}
          </Link>
        </Button>
      </PageHeader>
      <PackStation initialCode={typeof code === "string" ? code.slice(0, 64) : undefined} />
    </>
  );
}
