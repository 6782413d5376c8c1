/**
 * One function per courier signature scheme of PROTOCOLS.md §0, composed only from the fixed
 * primitives. Each takes the exact strings that go on the wire (§0 trap 4: sign the serialized
 * string once and send that same string) and returns the signature as sent, before any form
 * encoding; pass it to `formUrlEncode` as a raw value (§0 trap 5).
 *
 * EMS lives in `schemes-ems.ts` because it is encryption rather than a digest.
 */
import {
  base64,
  encodeBytes,
  hexLower,
  hexUpper,
  hmacSha256,
  javaUrlEncode,
  md5,
  sha256,
  utf8,
} from "./primitives";

// --- SF Express (§1) --------------------------------------------------------------------------

/**
 * `msgDigest = Base64(MD5_raw(JavaURLEncoder.encode(msgData + timestamp + checkWord, UTF-8)))`
 * (PROTOCOLS.md §0, §1.2 [V]). Java semantics matter as soon as msgData holds a space or `~!'()`.
 */
export function sfMsgDigest(input: {
  msgData: string;
  timestamp: string;
  checkWord: string;
}): string {
  return base64(md5(javaUrlEncode(input.msgData + input.timestamp + input.checkWord)));
}

/** Legacy BSP XML: `verifyCode = Base64(MD5_raw(xml + checkWord))` (PROTOCOLS.md §0, §1.1 [V]). */
export function sfLegacyVerifyCode(input: { xml: string; checkWord: string }): string {
  return base64(md5(input.xml + input.checkWord));
}

// --- Kuaidi100 (§2) ---------------------------------------------------------------------------

/** Real-time query: `sign = UPPER(HEX(MD5(param + key + customer)))` (PROTOCOLS.md §0, §2.1 [S]). */
export function kuaidi100QuerySign(input: {
  param: string;
  key: string;
  customer: string;
}): string {
  return hexUpper(md5(input.param + input.key + input.customer));
}

/**
 * Label/order/price/time, printapi and merchant pickup:
 * `sign = UPPER(HEX(MD5(param + t + key + secret)))` (PROTOCOLS.md §0, §2.3 [S]).
 */
export function kuaidi100OrderSign(input: {
  param: string;
  t: string;
  key: string;
  secret: string;
}): string {
  return hexUpper(md5(input.param + input.t + input.key + input.secret));
}

/** Cloud-platform sign: `UPPER(MD5(key + secret))` (PROTOCOLS.md §2.3, "Older endpoints"). */
export function kuaidi100CloudSign(input: { key: string; secret: string }): string {
  return hexUpper(md5(input.key + input.secret));
}

/** Push to the merchant: `sign = UPPER(HEX(MD5(param + salt)))` (PROTOCOLS.md §0, §2.2 [S]). */
export function kuaidi100PushSign(input: { param: string; salt: string }): string {
  return hexUpper(md5(input.param + input.salt));
}

// --- Kdniao (§3) ------------------------------------------------------------------------------

/**
 * `DataSign = Base64(LOWER_HEX(MD5(RequestData + ApiKey)))`: Base64 of the 32-char hex *string*
 * (PROTOCOLS.md §0, §3.1 [V]). Returned before the wire URL-encoding; pushes (§3.5) carry it as is.
 */
export function kdniaoDataSign(input: { requestData: string; apiKey: string }): string {
  return base64(utf8(hexLower(md5(input.requestData + input.apiKey))));
}

// --- ZTO ZOP (§4) -----------------------------------------------------------------------------

/**
 * zopsdk-java `ZopDigestUtil.digest` options (PROTOCOLS.md §4.1): MD5 by default, SHA256 or
 * HmacSHA256 (keyed with the request's separate secret key) instead; Base64 by default, lower hex
 * instead; with a timestamp the string to digest is prefixed by it.
 */
export type ZtoDigestOptions = {
  timestamp?: string;
  encoding?: "base64" | "hex-lower";
} & ({ algorithm?: "md5" | "sha256" } | { algorithm: "hmac-sha256"; hmacKey: string });

function ztoDigest(strToDigest: string, options: ZtoDigestOptions): string {
  const text = (options.timestamp ?? "") + strToDigest;
  const bytes =
    options.algorithm === "hmac-sha256"
      ? hmacSha256(options.hmacKey, text)
      : options.algorithm === "sha256"
        ? sha256(text)
        : md5(text);
  return encodeBytes(bytes, options.encoding ?? "base64");
}

