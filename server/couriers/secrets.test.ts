import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, maskSecret } from "./secrets";

const key = randomBytes(32);

describe("courier secrets at rest", () => {
  it("round-trips, including Chinese text, with a fresh IV each time", () => {
    const a = encryptSecret("fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci", key);
    const b = encryptSecret("fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("fjcg5PGK");
    expect(decryptSecret(a, key)).toBe("fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci");
    expect(decryptSecret(encryptSecret("月结账号", key), key)).toBe("月结账号");
  });

  it("refuses a wrong key, a tampered value and garbage", () => {
    const stored = encryptSecret("secret", key);
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow();
    const parts = stored.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() =>
      decryptSecret([parts[0], parts[1], parts[2], flipped.toString("base64url")].join("."), key),
    ).toThrow();
    expect(() => decryptSecret("plain text", key)).toThrow(/not an encrypted/);
    expect(() => encryptSecret("x", randomBytes(16))).toThrow(RangeError);
  });

  it.each([
    ["fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci", "fjcg••••zVci"],
    ["12345678", "1••••8"],
    ["abc", "••••"],
  ])("masks %s as %s", (value, masked) => {
    expect(maskSecret(value)).toBe(masked);
  });
});
