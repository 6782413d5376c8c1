import type { CourierDriver, SandboxHandler } from "./contract";
import { sfDriver } from "./drivers/sf";
import { sfSandbox } from "./sandbox/sf";

/** Built-in drivers by courier code, and the sandbox that plays each courier's side. */
const entries: Record<
  string,
  { driver: CourierDriver; sandbox?: SandboxHandler; production: string }
> = {
  sf: { driver: sfDriver, sandbox: sfSandbox, production: "https://bspgw.sf-express.com" },
};

export function driverFor(courier: string): CourierDriver | undefined {
  return entries[courier]?.driver;
}

export function sandboxFor(courier: string): SandboxHandler | undefined {
  return entries[courier]?.sandbox;
}

/**
 * Where an account's calls go when it has no base URL of its own: production accounts to the
 * courier, sandbox accounts to the console's own courier sandbox at `consoleOrigin`.
 */
export function defaultBaseUrl(consoleOrigin: string) {
  return (courier: string, environment: "sandbox" | "production"): string =>
    environment === "sandbox"
      ? `${consoleOrigin}/api/sandbox/${courier}`
      : (entries[courier]?.production ?? "");
}
