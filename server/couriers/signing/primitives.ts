/**
 * Fixed, pure building blocks for courier signatures (PROTOCOLS.md §0 and §11).
 *
 * Every string is signed as UTF-8 (PROTOCOLS.md §11: "MD5 input is UTF-8 bytes").
 *
 * What this runtime offers (checked on Node 20.20 / OpenSSL 3.0.19): `crypto.getHashes()` lists
 * "sm3" and `crypto.getCiphers()` lists "sm4-ecb", so SM3 and SM4 come from OpenSSL and are not
 * hand-rolled here. OpenSSL builds configured with `no-sm3` / `no-sm4` (some distribution
 * packages) lack them; `sm3` and the SM4 helpers then throw a clear error instead of an opaque
 * OpenSSL one, and `cryptoSupport()` lets callers check up front.
 */
import { Buffer } from "node:buffer";
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  getCiphers,
  getHashes,
  timingSafeEqual,
} from "node:crypto";

export type BytesLike = string | Uint8Array;

export const DIGEST_ALGORITHMS = ["md5", "sha1", "sha256", "sm3"] as const;
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];

export const TEXT_ENCODINGS = ["hex-lower", "hex-upper", "base64"] as const;
/** How digest bytes become text. "raw" (keep the bytes) is simply not encoding them. */
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export const URL_ENCODINGS = ["java", "rfc3986"] as const;
export type UrlEncoding = (typeof URL_ENCODINGS)[number];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_GLOBAL = new RegExp(LONE_SURROGATE.source, "g");

/**
 * UTF-8 bytes of a string. Strings with unpaired surrogates are refused: Java turns them into
 * '?', Node into U+FFFD and Python raises, so a signature over one can never agree across peers.
 */
export function utf8(text: string): Buffer {
  if (LONE_SURROGATE.test(text)) {
    throw new RangeError("cannot sign a string containing unpaired UTF-16 surrogates");
  }
  return Buffer.from(text, "utf8");
}

function toBytes(input: BytesLike): Buffer {
  return typeof input === "string" ? utf8(input) : Buffer.from(input);
}

export function cryptoSupport(): { sm3: boolean; sm4Ecb: boolean } {
  return { sm3: getHashes().includes("sm3"), sm4Ecb: getCiphers().includes("sm4-ecb") };
}

function requireSupport(feature: "sm3" | "sm4Ecb"): void {
  if (!cryptoSupport()[feature]) {
    throw new Error(`this Node/OpenSSL build has no ${feature === "sm3" ? "SM3" : "SM4-ECB"}`);
  }
}

/** Raw digest bytes of the UTF-8 input. */
export function digest(algorithm: DigestAlgorithm, input: BytesLike): Buffer {
  if (algorithm === "sm3") requireSupport("sm3");
  return createHash(algorithm).update(toBytes(input)).digest();
}

export const md5 = (input: BytesLike): Buffer => digest("md5", input);
export const sha1 = (input: BytesLike): Buffer => digest("sha1", input);
export const sha256 = (input: BytesLike): Buffer => digest("sha256", input);
/** SM3 per GB/T 32905-2016, via OpenSSL. */
export const sm3 = (input: BytesLike): Buffer => digest("sm3", input);

export function hmacSha256(key: BytesLike, input: BytesLike): Buffer {
  return createHmac("sha256", toBytes(key)).update(toBytes(input)).digest();
}

export const hexLower = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
export const hexUpper = (bytes: Uint8Array): string => hexLower(bytes).toUpperCase();

/**
 * Base64 of bytes. Deliberately takes no string: Kdniao and Deppon Base64 the *hex string*
 * (`base64(utf8(hexLower(d)))`, 44 chars) while SF/ZTO/J&T Base64 the raw digest
 * (`base64(d)`, 24 chars), and the call site should spell out which one it means.
 */
export const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64");

export function base64Decode(text: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new RangeError("not canonical padded Base64");
  }
  return Buffer.from(text, "base64");
}

export function encodeBytes(bytes: Uint8Array, encoding: TextEncoding): string {
  switch (encoding) {
    case "hex-lower":
      return hexLower(bytes);
    case "hex-upper":
      return hexUpper(bytes);
    case "base64":
      return base64(bytes);
  }
}

const pctUpper = (ch: string): string =>
  `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;

/**
 * `java.net.URLEncoder.encode(s, "UTF-8")`, byte for byte: keeps `A-Z a-z 0-9 . - * _`, turns
 * space into `+`, percent-encodes everything else (including `~ ! ' ( )`) as upper-case hex of the
 * UTF-8 bytes, and, like Java's UTF-8 encoder, replaces an unpaired surrogate by `?` (`%3F`).
 * encodeURIComponent already emits upper-case UTF-8 escapes, so only its differing set is patched;
 * "%20" can only come from a space because a literal '%' comes out as "%25".
 */
export function javaUrlEncode(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE_GLOBAL, "?"))
    .replace(/[!'()~]/g, pctUpper)
    .replace(/%20/g, "+");
}

/** RFC 3986 percent-encoding: only `A-Z a-z 0-9 - . _ ~` stay literal, space is `%20`. */
export function rfc3986Encode(text: string): string {
  if (LONE_SURROGATE.test(text)) {
    throw new RangeError("cannot percent-encode unpaired UTF-16 surrogates");
  }
  return encodeURIComponent(text).replace(/[!'()*]/g, pctUpper);
}

export function urlEncode(text: string, flavor: UrlEncoding): string {
  return flavor === "java" ? javaUrlEncode(text) : rfc3986Encode(text);
}

export type FormFields =
  Readonly<Record<string, string>> | ReadonlyArray<readonly [string, string]>;

/**
 * An `application/x-www-form-urlencoded` body in the given order. The WHATWG form serializer and
 * Java's URLEncoder keep the same byte set, so servers in either world decode it identically.
 * Pass raw values: encoding them first would double-encode (PROTOCOLS.md §0 trap 5).
 */
export function formUrlEncode(fields: FormFields): string {
  const pairs: ReadonlyArray<readonly [string, string]> = Array.isArray(fields)
    ? fields
    : Object.entries(fields);
  return pairs.map(([k, v]) => `${javaUrlEncode(k)}=${javaUrlEncode(v)}`).join("&");
}

/** Decodes a form body exactly once (`+` is space), keeping order and repeated keys. */
export function formUrlDecode(body: string): Array<[string, string]> {
  return [...new URLSearchParams(body)];
}

/** Compares signatures without leaking the mismatch position through timing. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

function sm4Key(key: Uint8Array): Buffer {
  requireSupport("sm4Ecb");
  if (key.length !== 16) throw new RangeError(`SM4 key must be 16 bytes, got ${key.length}`);
  return Buffer.from(key);
}

/** SM4 (GB/T 32907-2016) in ECB mode with PKCS#7 padding, as EMS uses it (PROTOCOLS.md §10). */
export function sm4EcbEncrypt(plaintext: BytesLike, key: Uint8Array): Buffer {
  const cipher = createCipheriv("sm4-ecb", sm4Key(key), null);
  return Buffer.concat([cipher.update(toBytes(plaintext)), cipher.final()]);
}

export function sm4EcbDecrypt(ciphertext: Uint8Array, key: Uint8Array): Buffer {
  const decipher = createDecipheriv("sm4-ecb", sm4Key(key), null);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}
