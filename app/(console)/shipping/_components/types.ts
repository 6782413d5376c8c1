import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/routers/_app";

type Outputs = inferRouterOutputs<AppRouter>["shipping"];

export type QueueParcel = Outputs["queue"]["items"][number];
export type PickList = Outputs["pickList"];
export type MergeGroup = Outputs["mergeCandidates"][number];
export type ScanParcel = Outputs["scan"][number];
