import { createCipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  emsDecryptLogitcsInterface,
  emsEncryptLogitcsInterface,
  emsOpenRequest,
} from "./schemes-ems";

describe("EMS logitcsInterface", () => {
  // Our own test key (Base64 of "0123456789abcdef"); the push is built with node:crypto directly,
  // so a wrong key derivation or padding in the scheme code fails here.
  const signKey = "MDEyMzQ1Njc4OWFiY2RlZg==";
  const pushJson = JSON.stringify({ waybillNo: "1295780512499", opCode: "203", opName: "收寄" });
  const cipher = createCipheriv("sm4-ecb", Buffer.from(signKey, "base64"), null);
  const loggedPush = `|$4|${Buffer.concat([cipher.update(pushJson, "utf8"), cipher.final()]).toString("base64")}`;

  it("decrypts a push under the Base64-decoded key", () => {
    const text = emsDecryptLogitcsInterface({ logitcsInterface: loggedPush, signKey });
    expect(JSON.parse(text)).toMatchObject({
      waybillNo: "1295780512499",
      opCode: "203",
      opName: "收寄",
    });
  });

  it("round-trips a request, whose plaintext carries the sign key as a suffix", () => {
    const plaintext = '{"waybillNo":"1295780512499"}';
    const wire = emsEncryptLogitcsInterface({ plaintext, signKey });
    expect(wire.startsWith("|$4|")).toBe(true);
    expect(emsDecryptLogitcsInterface({ logitcsInterface: wire, signKey })).toBe(
      plaintext + signKey,
    );
    expect(emsOpenRequest({ logitcsInterface: wire, signKey })).toBe(plaintext);
    expect(() => emsOpenRequest({ logitcsInterface: loggedPush, signKey })).toThrow();
  });

  it("rejects a missing prefix and a key that is not 16 bytes", () => {
    expect(() =>
      emsDecryptLogitcsInterface({ logitcsInterface: loggedPush.slice(4), signKey }),
    ).toThrow();
    expect(() => emsEncryptLogitcsInterface({ plaintext: "{}", signKey: "c2hvcnQ=" })).toThrow(
      RangeError,
    );
  });
});
