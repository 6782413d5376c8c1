/** Liveness for load balancers: answers without touching the database (see /api/health for that). */
export function GET() {
  return new Response("ok", {
    headers: { "content-type": "text/plain", "cache-control": "no-store" },
  });
}
