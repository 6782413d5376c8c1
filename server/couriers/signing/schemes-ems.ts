/**
 * EMS (中国邮政速递, api.ems.com.cn) `logitcsInterface` (sic), PROTOCOLS.md §0 and §10 [D][?]:
 * `logitcsInterface = "|$4|" + Base64(SM4-ECB-PKCS7(plaintext + key, key))`.
 *
 * "key" is the SM4 sign key EMS issues as a Base64 string. PROTOCOLS.md does not say which form
 * of it goes where; public EMS clients (PHP and TypeScript adapters) use its 16 *decoded* bytes as
 * the cipher key and append the *undecoded Base64 text* to the plaintext. A logged EMS push found
 * in a public repository decrypts under the decoded key (schemes-ems.test.ts), which pins the key
 * form; pushes carry no key suffix, requests do.
 */
import type { Buffer } from "node:buffer";
import { base64, base64Decode, sm4EcbDecrypt, sm4EcbEncrypt } from "./primitives";

const PREFIX = "|$4|";

function cipherKey(signKey: string): Buffer {
  const key = base64Decode(signKey);
  if (key.length !== 16) {
    throw new RangeError("EMS sign key must be the Base64 text of a 16-byte SM4 key");
  }
  return key;
}

/** The request's `logitcsInterface`: `"|$4|" + Base64(SM4_ECB_PKCS7(plaintext + signKey))`. */
export function emsEncryptLogitcsInterface(input: { plaintext: string; signKey: string }): string {
  const { plaintext, signKey } = input;
  return PREFIX + base64(sm4EcbEncrypt(plaintext + signKey, cipherKey(signKey)));
}

/** Decrypts a `logitcsInterface` as received (push or request) without interpreting the text. */
export function emsDecryptLogitcsInterface(input: {
  logitcsInterface: string;
  signKey: string;
}): string {
  const { logitcsInterface, signKey } = input;
  if (!logitcsInterface.startsWith(PREFIX)) {
    throw new Error(`EMS logitcsInterface must start with ${PREFIX}`);
  }
  const ciphertext = base64Decode(logitcsInterface.slice(PREFIX.length));
  return sm4EcbDecrypt(ciphertext, cipherKey(signKey)).toString("utf8");
}

/**
 * Sandbox side of a request: decrypts and checks that the plaintext ends with the sign key, which
 * is the only authentication the scheme has, then returns the business JSON without it.
 */
export function emsOpenRequest(input: { logitcsInterface: string; signKey: string }): string {
  const text = emsDecryptLogitcsInterface(input);
  if (!text.endsWith(input.signKey)) {
    throw new Error("EMS request plaintext does not end with the sign key");
  }
  return text.slice(0, text.length - input.signKey.length);
}
