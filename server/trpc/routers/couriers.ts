import { z } from "zod";
import {
  accountView,
  createAccountInput,
  updateAccountInput,
} from "@/server/couriers/accounts-schemas";
import { createAccount, listAccounts, updateAccount } from "@/server/couriers/accounts";
import { courierCatalog } from "@/server/couriers/catalog";
import { courierOptions } from "@/server/couriers/resolve";
import { sandboxFaults, setSandboxFaults } from "@/server/couriers/sandbox/demo";
import { timelapseFaultsSchema } from "@/server/couriers/sandbox/timelapse-faults";
import { TIMELAPSE_COURIERS } from "@/server/couriers/sandbox/timelapse-vocab";
import { fetchTransport } from "@/server/couriers/execute";
import { testConnection } from "@/server/couriers/test-connection";
import {
  deleteProfile,
  dryRunProfile,
  listProfiles,
  sampleWaybill,
  saveProfile,
} from "@/server/couriers/profiles-service";
import { selfOrigin } from "@/server/env";
import { createTRPCRouter, permissionProcedure } from "../init";

const view = permissionProcedure("couriers.view");
const manage = permissionProcedure("couriers.manage");

export const couriersRouter = createTRPCRouter({
  catalog: view.query(async ({ ctx }) => ({
    couriers: courierCatalog,
    options: await courierOptions(ctx.db),
  })),
  accounts: view
    .output(z.array(accountView))
    .query(({ ctx }) => listAccounts(ctx.db, ctx.courierKey)),
  createAccount: manage
    .input(createAccountInput)
    .output(accountView)
    .mutation(({ ctx, input }) => createAccount(ctx.db, ctx.courierKey, ctx.session.user, input)),
  updateAccount: manage
    .input(updateAccountInput)
    .output(accountView)
    .mutation(({ ctx, input }) => updateAccount(ctx.db, ctx.courierKey, ctx.session.user, input)),
  testConnection: manage
    .input(z.object({ id: z.string().min(1) }))
    .mutation(({ ctx, input }) =>
      testConnection(ctx.db, ctx.courierKey, input.id, selfOrigin, fetchTransport),
    ),
  profiles: view.query(({ ctx }) => listProfiles(ctx.db)),
  saveProfile: manage
    .input(z.object({ profile: z.unknown() }))
    .mutation(({ ctx, input }) => saveProfile(ctx.db, ctx.session.user, input.profile)),
  deleteProfile: manage
    .input(z.object({ code: z.string().min(1) }))
    .mutation(({ ctx, input }) => deleteProfile(ctx.db, ctx.session.user, input.code)),
  dryRun: manage
    .input(z.object({ profile: z.unknown(), credentials: z.record(z.string(), z.string()) }))
    .mutation(({ input }) => dryRunProfile(input.profile, input.credentials, new Date())),
  sampleWaybill: manage
    .input(z.object({ id: z.string().min(1) }))
    .mutation(({ ctx, input }) =>
      sampleWaybill(ctx.db, ctx.courierKey, input.id, selfOrigin, fetchTransport),
    ),
  /** Faults injected into the demo courier sandbox, per courier (pushes and API answers). */
  sandboxFaults: view.query(() =>
    Object.fromEntries(TIMELAPSE_COURIERS.map((c) => [c, sandboxFaults(c)])),
  ),
  setSandboxFaults: manage
    .input(z.object({ courier: z.enum(TIMELAPSE_COURIERS), faults: timelapseFaultsSchema }))
    .mutation(({ input }) => setSandboxFaults(input.courier, input.faults)),
});
