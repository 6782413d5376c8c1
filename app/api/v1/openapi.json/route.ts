import { openApiDocument } from "@/server/api-v1/openapi";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The REST v1 description, public so API tools can fetch it without a key. */
export function GET() {
  return Response.json(openApiDocument(), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
