import { z } from "zod";
import {
  apiKeyIdInput,
  apiKeyRow,
  createApiKeyInput,
  createdApiKey,
} from "@/server/api-keys/schemas";
import { createApiKey, listApiKeys, revokeApiKey } from "@/server/api-keys/service";
import { createTRPCRouter, permissionProcedure } from "../init";

const admin = permissionProcedure("apiKeys.manage");

/** Settings › API keys: keys for merchant order systems, shown once, stored hashed. */
export const apiKeysRouter = createTRPCRouter({
  list: admin.output(z.array(apiKeyRow)).query(({ ctx }) => listApiKeys(ctx.db)),
  create: admin
    .input(createApiKeyInput)
    .output(createdApiKey)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.session.user.id, input)),
  revoke: admin
    .input(apiKeyIdInput)
    .output(apiKeyRow)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.session.user.id, input.id)),
});
