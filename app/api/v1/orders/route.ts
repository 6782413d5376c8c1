import { createOrder, findOrderByPlatformNo } from "@/server/api-v1/orders";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET /api/v1/orders?shop=&platformOrderNo= */
export async function GET(request: Request) {
  const { db } = await getRuntime();
  return findOrderByPlatformNo({ db }, request, {});
}

/** POST /api/v1/orders */
export async function POST(request: Request) {
  const { db } = await getRuntime();
  return createOrder({ db }, request, {});
}
