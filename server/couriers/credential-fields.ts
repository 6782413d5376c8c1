/**
 * The credentials each built-in driver needs, as its courier's portal names them. `secret` fields
 * are masked in the UI and audit log; the others (account ids) are shown in clear.
 */
export type CredentialField = { key: string; secret: boolean };

export const credentialFields: Record<string, readonly CredentialField[]> = {
  sf: [
    { key: "partnerID", secret: false },
    { key: "checkWord", secret: true },
    { key: "monthlyCard", secret: false },
  ],
  kdniao: [
    { key: "EBusinessID", secret: false },
    { key: "ApiKey", secret: true },
  ],
  kuaidi100: [
    { key: "customer", secret: false },
    { key: "key", secret: true },
    { key: "secret", secret: true },
    { key: "salt", secret: true },
  ],
  zto: [
    { key: "appKey", secret: false },
    { key: "appSecret", secret: true },
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
