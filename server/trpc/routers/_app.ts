import { createCallerFactory, createTRPCRouter } from "../init";
import { apiKeysRouter } from "./api-keys";
import { assignmentRouter } from "./assignment";
import { auditRouter } from "./audit";
import { couriersRouter } from "./couriers";
import { freightRouter } from "./freight";
import { importsRouter } from "./imports";
import { meRouter } from "./me";
import { ordersRouter } from "./orders";
import { printingRouter } from "./printing";
import { shippingRouter } from "./shipping";
import { shopsRouter } from "./shops";
import { usersRouter } from "./users";
import { waybillsRouter } from "./waybills";

export const appRouter = createTRPCRouter({
  me: meRouter,
  users: usersRouter,
  audit: auditRouter,
  couriers: couriersRouter,
  orders: ordersRouter,
  imports: importsRouter,
  shipping: shippingRouter,
  shops: shopsRouter,
  apiKeys: apiKeysRouter,
  waybills: waybillsRouter,
  printing: printingRouter,
  freight: freightRouter,
  assignment: assignmentRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
