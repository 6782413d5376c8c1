import type { Role } from "@/server/auth/permissions";

export type { Role };
export const roleOptions: readonly Role[] = ["admin", "manager", "warehouse", "cs"];
