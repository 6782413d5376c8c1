import { z } from "zod";
import { listUsers } from "@/server/users/queries";
import {
  createUserInput,
  resetPasswordInput,
  updateUserInput,
  userIdInput,
  userRow,
} from "@/server/users/schemas";
import * as service from "@/server/users/service";
import { createTRPCRouter, permissionProcedure } from "../init";

const admin = permissionProcedure("users.manage");

export const usersRouter = createTRPCRouter({
  list: admin.output(z.array(userRow)).query(({ ctx }) => listUsers(ctx.db)),
  create: admin
    .input(createUserInput)
    .output(userRow)
    .mutation(({ ctx, input }) => service.createUser(ctx.db, ctx.session.user, input)),
  update: admin
    .input(updateUserInput)
    .output(userRow)
    .mutation(({ ctx, input }) => service.updateUser(ctx.db, ctx.session.user, input)),
  deactivate: admin
    .input(userIdInput)
    .output(userRow)
    .mutation(({ ctx, input }) => service.setUserActive(ctx.db, ctx.session.user, input.id, false)),
  reactivate: admin
    .input(userIdInput)
    .output(userRow)
    .mutation(({ ctx, input }) => service.setUserActive(ctx.db, ctx.session.user, input.id, true)),
  resetPassword: admin
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) =>
      service.resetPassword(ctx.db, ctx.session.user, input.id, input.password),
    ),
});
