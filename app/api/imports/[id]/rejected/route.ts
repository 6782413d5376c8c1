import { DomainError } from "@/server/errors";
import { problem } from "@/server/http/problem";
import { download, sessionFor } from "@/server/imports/http";
import { rejectedRowsFile } from "@/server/imports/service";

export const dynamic = "force-dynamic";

/** The rejected rows in the uploaded format and encoding, with an error column, to fix and re-import. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await sessionFor(request);
  if (auth instanceof Response) return auth;
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return problem(404, "Import not found");
  try {
    const file = await rejectedRowsFile(auth.db, id, auth.session.user.locale);
    return download(file.bytes, file.fileName, file.format);
  } catch (error) {
    if (error instanceof DomainError) return problem(error.httpStatus, error.message);
    throw error;
  }
}
