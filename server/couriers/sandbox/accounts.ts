/**
 * The accounts the courier sandbox "issued": it accepts exactly these credentials, as a real
 * courier accepts only what its portal issued. The demo seeds matching sandbox courier accounts.
 * They are test values with no meaning outside the sandbox.
 */
export const sandboxAccounts = {
  sf: {
    partnerID: "EXPRESS_DEMO",
    checkWord: "sandboxCheckWord0123456789abcdef",
    monthlyCard: "7551234567",
  },
  kdniao: { EBusinessID: "1237100", ApiKey: "sandbox-kdniao-api-key-0000000000" },
  kuaidi100: {
    customer: "EXPRESSDEMO0000000000000000000000",
    key: "sandboxKuaidi100Key",
    secret: "sandboxKuaidi100Secret0000000000",
    salt: "sandboxSalt",
  },
  // ZTO publishes these for its japi-test sandbox (PROTOCOLS.md §4); SF shares 7551234567.
  zto: { appKey: "72089d3deb0ae445cdd35", appSecret: "11109419708e0cc91fd0a1b9369d64c4" },
  jt: {
    apiAccount: "178337126125932605",
    privateKey: "sandbox-jt-private-key-000000000",
    customerCode: "J0086474299",
    password: "sandbox-pass",
  },
  yto: {
    apiKey: "express-demo-yto",
    customerCode: "K21000119",
    secret: "sandbox-yto-secret-0000000000000",
  },
  yunda: {
    appKey: "express-demo-yunda",
    appSecret: "sandbox-yunda-app-secret-00000000",
    partnerId: "201700101001",
    secret: "sandbox-bm-pass",
  },
  deppon: {
    companyCode: "EXPRESSDEMO",
    appKey: "sandbox-deppon-appkey-0000000000",
    sign: "EXP",
    customerCode: "400000001",
  },
  ems: {
    senderNo: "1100000000001",
    authorization: "sandbox-ems-authorization-0000",
    // Base64 of the 16-byte SM4 key "ExpressDemoSM4K!" (sandbox only).
    signKey: "RXhwcmVzc0RlbW9TTTRLIQ==",
  },
  sto: {
    appKey: "CAKExpressDemo",
    resourceCode: "ExpressDemo",
    secretKey: "sandbox-sto-secret-0000000000000",
  },
  cainiao: {
    logisticProviderId: "express-demo-cainiao",
    secretKey: "sandbox-cainiao-secret-000000000",
    appCode: "express-demo-app",
  },
} as const satisfies Record<string, Record<string, string>>;

export type SandboxCourier = keyof typeof sandboxAccounts;

/** The credential each sandbox looks an account up by (the id the courier's portal issued). */
const accountIdField: Record<SandboxCourier, string> = {
  sf: "partnerID",
  kdniao: "EBusinessID",
  kuaidi100: "customer",
  zto: "appKey",
  jt: "apiAccount",
  yto: "apiKey",
  yunda: "appKey",
  deppon: "companyCode",
  ems: "senderNo",
  sto: "appKey",
  cainiao: "logisticProviderId",
};

/** The sandbox's account registry for one courier: account id -> credentials. */
export function sandboxRegistry(courier: string): Record<string, Record<string, string>> {
  if (!(courier in sandboxAccounts)) return {};
  const c = courier as SandboxCourier;
  const credentials: Record<string, string> = sandboxAccounts[c];
  return { [credentials[accountIdField[c]]!]: credentials };
}
