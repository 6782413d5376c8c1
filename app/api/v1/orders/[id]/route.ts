import { getOrderById } from "@/server/api-v1/orders";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET /api/v1/orders/{id} */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { db } = await getRuntime();
  return getOrderById({ db }, request, await params);
}
