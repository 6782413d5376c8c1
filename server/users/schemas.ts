import { z } from "zod";
import { roles } from "@/server/auth/permissions";

export const roleSchema = z.enum(roles);
export const localeSchema = z.enum(["zh-CN", "en"]);
export const passwordSchema = z.string().min(8, "min8").max(128, "max128");

export const createUserInput = z.object({
  name: z.string().trim().min(1, "required").max(80),
  email: z.email("email").transform((e) => e.toLowerCase()),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, "required").max(80).optional(),
  role: roleSchema.optional(),
});

export const userIdInput = z.object({ id: z.string().min(1) });

export const resetPasswordInput = z.object({ id: z.string().min(1), password: passwordSchema });

export const userRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  active: z.boolean(),
  locale: localeSchema,
  createdAt: z.date(),
});
export type UserRow = z.infer<typeof userRow>;
