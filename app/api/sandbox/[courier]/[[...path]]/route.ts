import { sandboxFor } from "@/server/couriers/registry";
import { sandboxState } from "@/server/couriers/sandbox/state";
import { fromWireResponse, problem, toWireRequest } from "@/server/http/problem";

/** The courier sandbox: plays the courier side of each built-in protocol over real HTTP. */
async function handle(request: Request, { params }: { params: Promise<{ courier: string }> }) {
  const { courier } = await params;
  const sandbox = sandboxFor(courier);
  if (!sandbox)
    return problem(404, "No sandbox for this courier", { detail: `unknown courier "${courier}"` });
  return fromWireResponse(await sandbox(await toWireRequest(request), sandboxState(courier)));
}

export { handle as GET, handle as POST };
