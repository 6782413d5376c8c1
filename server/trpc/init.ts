import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import type { AppSession } from "@/server/auth/session";
import { can, type Permission } from "@/server/auth/permissions";
import { DomainError, trpcCodeFor } from "@/server/errors";

export type Context = {
  db: Db;
  session: AppSession | null;
  /** AES-256 key for courier credentials at rest. */
  courierKey: Buffer;
};

export type Meta = {
  /** The permission a procedure requires; absent on public and on "any signed-in user" ones. */
  permission?: Permission;
};

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      return {
        ...shape,
        data: {
          ...shape.data,
          messageKey: cause instanceof DomainError ? cause.details.messageKey : undefined,
          fieldErrors:
            cause instanceof ZodError
              ? cause.issues.map((i) => ({ path: i.path.join("."), message: i.message }))
              : cause instanceof DomainError
                ? cause.details.fields
                : undefined,
        },
      };
    },
  });

/** The one place a DomainError becomes a tRPC error; the cause is kept for logs. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeFor[cause.code], message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(domainErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

/** A procedure open to the roles the permission table grants `permission`. */
export function permissionProcedure(permission: Permission) {
  return protectedProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!can(ctx.session.user.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Your role may not use ${permission}` });
    }
    return next();
  });
}
