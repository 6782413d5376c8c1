import { createCallerFactory, createTRPCRouter } from "../init";
import { auditRouter } from "./audit";
import { couriersRouter } from "./couriers";
import { meRouter } from "./me";
import { usersRouter } from "./users";

export const appRouter = createTRPCRouter({
  me: meRouter,
  users: usersRouter,
  audit: auditRouter,
  couriers: couriersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
