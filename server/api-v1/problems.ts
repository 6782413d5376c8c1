import { ZodError } from "zod";
import { DomainError } from "@/server/errors";
import { problem } from "@/server/http/problem";

/** Reason phrases: with `type: about:blank`, RFC 9457 wants the title to be the status's phrase. */
export const statusTitles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export type FieldError = { field: string; message: string };

/** Issues at the top level (e.g. the body is an array) are reported against "(root)". */
export function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((i) => ({
    field: i.path.length ? i.path.map(String).join(".") : "(root)",
    message: i.message,
  }));
}

export function apiProblem(
  status: number,
  detail: string,
  extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
): Response {
  return problem(status, statusTitles[status] ?? "Error", { detail, ...extra });
}

export function unauthorized(detail: string, bearerError?: "invalid_token"): Response {
  return apiProblem(401, detail, {
    headers: {
      "www-authenticate": bearerError ? `Bearer error="${bearerError}"` : "Bearer",
    },
  });
}

/**
 * The one mapping from a thrown error to a REST answer. Unknown errors become a bare 500: the
 * message and stack go to the log, never to the caller.
 */
export function problemForError(error: unknown): Response {
  if (error instanceof ZodError) {
    return apiProblem(422, "The request is invalid", { errors: zodFieldErrors(error) });
  }
  if (error instanceof DomainError) {
    switch (error.code) {
      case "INVALID":
        return apiProblem(422, error.message, {
          errors: Object.entries(error.details.fields ?? {}).map(([field, message]) => ({
            field,
            message,
          })),
        });
      case "UNAUTHENTICATED":
        return unauthorized(error.message);
      default:
        return apiProblem(error.httpStatus, error.message);
    }
  }
  console.error("[api/v1] unexpected error:", error);
  return apiProblem(500, "An unexpected error occurred");
}
