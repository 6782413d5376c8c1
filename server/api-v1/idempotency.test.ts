import { describe, expect, it } from "vitest";
import { canonicalJson, isValidIdempotencyKey, requestHash } from "./idempotency";

describe("idempotency fingerprints", () => {
  it("canonical JSON ignores key order and whitespace but not values or array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,2]},"b":1}',
    );
    expect(canonicalJson(JSON.parse('{ "a" : 1 , "b":"x" }'))).toBe(
      canonicalJson({ b: "x", a: 1 }),
    );
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson(undefined)).toBe("null");
  });

  it("hashes method, path and body", () => {
    const h = requestHash("POST", "/api/v1/orders", { a: 1, b: 2 });
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(requestHash("post", "/api/v1/orders", { b: 2, a: 1 })).toBe(h);
    expect(requestHash("POST", "/api/v1/orders", { a: 1, b: 3 })).not.toBe(h);
    expect(requestHash("POST", "/api/v1/orders/1/cancel", { a: 1, b: 2 })).not.toBe(h);
  });

  it("accepts printable keys up to 255 characters", () => {
    expect(isValidIdempotencyKey("0b6d9c1e-6f0e-4a53-9a57-2f4c8f1d6e21")).toBe(true);
    expect(isValidIdempotencyKey("x".repeat(255))).toBe(true);
    expect(isValidIdempotencyKey("x".repeat(256))).toBe(false);
    expect(isValidIdempotencyKey("")).toBe(false);
    expect(isValidIdempotencyKey("has space")).toBe(false);
    expect(isValidIdempotencyKey("订单1")).toBe(false);
  });
});
