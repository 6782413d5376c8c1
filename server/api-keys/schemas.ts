import { z } from "zod";

/** Settings › API keys: what staff send when creating or revoking a key, and what a list row holds. */
export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "required").max(80),
  // Deduplicated so a key's scope reads the same however the form sent it.
  shopIds: z
    .array(z.string().trim().min(1).max(64))
    .min(1, "required")
    .max(100)
    .transform((ids) => [...new Set(ids)]),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const apiKeyIdInput = z.object({ id: z.string().min(1) });

/** A key as lists show it: never the hash, and the secret only once, at creation. */
export const apiKeyRow = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  /** `name` is null when the shop has since been deleted. */
  shops: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
  createdAt: z.date(),
  createdByName: z.string().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type ApiKeyRow = z.infer<typeof apiKeyRow>;

export const createdApiKey = z.object({
  apiKey: apiKeyRow,
  /** The plaintext key: shown to the user this once, never stored. */
  secret: z.string(),
});
export type CreatedApiKey = z.infer<typeof createdApiKey>;
