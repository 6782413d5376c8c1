import { DomainError } from "@/server/errors";
import { problem } from "@/server/http/problem";
import { processImport } from "@/server/imports/jobs";
import { createImport } from "@/server/imports/service";
import { sessionFor } from "@/server/imports/http";

export const dynamic = "force-dynamic";

/** Largest order file accepted: a 100k-row platform export is about 30 MB. */
const MAX_BYTES = 50 * 1024 * 1024;

/** Upload an order file (multipart: `file`, `shopId`); preview starts at once. */
export async function POST(request: Request) {
  const auth = await sessionFor(request);
  if (auth instanceof Response) return auth;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BYTES)
    return problem(413, "File too large", {
      detail: "Files up to 50 MB can be imported; split bigger ones.",
    });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return problem(400, "Expected a multipart form with a file");
  }
  const file = form.get("file");
  const shopField = form.get("shopId");
  const shopId = typeof shopField === "string" ? shopField : "";
  if (!(file instanceof File)) {
    return problem(422, "Choose a file", {
      errors: [{ field: "file", message: "imports.errors.noFile" }],
    });
  }
  if (file.size > MAX_BYTES)
    return problem(413, "File too large", {
      detail: "Files up to 50 MB can be imported; split bigger ones.",
    });
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { id } = await createImport(auth.db, auth.session.user.id, {
      shopId,
      fileName: file.name || "orders.csv",
      bytes,
    });
    const { queued } = await processImport(
      auth.db,
      { batchId: id, step: "preview" },
      { bytes: bytes.length },
    );
    return Response.json({ id, queued }, { status: 201 });
  } catch (error) {
    if (error instanceof DomainError) {
      return problem(error.httpStatus, error.message, {
        errors: Object.entries(error.details.fields ?? {}).map(([field, message]) => ({
          field,
          message,
        })),
      });
    }
    throw error;
  }
}
