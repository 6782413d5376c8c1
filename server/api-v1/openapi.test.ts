import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

type Json = Record<string, unknown>;
const at = (o: unknown, ...path: string[]) =>
  path.reduce<unknown>((x, k) => (x as Json | undefined)?.[k], o);

describe("OpenAPI document", () => {
  const doc = openApiDocument();

  it("is OpenAPI 3.1 with the bearer scheme and a relative server", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "/" }]);
    expect(at(doc, "components", "securitySchemes", "bearerAuth")).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(doc.security).toContainEqual({ bearerAuth: [] });
    // Serialisable as it is served.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("has the five operations with their error responses", () => {
    const ops = {
      "post /api/v1/orders": ["400", "401", "403", "409", "413", "415", "422", "429"],
      "get /api/v1/orders": ["401", "403", "404", "422", "429"],
      "get /api/v1/orders/{id}": ["401", "403", "404", "429"],
      "post /api/v1/orders/{id}/cancel": ["401", "403", "404", "409", "413", "415", "422", "429"],
      "post /api/v1/freight/quotes": ["400", "401", "403", "413", "415", "422", "429"],
    };
    for (const [op, codes] of Object.entries(ops)) {
      const [method, path] = op.split(" ") as [string, string];
      const responses = at(doc, "paths", path, method, "responses") as Json;
      expect(Object.keys(responses), op).toEqual(expect.arrayContaining(codes));
    }
    expect(at(doc, "paths", "/api/v1/orders", "post", "responses", "201")).toBeDefined();
    const tooMany = at(doc, "components", "responses", "TooManyRequests") as Json;
    expect(at(tooMany, "headers", "Retry-After")).toBeDefined();
    expect(at(tooMany, "content", "application/problem+json", "schema")).toEqual({
      $ref: "#/components/schemas/Problem",
    });
  });

  it("derives the schemas from zod, including the Idempotency-Key header", () => {
    const input = at(doc, "components", "schemas", "OrderInput") as Json;
    expect(input.required).toEqual(expect.arrayContaining(["shop", "platformOrderNo", "items"]));
    expect(at(input, "properties", "paidAt", "format")).toBe("date-time");
    expect(at(doc, "components", "schemas", "Order")).toBeDefined();
    expect(at(doc, "components", "schemas", "FreightQuotes", "required")).toEqual(
      expect.arrayContaining(["origin", "destination", "quotes", "unavailable"]),
    );
    expect(at(doc, "components", "schemas", "CancelOrderInput", "required")).toEqual(["reason"]);
    expect(at(doc, "components", "schemas", "Problem", "required")).toEqual(
      expect.arrayContaining(["type", "title", "status"]),
    );
    expect(at(doc, "components", "parameters", "IdempotencyKey")).toMatchObject({
      in: "header",
      name: "Idempotency-Key",
    });
    expect(at(doc, "paths", "/api/v1/orders", "post", "parameters")).toContainEqual({
      $ref: "#/components/parameters/IdempotencyKey",
    });
  });
});
