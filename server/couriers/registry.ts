import type { CourierDriver, SandboxHandler } from "./contract";
import { jtDriver } from "./drivers/jt";
import { kdniaoDriver } from "./drivers/kdniao";
import { kuaidi100Driver } from "./drivers/kuaidi100";
import { sfDriver } from "./drivers/sf";
import { ytoDriver } from "./drivers/yto";
import { ztoDriver } from "./drivers/zto";
import { jtSandbox } from "./sandbox/jt";
import { kdniaoSandbox } from "./sandbox/kdniao";
import { kuaidi100Sandbox } from "./sandbox/kuaidi100";
import { sfSandbox } from "./sandbox/sf";
import { ytoSandbox } from "./sandbox/yto";
import { ztoSandbox } from "./sandbox/zto";

/** Built-in drivers by courier code, and the sandbox that plays each courier's side. */
const entries: Record<
  string,
  { driver: CourierDriver; sandbox?: SandboxHandler; production: string }
> = {
  sf: { driver: sfDriver, sandbox: sfSandbox, production: "https://bspgw.sf-express.com" },
  zto: { driver: ztoDriver, sandbox: ztoSandbox, production: "https://japi.zto.com" },
  jt: {
    driver: jtDriver,
    sandbox: jtSandbox,
    production: "https://openapi.jtexpress.com.cn/webopenplatformapi/api",
  },
  yto: { driver: ytoDriver, sandbox: ytoSandbox, production: "https://openapi.yto.net.cn:11443" },
  kdniao: { driver: kdniaoDriver, sandbox: kdniaoSandbox, production: "https://api.kdniao.com" },
  kuaidi100: {
    driver: kuaidi100Driver,
    sandbox: kuaidi100Sandbox,
    production: "https://poll.kuaidi100.com",
  },
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
