import { sandboxFor } from "@/server/couriers/registry";
import { sandboxFaults } from "@/server/couriers/sandbox/demo";
import { sandboxState } from "@/server/couriers/sandbox/state";
import { apiFault } from "@/server/couriers/sandbox/timelapse-faults";
import { fromWireResponse, problem, toWireRequest } from "@/server/http/problem";

/** The courier sandbox: plays the courier side of each built-in protocol over real HTTP. */
async function handle(request: Request, { params }: { params: Promise<{ courier: string }> }) {
  const { courier } = await params;
  const sandbox = sandboxFor(courier);
  if (!sandbox)
    return problem(404, "No sandbox for this courier", { detail: `unknown courier "${courier}"` });
  // Injected API faults (Settings > Couriers, sandbox accounts): answer 5xx, or hang.
  const fault = apiFault(sandboxFaults(courier), Math.random);
  if (fault.kind === "5xx") return problem(fault.status, "Sandbox fault: server error");
  if (fault.kind === "timeout") await new Promise((r) => setTimeout(r, fault.ms));
  return fromWireResponse(await sandbox(await toWireRequest(request), sandboxState(courier)));
}

export { handle as GET, handle as POST };
