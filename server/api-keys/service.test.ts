import { describe, expect, it } from "vitest";
import { DEMO_API_KEY, generateApiKey, hashApiKey, keyPrefix } from "./service";

describe("API key material", () => {
  it("issues ek_live_ + 32 random bytes in base64url, each different", () => {
    const a = generateApiKey();
    expect(a).toMatch(/^ek_live_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(8), "base64url")).toHaveLength(32);
    expect(generateApiKey()).not.toBe(a);
    expect(keyPrefix(a)).toBe(a.slice(0, 12));
    expect(keyPrefix(DEMO_API_KEY)).toBe("demo-api-key");
  });

  it("stores SHA-256 hex of the key", () => {
    expect(hashApiKey("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
