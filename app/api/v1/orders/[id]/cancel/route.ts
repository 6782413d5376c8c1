import { cancelOrderById } from "@/server/api-v1/orders";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** POST /api/v1/orders/{id}/cancel */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { db } = await getRuntime();
  return cancelOrderById({ db }, request, await params);
}
