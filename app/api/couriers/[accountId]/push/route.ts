import { receivePush } from "@/server/couriers/push";
import { fromWireResponse, problem, toWireRequest } from "@/server/http/problem";
import { getRuntime } from "@/server/runtime";

/** Courier push receiver: one URL per courier account, answered in that courier's own format. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ accountId: string }> },
) {
  const { accountId } = await params;
  const { db, courierKey } = await getRuntime();
  const url = new URL(request.url);
  const clientIp =
    request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ??
    request.headers.get("x-real-ip");
  const outcome = await receivePush(db, courierKey, accountId, await toWireRequest(request), {
    token: url.searchParams.get("token"),
    clientIp,
  });
  switch (outcome.kind) {
    case "unknown-account":
      return problem(404, "Unknown courier account", {
        detail: `no courier account "${accountId}"`,
      });
    case "no-push-protocol":
      return problem(404, "This courier does not push", {
        detail: `account "${accountId}" has no push protocol`,
      });
    case "rejected": {
      const reply = fromWireResponse(outcome.reply);
      return new Response(reply.body, { status: outcome.status, headers: reply.headers });
    }
    case "stored":
      return fromWireResponse(outcome.reply);
  }
}
