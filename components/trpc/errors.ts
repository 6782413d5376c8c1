import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/trpc/routers/_app";

type Translate = (key: string) => string;

/** A message the user can act on: the server's catalogue key when it sent one, else a generic line. */
export function describeError(t: Translate, error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data;
    if (data?.messageKey) return t(data.messageKey);
  }
  return t("common.unknownError");
}

/**
 * Field-level errors as message keys by field name: a DomainError's fields, or the zod issues of a
 * rejected input (first issue per field wins).
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (error instanceof TRPCClientError) {
    const fields = (error as TRPCClientError<AppRouter>).data?.fieldErrors;
    if (Array.isArray(fields)) {
      const out: Record<string, string> = {};
      for (const f of fields) out[f.path] ??= f.message;
      return out;
    }
    if (fields) return fields;
  }
  return {};
}
