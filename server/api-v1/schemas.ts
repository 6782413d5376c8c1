import { z } from "zod";

/**
 * REST API v1 shapes that are not orders: the problem body every error uses, and the request
 * parameters. They feed both request parsing and the OpenAPI document.
 */
export const fieldError = z
  .object({
    field: z
      .string()
      .meta({ description: "Dotted path into the body", example: "items.0.quantity" }),
    message: z.string(),
  })
  .meta({ id: "FieldError" });

export const problemSchema = z
  .object({
    type: z.string().meta({ example: "about:blank" }),
    title: z.string().meta({ example: "Unprocessable Content" }),
    status: z.int().meta({ example: 422 }),
    detail: z.string().optional(),
    errors: z.array(fieldError).optional().meta({ description: "Field-level problems (422 only)" }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

export type Problem = z.infer<typeof problemSchema>;

export const orderIdParams = z.object({
  id: z.string().meta({ description: "Order id", example: "1024" }),
});

export const orderLookupQuery = z.object({
  shop: z.string().min(1).max(64).meta({ description: "Shop id", example: "demo-shop" }),
  platformOrderNo: z.string().min(1).max(64).meta({ example: "3712345678901234567" }),
});

export const idempotencyKeyHeader = z.object({
  "Idempotency-Key": z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({
      param: { id: "IdempotencyKey" },
      description:
        "Any unique string (a UUID is ideal). A repeat with the same key and body within 24 h returns the first response with `Idempotent-Replayed: true`; the same key with a different body is refused (422), and a repeat while the first is still running gets 409.",
      example: "0b6d9c1e-6f0e-4a53-9a57-2f4c8f1d6e21",
    }),
});
