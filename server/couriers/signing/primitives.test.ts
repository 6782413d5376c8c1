import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import {
  base64,
  base64Decode,
  constantTimeEqual,
  digest,
  encodeBytes,
  formUrlDecode,
  formUrlEncode,
  hexLower,
  hexUpper,
  hmacSha256,
  javaUrlEncode,
  md5,
  rfc3986Encode,
  sha1,
  sha256,
  sm3,
  sm4EcbDecrypt,
  sm4EcbEncrypt,
  urlEncode,
  utf8,
} from "./primitives";

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join("");

describe("digests", () => {
  it.each([
    ["md5", "", "d41d8cd98f00b204e9800998ecf8427e"],
    ["md5", "abc", "900150983cd24fb0d6963f7d28e17f72"],
    ["sha1", "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"],
    ["sha256", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    // GB/T 32905-2016 appendix A examples 1 and 2.
    ["sm3", "abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"],
    ["sm3", "abcd".repeat(16), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"],
  ] as const)("%s(%j)", (algorithm, input, hex) => {
    expect(hexLower(digest(algorithm, input))).toBe(hex);
  });

  it("named helpers are the same digests", () => {
    expect(md5("abc").equals(digest("md5", "abc"))).toBe(true);
    expect(sha1("abc").equals(digest("sha1", "abc"))).toBe(true);
    expect(sha256("abc").equals(digest("sha256", "abc"))).toBe(true);
    expect(sm3("abc").equals(digest("sm3", "abc"))).toBe(true);
  });

  it("hashes strings as UTF-8", () => {
    const text = "郑州市【快件】é😀";
    expect(md5(text).equals(md5(Buffer.from(text, "utf8")))).toBe(true);
    expect(md5(text).equals(md5(Buffer.from(text, "latin1")))).toBe(false);
  });

  it("refuses unpaired surrogates instead of guessing a replacement", () => {
    expect(() => md5("x\uD800y")).toThrow(RangeError);
    expect(() => utf8("\uDC00")).toThrow(RangeError);
    expect(utf8("😀")).toEqual(Buffer.from([0xf0, 0x9f, 0x98, 0x80]));
  });

  it("hmac-sha256 matches RFC 4231 test case 2", () => {
    expect(hexLower(hmacSha256("Jefe", "what do ya want for nothing?"))).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });
});

describe("byte encodings", () => {
  const d = md5("abc");

  it("hex lower / upper / base64", () => {
    expect(hexLower(d)).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(hexUpper(d)).toBe("900150983CD24FB0D6963F7D28E17F72");
    expect(base64(d)).toBe("kAFQmDzST7DWlj99KOF/cg==");
    expect(encodeBytes(d, "hex-lower")).toBe(hexLower(d));
    expect(encodeBytes(d, "hex-upper")).toBe(hexUpper(d));
    expect(encodeBytes(d, "base64")).toBe(base64(d));
  });

  it("trap: Base64 of the hex string is not Base64 of the raw digest", () => {
    const ofHex = base64(utf8(hexLower(d)));
    expect(ofHex).toBe("OTAwMTUwOTgzY2QyNGZiMGQ2OTYzZjdkMjhlMTdmNzI=");
    expect(ofHex).toHaveLength(44);
    expect(base64(d)).toHaveLength(24);
    expect(ofHex).not.toBe(base64(d));
  });

  it("base64Decode accepts only canonical padded Base64", () => {
    expect(base64Decode("kAFQmDzST7DWlj99KOF/cg==").equals(d)).toBe(true);
    expect(() => base64Decode("kAFQmDzST7DWlj99KOF/cg")).toThrow(RangeError);
    expect(() => base64Decode("kAFQ mDzS")).toThrow(RangeError);
    expect(() => base64Decode("kAFQ-DzS")).toThrow(RangeError);
  });
});

describe("javaUrlEncode", () => {
  // Produced by java.net.URLEncoder.encode(s, "UTF-8") on OpenJDK 17.
  it.each([
    [
      ASCII,
      "+%21%22%23%24%25%26%27%28%29*%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D%7E",
    ],
    ["a b*c~d(e)'f!", "a+b*c%7Ed%28e%29%27f%21"],
    ["中文 é/ü", "%E4%B8%AD%E6%96%87+%C3%A9%2F%C3%BC"],
    ["😀+", "%F0%9F%98%80%2B"],
    ["x\uD800y", "x%3Fy"],
    ["\uDC00", "%3F"],
    ["\u0000\n\r\t", "%00%0A%0D%09"],
  ])("%j", (input, expected) => {
    expect(javaUrlEncode(input)).toBe(expected);
    expect(urlEncode(input, "java")).toBe(expected);
  });

  it("trap: differs from encodeURIComponent on space and ~!'()*", () => {
    const s = "a b*c~d(e)'f!";
    expect(encodeURIComponent(s)).toBe("a%20b*c~d(e)'f!");
    expect(javaUrlEncode(s)).not.toBe(encodeURIComponent(s));
  });

  it("is identical to encodeURIComponent for compact JSON without those characters", () => {
    const json = '{"language":"zh-CN","orderId":"QIAO-20200618-004"}';
    expect(javaUrlEncode(json)).toBe(encodeURIComponent(json));
  });
});

describe("rfc3986Encode", () => {
  it.each([
    [
      ASCII,
      "%20%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~",
    ],
    ["中文 é/ü", "%E4%B8%AD%E6%96%87%20%C3%A9%2F%C3%BC"],
  ])("%j (cross-checked with Python urllib.parse.quote(s, safe='~'))", (input, expected) => {
    expect(rfc3986Encode(input)).toBe(expected);
    expect(urlEncode(input, "rfc3986")).toBe(expected);
  });

  it("refuses unpaired surrogates", () => {
    expect(() => rfc3986Encode("\uD800")).toThrow(RangeError);
  });
});

describe("form encoding", () => {
  it("keeps the given order and encodes keys and values the Java / WHATWG way", () => {
    const pairs = [
      ["b", "x y"],
      ["a", "{'k':'~'}"],
      ["a", "中"],
    ] as const;
    expect(formUrlEncode(pairs)).toBe("b=x+y&a=%7B%27k%27%3A%27%7E%27%7D&a=%E4%B8%AD");
    expect(formUrlEncode({ z: "1", y: "2" })).toBe("z=1&y=2");
  });

  it("agrees with URLSearchParams on well-formed text", () => {
    const pairs: [string, string][] = [
      [ASCII, ASCII],
      ["中文 é", "😀+&="],
    ];
    expect(formUrlEncode(pairs)).toBe(new URLSearchParams(pairs).toString());
  });

  it("decodes exactly once, so pre-encoded values stay visibly encoded (trap 5)", () => {
    const raw = "{'OrderCode':''}";
    expect(formUrlDecode(formUrlEncode([["RequestData", raw]]))).toEqual([["RequestData", raw]]);
    const doubled = formUrlEncode([["RequestData", javaUrlEncode(raw)]]);
    expect(formUrlDecode(doubled)).toEqual([["RequestData", javaUrlEncode(raw)]]);
  });
});

describe("constantTimeEqual", () => {
  it("compares strings of any length", () => {
    expect(constantTimeEqual("abc==", "abc==")).toBe(true);
    expect(constantTimeEqual("abc==", "abd==")).toBe(false);
    expect(constantTimeEqual("abc", "abc==")).toBe(false);
  });
});

describe("SM4-ECB", () => {
  // GB/T 32907-2016 appendix A example 1: key = plaintext = 0123456789abcdeffedcba9876543210.
  const key = Buffer.from("0123456789abcdeffedcba9876543210", "hex");

  it("matches the standard single-block vector, followed by a PKCS#7 padding block", () => {
    const ct = sm4EcbEncrypt(key, key);
    expect(ct).toHaveLength(32);
    expect(hexLower(ct.subarray(0, 16))).toBe("681edf34d206965e86b3e94f536e4246");
    expect(sm4EcbDecrypt(ct, key).equals(key)).toBe(true);
  });

  it("round-trips UTF-8 text", () => {
    const text = '{"waybillNo":"1295780512499","opName":"收寄"}';
    expect(sm4EcbDecrypt(sm4EcbEncrypt(text, key), key).toString("utf8")).toBe(text);
  });

  it("rejects keys that are not 16 bytes", () => {
    expect(() => sm4EcbEncrypt("x", Buffer.alloc(15))).toThrow(RangeError);
    expect(() => sm4EcbDecrypt(Buffer.alloc(16), Buffer.alloc(24))).toThrow(RangeError);
  });
});
