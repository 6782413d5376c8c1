import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiResponseObject,
  type oas31,
} from "zod-openapi";
import { cancelInput, orderInput, orderOutput } from "@/server/orders/schemas";
import { DEMO_API_KEY } from "@/server/api-keys/service";
import { freightQuoteInput, freightQuoteOutput } from "@/server/freight/api-schemas";
import { MAX_BODY_BYTES } from "./handler";
import { idempotencyKeyHeader, orderIdParams, orderLookupQuery, problemSchema } from "./schemas";

/**
 * The OpenAPI 3.1 document of REST v1, generated from the zod schemas the handlers parse with, so
 * documentation and validation cannot disagree.
 */
const problemContent = { "application/problem+json": { schema: problemSchema } };

const rateHeaders = z.object({
  "RateLimit-Limit": z.string().meta({ description: "Requests allowed per minute per key" }),
  "RateLimit-Remaining": z.string().meta({ description: "Requests left in this minute" }),
  "RateLimit-Reset": z.string().meta({ description: "Seconds until the window restarts" }),
});

const problemResponse = (
  id: string,
  description: string,
  headers?: ZodOpenApiResponseObject["headers"],
): ZodOpenApiResponseObject => ({ id, description, content: problemContent, headers });

const errors = {
  "400": problemResponse("BadRequest", "Malformed JSON, an empty body or a bad Idempotency-Key"),
  "401": problemResponse(
    "Unauthorized",
    "No API key, or it is unknown or revoked",
    z.object({ "WWW-Authenticate": z.string().meta({ example: 'Bearer error="invalid_token"' }) }),
  ),
  "403": problemResponse("Forbidden", "The order's shop is not in this key's scope"),
  "404": problemResponse("NotFound", "No such order"),
  "409": problemResponse(
    "Conflict",
    "The order can no longer change (the warehouse has started on it), or a request with the same Idempotency-Key is still in flight",
  ),
  "413": problemResponse("ContentTooLarge", `The body is larger than ${MAX_BODY_BYTES} bytes`),
  "415": problemResponse("UnsupportedMediaType", "The body is not application/json"),
  "422": problemResponse(
    "UnprocessableContent",
    "Validation failed (`errors` lists each field), or an Idempotency-Key was reused with a different body",
  ),
  "429": problemResponse(
    "TooManyRequests",
    "Over the per-key rate limit",
    z.object({ "Retry-After": z.string().meta({ description: "Seconds to wait", example: "12" }) }),
  ),
  "500": problemResponse("InternalServerError", "Something failed on our side; safe to retry"),
} satisfies Record<string, ZodOpenApiResponseObject>;

type ErrorStatus = keyof typeof errors;
const pick = (...codes: ErrorStatus[]) =>
  Object.fromEntries(codes.map((c) => [c, errors[c]])) as Partial<typeof errors>;

const orderResponse = (description: string, replayable: boolean): ZodOpenApiResponseObject => ({
  description,
  content: { "application/json": { schema: orderOutput } },
  headers: replayable
    ? rateHeaders.extend({
        "Idempotent-Replayed": z
          .literal("true")
          .optional()
          .meta({ description: "Present when this is a stored answer to an earlier request" }),
      })
    : rateHeaders,
});

const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

const createOp: ZodOpenApiOperationObject = {
  operationId: "createOrder",
  summary: "Create or update an order",
  description:
    "Creates the order, or updates it when the same `shop` + `platformOrderNo` was sent before and the warehouse has not started on it yet. Sending the same order again is harmless.",
  tags: ["Orders"],
  requestParams: { header: idempotencyKeyHeader },
  requestBody: jsonBody(orderInput),
  responses: {
    "200": orderResponse("The order existed (unchanged or updated)", true),
    "201": orderResponse("The order was created", true),
    ...pick("400", "401", "403", "409", "413", "415", "422", "429", "500"),
  },
};

const lookupOp: ZodOpenApiOperationObject = {
  operationId: "findOrder",
  summary: "Find an order by the platform's order number",
  tags: ["Orders"],
  requestParams: { query: orderLookupQuery },
  responses: {
    "200": orderResponse("The order", false),
    ...pick("401", "403", "404", "422", "429", "500"),
  },
};

const getOp: ZodOpenApiOperationObject = {
  operationId: "getOrder",
  summary: "Read an order",
  tags: ["Orders"],
  requestParams: { path: orderIdParams },
  responses: {
    "200": orderResponse("The order", false),
    ...pick("401", "403", "404", "429", "500"),
  },
};

const cancelOp: ZodOpenApiOperationObject = {
  operationId: "cancelOrder",
  summary: "Cancel an order",
  description:
    "Cancels an order that has not shipped. Cancelling an already cancelled order answers 200.",
  tags: ["Orders"],
  requestParams: { path: orderIdParams, header: idempotencyKeyHeader },
  requestBody: jsonBody(cancelInput),
  responses: {
    "200": orderResponse("The cancelled order", true),
    ...pick("400", "401", "403", "404", "409", "413", "415", "422", "429", "500"),
  },
};

const quoteOp: ZodOpenApiOperationObject = {
  operationId: "quoteFreight",
  summary: "Quote freight for a parcel with every enabled courier",
  description:
    "The same quote as the console's freight calculator: each courier's total in fen with its breakdown lines (first weight, additional weight, volumetric note, remote, fuel, insurance, minimum top-up), cheapest first, and the couriers that cannot quote with the reason. Reads only; nothing is stored.",
  tags: ["Freight"],
  requestBody: jsonBody(freightQuoteInput),
  responses: {
    "200": {
      description: "The quotes",
      content: { "application/json": { schema: freightQuoteOutput } },
      headers: rateHeaders,
    },
    ...pick("400", "401", "403", "413", "415", "422", "429", "500"),
  },
};

function build(): oas31.OpenAPIObject {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Fulfilment console REST API",
      version: "1.0.0",
      description: `Send orders from your shop system and quote freight for your storefront. Authenticate with \`Authorization: Bearer <key>\` (or \`X-Api-Key\`); keys are created in Settings › API keys and scoped to shops. The demo runs with the key \`${DEMO_API_KEY}\` for shop \`demo-shop\`. Errors are RFC 9457 problem details.`,
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
    tags: [{ name: "Orders" }, { name: "Freight" }],
    paths: {
      "/api/v1/orders": { post: createOp, get: lookupOp },
      "/api/v1/orders/{id}": { get: getOp },
      "/api/v1/orders/{id}/cancel": { post: cancelOp },
      "/api/v1/freight/quotes": { post: quoteOp },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API key" },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-Api-Key" },
      },
    },
  });
}

let cached: oas31.OpenAPIObject | undefined;

/** Built once per process: the schemas do not change at run time. */
export function openApiDocument(): oas31.OpenAPIObject {
  cached ??= build();
  return cached;
}