/**
 * JSON mode header `x-dataDigest = Base64(MD5_raw(body + appSecret))` (PROTOCOLS.md §0, §4.1 [S]);
 * also the trace push `data_digest = Base64(MD5_raw(data + appSecret))` (§4.3 [V]).
 */
export function ztoDataDigest(
  input: { body: string; appSecret: string },
  options: ZtoDigestOptions = {},
): string {
  return ztoDigest(input.body + input.appSecret, options);
}

/**
 * Legacy form mode: `Base64(MD5_raw("k1=v1&k2=v2…" + key))` with *un-encoded* values in the order
 * actually sent (PROTOCOLS.md §0, §4.1 [S][D]); the body itself is form-encoded separately.
 */
export function ztoFormDigest(
  input: { fields: ReadonlyArray<readonly [string, string]>; key: string },
  options: ZtoDigestOptions = {},
): string {
  const joined = input.fields.map(([k, v]) => `${k}=${v}`).join("&");
  return ztoDigest(joined + input.key, options);
}

// --- J&T Express China (§5) -------------------------------------------------------------------

/** Header `digest = Base64(MD5_raw(bizContent + privateKey))` (PROTOCOLS.md §0, §5.1 [V]). */
export function jtHeaderDigest(input: { bizContent: string; privateKey: string }): string {
  return base64(md5(input.bizContent + input.privateKey));
}

/** `UPPER(HEX(MD5(password + "jadada236t2")))`, upper-cased before use (PROTOCOLS.md §0 trap 2). */
export function jtPasswordCipher(password: string): string {
  return hexUpper(md5(password + "jadada236t2"));
}

/**
 * Business `bizContent.digest = Base64(MD5_raw(customerCode + UPPER(HEX(MD5(pwd + "jadada236t2")))
 * + privateKey))` (PROTOCOLS.md §0, §5.1 [V]).
 */
export function jtBusinessDigest(input: {
  customerCode: string;
  password: string;
  privateKey: string;
}): string {
  return base64(md5(input.customerCode + jtPasswordCipher(input.password) + input.privateKey));
}

// --- YTO (§6) ---------------------------------------------------------------------------------

/**
 * New platform: `sign = Base64(MD5_raw(param + method + v + secret))`, v is "v1"
 * (PROTOCOLS.md §0, §6 [S]).
 */
export function ytoSign(input: {
  param: string;
  method: string;
  v?: string;
  secret: string;
}): string {
  return base64(md5(input.param + input.method + (input.v ?? "v1") + input.secret));
}

/**
 * Old platform: `sign = UPPER(HEX(MD5(secret + "app_key"+k + "format"+f + "method"+m +
 * "timestamp"+t + "user_id"+u + "v"+v)))` (PROTOCOLS.md §0, §6 [S]).
 */
export function ytoLegacySign(input: {
  secret: string;
  appKey: string;
  format: string;
  method: string;
  timestamp: string;
  userId: string;
  v: string;
}): string {
  const { secret, appKey, format, method, timestamp, userId, v } = input;
  return hexUpper(
    md5(
      `${secret}app_key${appKey}format${format}method${method}timestamp${timestamp}user_id${userId}v${v}`,
    ),
  );
}

// --- Yunda (§7), Deppon (§8) ------------------------------------------------------------------

/** Header `sign = LOWER(HEX(MD5(body + "_" + appSecret)))` (PROTOCOLS.md §0, §7 [S]). */
export function yundaSign(input: { body: string; appSecret: string }): string {
  return hexLower(md5(`${input.body}_${input.appSecret}`));
}

/**
 * `digest = Base64(LOWER_HEX(MD5(params + appkey + timestamp)))`: Base64 of the hex *string*, like
 * Kdniao (PROTOCOLS.md §0, §8 [S][D]).
 */
export function depponDigest(input: { params: string; appKey: string; timestamp: string }): string {
  return base64(utf8(hexLower(md5(input.params + input.appKey + input.timestamp))));
}

// --- Cainiao LINK / STO LINK (§9) -------------------------------------------------------------

/** `data_digest = Base64(MD5_raw(logistics_interface + secretKey))` (PROTOCOLS.md §0, §9 [V]). */
export function cainiaoDataDigest(input: {
  logisticsInterface: string;
  secretKey: string;
}): string {
  return base64(md5(input.logisticsInterface + input.secretKey));
}

/** STO LINK: `data_digest = Base64(MD5_raw(content + secretKey))` (PROTOCOLS.md §0, §9). */
export function stoDataDigest(input: { content: string; secretKey: string }): string {
  return base64(md5(input.content + input.secretKey));
}
