/**
 * Courier profiles: a courier's whole open-platform protocol as data, executed by one generic
 * driver (./engine.ts). "Adding a courier needs configuration, not development": endpoints,
 * request templates, the signature (a recipe from signing/recipe.ts, never code), where the
 * signature goes, how to read replies and errors, and the status map.
 *
 * Admins edit profiles in a form, so every rule reports the exact path of the offending field
 * and a sentence saying what to change (see `profileIssues`).
 */
import { z } from "zod";
import type { CourierErrorKind } from "@/server/couriers/contract";
import { signingRecipeSchema } from "@/server/couriers/signing/recipe";
import { JSON_PATH } from "./json";
import { refineProfile } from "./schema-rules";

/** Our level-1 tracking statuses, the targets of a profile's `statusMap`. */
export const LEVEL1_STATUSES = [
  "PENDING",
  "PICKED_UP",
  "IN_TRANSIT",
  "OUT_FOR_DELIVERY",
  "AVAILABLE_FOR_PICKUP",
  "DELIVERED",
  "DELIVERY_FAILED",
  "EXCEPTION",
  "RETURNING",
  "RETURNED",
  "CANCELLED",
] as const;
export type Level1Status = (typeof LEVEL1_STATUSES)[number];

export const COURIER_ERROR_KINDS = [
  "SIGNATURE",
  "AUTH",
  "INVALID",
  "UNSERVICEABLE",
  "DUPLICATE",
  "NOT_FOUND",
  "ALREADY_PICKED_UP",
  "ALREADY_CANCELLED",
  "RATE_LIMITED",
  "UNAVAILABLE",
] as const satisfies readonly CourierErrorKind[];
// Compile-time proof that the list above names every CourierErrorKind.
const _allKinds: [Exclude<CourierErrorKind, (typeof COURIER_ERROR_KINDS)[number]>] extends [never]
  ? true
  : false = true;

/** How a courier writes event times: Asia/Shanghai wall clock, epoch numbers, or ISO 8601. */
export const TIME_FORMATS = ["shanghai", "epochMs", "epochS", "iso"] as const;

const slug = z
  .string()
  .max(32, "at most 32 characters")
  .regex(
    /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/,
    "lower-case letters and digits (single hyphens between), starting with a letter, e.g. yunda",
  );
const identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "letters, digits and _ only, starting with a letter");
const headerName = z
  .string()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "not a valid HTTP header name");
const jsonPath = z.string().regex(JSON_PATH, "a dotted path into the reply, e.g. data.0.mail_no");
const template = z.string().max(4000, "at most 4000 characters");
const url = z.url({ protocol: /^https?$/, error: "an http(s) URL" });
const text = z.string().trim().min(1, "required");

const signTarget = z.strictObject({
  /** A request header, a form field (form transport) or a top-level envelope field (json). */
  in: z.enum(["header", "form", "json"]),
  name: text,
});

/** The signature of a request: which recipe, fed by which templates, placed where. */
const signSpec = z.strictObject({
  recipe: signingRecipeSchema,
  /** Recipe input field -> template, e.g. `{ "body": "{{payload}}" }`. */
  fields: z.record(identifier, template),
  target: signTarget,
});
export type SignSpec = z.infer<typeof signSpec>;

/** One success condition; a reply failing it is an error with the code/message found there. */
const check = z.strictObject({
  path: jsonPath,
  /** Accepted values, compared as text (`true` and `"true"` are equal). */
  equals: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1, "list at least one value"),
  code: jsonPath.optional(),
  message: jsonPath.optional(),
});
export type ReplyCheck = z.infer<typeof check>;
const checks = z.array(check).min(1, "say how to recognise success");

const eventsSpec = z.strictObject({
  /** Optional list of groups (one per waybill), each holding its own event list. */
  groups: jsonPath.optional(),
  /** The event list, relative to each group or to the reply. */
  list: jsonPath,
  /** The waybill number, relative to each group or to the reply. */
  trackingNo: jsonPath.optional(),
  time: jsonPath,
  timeFormat: z.enum(TIME_FORMATS),
  code: jsonPath,
  description: jsonPath,
  location: jsonPath.optional(),
});
export type EventsSpec = z.infer<typeof eventsSpec>;

