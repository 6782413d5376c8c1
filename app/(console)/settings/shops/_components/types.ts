import type { inferRouterOutputs } from "@trpc/server";
import type { Platform } from "@/db/schema/orders";
import type { AppRouter } from "@/server/trpc/routers/_app";

type Outputs = inferRouterOutputs<AppRouter>["shops"];
export type Shop = Outputs["list"][number];
export type Warehouse = Outputs["warehouses"][number];

/** In the order merchants think of them; labels are `shops.platforms.<platform>`. */
export const platformOptions = [
  "taobao",
  "tmall",
  "jd",
  "pdd",
  "douyin",
  "own",
  "other",
] as const satisfies readonly Platform[];

/** The ID rule of server/shops/schemas.ts (kept in step by hand: that file is server-only). */
export const slugPattern = /^[a-z0-9][a-z0-9-]{1,39}$/;
