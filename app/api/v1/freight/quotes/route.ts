import { createFreightQuotes } from "@/server/freight/api";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** POST /api/v1/freight/quotes: every enabled courier's freight quote for a parcel. */
export async function POST(request: Request) {
  const { db } = await getRuntime();
  return createFreightQuotes({ db }, request, {});
}
