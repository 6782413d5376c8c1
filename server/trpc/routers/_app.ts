import { createCallerFactory, createTRPCRouter } from "../init";
import { auditRouter } from "./audit";
import { meRouter } from "./me";
import { usersRouter } from "./users";

export const appRouter = createTRPCRouter({
  me: meRouter,
  users: usersRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
