import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/routers/_app";

type Outputs = inferRouterOutputs<AppRouter>["printing"];

export type PrintableParcel = Outputs["printable"]["items"][number];
export type LabelsResult = Outputs["labels"];
export type PrintBatch = Outputs["history"]["items"][number];
export type LabelTemplate = PrintableParcel["template"];
