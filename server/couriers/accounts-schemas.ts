import { z } from "zod";
import { labelTemplates } from "@/db/schema/waybills";

/** Label paper the account prints on, and how many calls may be in flight to the courier. */
const labelTemplate = z.enum(labelTemplates);
const maxConcurrency = z.int().min(1).max(32);

export const accountIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{2,39}$/, "slug");

/** Comma-separated IPv4/IPv6 addresses, normalised to "a,b". */
const ipList = z
  .string()
  .trim()
  .transform((v) => v.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.union([z.ipv4(), z.ipv6()], "ip")).max(50))
  .transform((ips) => (ips.length > 0 ? ips.join(",") : null));

export const createAccountInput = z.object({
  id: accountIdSchema,
  courier: z.string().min(2).max(20),
  name: z.string().trim().min(1, "required").max(60),
  environment: z.enum(["sandbox", "production"]),
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  credentials: z.record(z.string(), z.string().trim().max(4000)),
  pushAllowIps: ipList.optional(),
  labelTemplate: labelTemplate.optional(),
  maxConcurrency: maxConcurrency.optional(),
});
export type CreateAccountInput = z.infer<typeof createAccountInput>;

export const updateAccountInput = z.object({
  id: accountIdSchema,
  name: z.string().trim().min(1, "required").max(60).optional(),
  environment: z.enum(["sandbox", "production"]).optional(),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  /** Only the fields given change; an empty string keeps the stored value. */
  credentials: z.record(z.string(), z.string().trim().max(4000)).optional(),
  enabled: z.boolean().optional(),
  pushAllowIps: ipList.optional(),
  labelTemplate: labelTemplate.optional(),
  maxConcurrency: maxConcurrency.optional(),
});
export type UpdateAccountInput = z.infer<typeof updateAccountInput>;

export const accountView = z.object({
  id: z.string(),
  courier: z.string(),
  name: z.string(),
  environment: z.enum(["sandbox", "production"]),
  baseUrl: z.string().nullable(),
  enabled: z.boolean(),
  /** Secret fields masked, account ids in clear. */
  credentials: z.record(z.string(), z.string()),
  /** Push URL path with the account's secret token, to paste into the courier's portal. */
  pushPath: z.string(),
  pushAllowIps: z.string().nullable(),
  labelTemplate,
  maxConcurrency: z.int(),
  updatedAt: z.date(),
});
export type AccountView = z.infer<typeof accountView>;
