import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/routers/_app";

type Outputs = inferRouterOutputs<AppRouter>;
export type ApiKey = Outputs["apiKeys"]["list"][number];
export type CreatedApiKey = Outputs["apiKeys"]["create"];
export type Shop = Outputs["shops"]["list"][number];
