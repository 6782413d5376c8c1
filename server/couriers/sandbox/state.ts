import { createSandboxState, type SandboxState } from "../contract";
import { sandboxRegistry } from "./accounts";

type Global = { __expressSandbox?: Map<string, SandboxState> };
const g = globalThis as Global;

/** One in-memory courier-side state per courier for this process (the sandbox forgets on restart). */
export function sandboxState(courier: string): SandboxState {
  g.__expressSandbox ??= new Map();
  let state = g.__expressSandbox.get(courier);
  if (!state) {
    state = createSandboxState(sandboxRegistry(courier));
    g.__expressSandbox.set(courier, state);
  }
  return state;
}
