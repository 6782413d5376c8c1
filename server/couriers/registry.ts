import type { CourierDriver, SandboxHandler } from "./contract";
import { builtInProfiles } from "./profiles";
import { cainiaoDriver } from "./drivers/cainiao";
import { emsDriver } from "./drivers/ems";
import { jtDriver } from "./drivers/jt";
import { kdniaoDriver } from "./drivers/kdniao";
import { kuaidi100Driver } from "./drivers/kuaidi100";
import { sfDriver } from "./drivers/sf";
import { stoDriver } from "./drivers/sto";
import { ytoDriver } from "./drivers/yto";
import { ztoDriver } from "./drivers/zto";
import { jtSandbox } from "./sandbox/jt";
import { kdniaoSandbox } from "./sandbox/kdniao";
import { kuaidi100Sandbox } from "./sandbox/kuaidi100";
import { sfSandbox } from "./sandbox/sf";
import { cainiaoSandbox } from "./sandbox/cainiao";
import { depponSandbox } from "./sandbox/deppon";
import { emsSandbox } from "./sandbox/ems";
import { stoSandbox } from "./sandbox/sto";
import { yundaSandbox } from "./sandbox/yunda";
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
  ems: { driver: emsDriver, sandbox: emsSandbox, production: "https://api.ems.com.cn" },
  sto: {
    driver: stoDriver,
    sandbox: stoSandbox,
    production: "https://cloudinter-linkgatewayonline.sto.cn",
  },
  cainiao: {
    driver: cainiaoDriver,
    sandbox: cainiaoSandbox,
    production: "https://link.cainiao.com",
  },
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

/**
 * Sandboxes of couriers defined by built-in profiles (no hand-written driver); their production
 * endpoints come from the profile itself.
 */
const profileSandboxes: Record<string, { sandbox: SandboxHandler; production: string }> = {
  yunda: { sandbox: yundaSandbox, production: builtInProfiles.yunda.endpoints?.production ?? "" },
  deppon: {
    sandbox: depponSandbox,
    production: builtInProfiles.deppon.endpoints?.production ?? "",
  },
};

export function sandboxFor(courier: string): SandboxHandler | undefined {
  return entries[courier]?.sandbox ?? profileSandboxes[courier]?.sandbox;
}

/**
 * Where an account's calls go when it has no base URL of its own: production accounts to the
 * courier, sandbox accounts to the console's own courier sandbox at `consoleOrigin`.
 */
export function defaultBaseUrl(consoleOrigin: string) {
  return (courier: string, environment: "sandbox" | "production"): string =>
    environment === "sandbox"
      ? `${consoleOrigin}/api/sandbox/${courier}`
      : (entries[courier]?.production ?? profileSandboxes[courier]?.production ?? "");
}
