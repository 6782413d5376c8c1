import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Courier credentials at rest: AES-256-GCM with a random 96-bit IV per value. The stored form is
 * "v1.<iv>.<tag>.<ciphertext>" (base64url), so the key can be rotated later by version.
 */
export function encryptSecret(plaintext: string, key: Buffer): string {
  assertKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function decryptSecret(stored: string, key: Buffer): string {
  assertKey(key);
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined)
    throw new Error("not an encrypted courier secret");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(data, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

/** Shows enough to recognise a credential, never enough to use it: "fjcg••••zVci". */
export function maskSecret(value: string): string {
  if (value.length <= 4) return "••••";
  if (value.length <= 8) return `${value.slice(0, 1)}••••${value.slice(-1)}`;
  return `${value.slice(0, 4)}••••${value.slice(-4)}`;
}

function assertKey(key: Buffer) {
  if (key.length !== 32) throw new RangeError("the courier secret key must be 32 bytes");
}
