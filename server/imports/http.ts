import type { Db } from "@/db/client";
import { can } from "@/server/auth/permissions";
import { readSession, type AppSession } from "@/server/auth/session";
import { problem } from "@/server/http/problem";
import { getRuntime } from "@/server/runtime";

/** Route handlers of the import screen: a signed-in user allowed to import, or the error response. */
export async function sessionFor(
  request: Request,
): Promise<{ db: Db; session: AppSession } | Response> {
  const { auth, db } = await getRuntime();
  const session = await readSession(auth, db, request.headers);
  if (!session) return problem(401, "Sign in first");
  if (!can(session.user.role, "imports.manage"))
    return problem(403, "Your role cannot import orders");
  return { db, session };
}

export function download(bytes: Uint8Array, fileName: string, format: "csv" | "xlsx") {
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type":
        format === "xlsx"
          ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          : "text/csv",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
    },
  });
}
