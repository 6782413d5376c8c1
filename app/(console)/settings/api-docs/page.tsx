import { Download, KeyRound } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/empty-state";
import { Button } from "@/components/ui/button";
import { openApiDocument } from "@/server/api-v1/openapi";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { ApiReference } from "./_components/api-reference";
import type { OpenApiDoc } from "./_components/openapi";

/** REST API v1 reference, rendered from the same OpenAPI document /api/v1/openapi.json serves. */
export default async function ApiDocsPage() {
  const session = await requirePermission("settings.view");
  const t = await getTranslations("apiDocs");
  // The generated document is plain JSON; the page reads it through a looser, render-only type.
  const doc = openApiDocument() as unknown as OpenApiDoc;
  return (
    <>
      <PageHeader title={t("title")}>
        {can(session.user.role, "apiKeys.manage") ? (
          <Button asChild variant="secondary">
            <Link href="/settings/api-keys">
              <KeyRound aria-hidden />
              {t("manageKeys")}
            </Link>
          </Button>
        ) : null}
        <Button asChild variant="secondary">
          <a href="/api/v1/openapi.json" download="openapi.json">
            <Download aria-hidden />
            {t("download")}
          </a>
        </Button>
      </PageHeader>
      <ApiReference doc={doc} />
    </>
  );
}
