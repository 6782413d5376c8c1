import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/routers/_app";

export type Settings = inferRouterOutputs<AppRouter>["assignment"]["settings"];
export type SettingsRule = Settings["rules"][number];

/** Goods attributes the engine has words for (server/assignment/labels.ts). */
export const ATTRIBUTES = [
  "liquid",
  "battery",
  "fragile",
  "powder",
  "magnetic",
  "flammable",
  "food",
  "fresh",
] as const;
