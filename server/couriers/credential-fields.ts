/**
 * The credentials each built-in driver needs, as its courier's portal names them. `secret` fields
 * are masked in the UI and audit log; the others (account ids) are shown in clear.
 */
/** `required: false` marks optional keys (e.g. a per-courier e-waybill account at an aggregator). */
export type CredentialField = { key: string; secret: boolean; required?: boolean };

export const credentialFields: Record<string, readonly CredentialField[]> = {
  sf: [
    { key: "partnerID", secret: false },
    { key: "checkWord", secret: true },
    { key: "monthlyCard", secret: false },
  ],
  kdniao: [
    { key: "EBusinessID", secret: false },
    { key: "ApiKey", secret: true },
    { key: "CustomerName", secret: false, required: false },
    { key: "CustomerPwd", secret: true, required: false },
    { key: "SendSite", secret: false, required: false },
    { key: "MonthCode", secret: false, required: false },
  ],
  kuaidi100: [
    { key: "customer", secret: false },
    { key: "key", secret: true },
    { key: "secret", secret: true },
    { key: "salt", secret: true },
    { key: "kuaidicom", secret: false, required: false },
    { key: "tempId", secret: false, required: false },
  ],
  zto: [
    { key: "appKey", secret: false },
    { key: "appSecret", secret: true },
    { key: "accountId", secret: false, required: false },
    { key: "accountPassword", secret: true, required: false },
  ],
  ems: [
    { key: "senderNo", secret: false },
    { key: "authorization", secret: true },
    { key: "signKey", secret: true },
    { key: "ecommerceUserId", secret: false, required: false },
  ],
  sto: [
    { key: "appKey", secret: false },
    { key: "resourceCode", secret: false },
    { key: "secretKey", secret: true },
    { key: "siteCode", secret: false, required: false },
    { key: "customerName", secret: false, required: false },
    { key: "sitePwd", secret: true, required: false },
    { key: "monthCustomerCode", secret: false, required: false },
  ],
  cainiao: [
    { key: "logisticProviderId", secret: false },
    { key: "secretKey", secret: true },
    { key: "appCode", secret: false },
    { key: "cpCode", secret: false, required: false },
    { key: "userId", secret: false, required: false },
  ],
  yto: [
    { key: "apiKey", secret: false },
    { key: "customerCode", secret: false },
    { key: "secret", secret: true },
  ],
  jt: [
    { key: "apiAccount", secret: false },
    { key: "privateKey", secret: true },
    { key: "customerCode", secret: false },
    { key: "password", secret: true },
  ],
};

export function fieldsFor(courier: string): readonly CredentialField[] | undefined {
  return credentialFields[courier];
}
