import { eq } from "drizzle-orm";
import { importBatches } from "@/db/schema";
import { problem } from "@/server/http/problem";
import { download, sessionFor } from "@/server/imports/http";
import { loadImportFile } from "@/server/imports/service";

export const dynamic = "force-dynamic";

/** The file exactly as uploaded, kept for audit. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await sessionFor(request);
  if (auth instanceof Response) return auth;
  const id = Number((await params).id);
  const [batch] = Number.isInteger(id)
    ? await auth.db
        .select({
          fileName: importBatches.fileName,
          format: importBatches.format,
        })
        .from(importBatches)
        .where(eq(importBatches.id, id))
    : [];
  if (!batch) return problem(404, "Import not found");
  const bytes = await loadImportFile(auth.db, id);
  return download(bytes, batch.fileName, batch.format ?? "csv");
}