const operationBase = {
  /** Appended to the account's base URL; starts with "/". */
  path: z.string().regex(/^\/[\w.~!$&'()*+,;=:@%/-]*$/, "a URL path starting with /"),
  /** Names an `endpoints.hosts` entry used instead of the base URL for production accounts. */
  host: identifier.optional(),
  headers: z.record(headerName, template).optional(),
  body: z.json(),
  /** Overrides the profile's `sign`; "none" sends the operation unsigned. */
  sign: z.union([signSpec, z.literal("none")]).optional(),
};

const operations = z.strictObject({
  createWaybill: z.strictObject({
    ...operationBase,
    response: z.strictObject({
      checks,
      trackingNo: jsonPath,
      sortingCode: jsonPath.optional(),
      packageCenter: jsonPath.optional(),
      originCode: jsonPath.optional(),
      destCode: jsonPath.optional(),
      labelData: z.record(identifier, jsonPath).optional(),
    }),
  }),
  cancelWaybill: z.strictObject({ ...operationBase, response: z.strictObject({ checks }) }),
  queryTrack: z.strictObject({
    ...operationBase,
    response: z.strictObject({ checks, events: eventsSpec }),
  }),
  subscribe: z.strictObject({ ...operationBase, response: z.strictObject({ checks }) }).optional(),
});

const errorEntry = z.strictObject({
  kind: z.enum(COURIER_ERROR_KINDS),
  /** Plain English a warehouse user can act on. */
  message: text,
});

const pushSource = z.strictObject({ in: z.enum(["form", "header", "json"]), name: text });

const ackReply = z.strictObject({
  status: z.number().int().min(200).max(599),
  contentType: text,
  /** The exact bytes the courier expects. */
  body: z.string(),
});

const push = z.strictObject({
  format: z.enum(["form", "json"]),
  signature: z.strictObject({
    recipe: signingRecipeSchema,
    fields: z.record(identifier, template),
    from: pushSource,
  }),
  /** Fields that must name this account, e.g. the company code the push is for. */
  match: z.array(z.strictObject({ from: pushSource, equals: template })).optional(),
  events: eventsSpec.extend({
    /** Where the events are: a form field or top-level JSON field holding JSON, or the body. */
    source: z.union([pushSource, z.strictObject({ in: z.literal("body") })]),
  }),
  ack: z.strictObject({ ok: ackReply, fail: ackReply }),
});
export type PushSpec = z.infer<typeof push>;

const profileObject = z.strictObject({
  code: slug,
  nameZh: text,
  nameEn: text,
  /** Choices made where the courier's documentation is silent, for the next reader. */
  notes: z.array(z.string()).optional(),
  credentialFields: z
    .array(
      z.strictObject({
        key: identifier,
        /** Masked in the UI and audit log. */
        secret: z.boolean(),
        /** Defaults to true: the engine refuses to call the courier without it. */
        required: z.boolean().optional(),
        label: z.string().optional(),
      }),
    )
    .min(1, "declare at least one credential"),
  endpoints: z
    .strictObject({
      production: url.optional(),
      test: url.optional(),
      /** Production hosts for operations that live elsewhere than the base URL. */
      hosts: z.record(identifier, url).optional(),
    })
    .optional(),
  transport: z.strictObject({
    contentType: z.enum(["json", "form"]),
    headers: z.record(headerName, template).optional(),
    /** Form transport: the fields in wire order; `{{payload}}` is the serialized body. */
    form: z.array(z.strictObject({ name: text, value: template })).optional(),
    /** JSON transport: an envelope around `{{payload}}`; without one the body is sent as is. */
    envelope: z.json().optional(),
  }),
  sign: signSpec.optional(),
  operations,
  /** Courier error code -> our kind and message. */
  errorMap: z.record(text, errorEntry),
  /** For refusals without a distinct code: the first entry whose text the message contains. */
  errorMessageMap: z
    .array(z.strictObject({ contains: text, kind: errorEntry.shape.kind, message: text }))
    .optional(),
  /** Courier event code -> our level-1 status. */
  statusMap: z.record(text, z.enum(LEVEL1_STATUSES)),
  push: push.optional(),
});

export const courierProfileSchema = profileObject.superRefine(refineProfile);

export type CourierProfile = z.infer<typeof profileObject>;

export type ProfileIssue = { path: string; message: string };

/** Zod issues as `path: message` pairs an admin form can show next to the field. */
export function profileIssues(error: z.ZodError): ProfileIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(profile)",
    // zod says "Invalid input: expected string, received undefined" for a field left empty.
    message:
      issue.code === "invalid_type" && issue.message.endsWith("received undefined")
        ? "required"
        : issue.message,
  }));
}

/**
 * Validates an untrusted profile (database row, form submission). Field shapes are checked
 * first; the cross-field rules (placeholders, signing inputs, …) report once the shape is right.
 */
export function parseProfile(
  input: unknown,
): { ok: true; profile: CourierProfile } | { ok: false; issues: ProfileIssue[] } {
  const result = courierProfileSchema.safeParse(input);
  return result.success
    ? { ok: true, profile: result.data }
    : { ok: false, issues: profileIssues(result.error) };
}
