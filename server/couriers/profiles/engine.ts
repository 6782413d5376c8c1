/**
 * The one generic driver: turns a validated courier profile into a CourierDriver. Each request
 * is assembled in a fixed order so that what is signed is exactly what is sent (PROTOCOLS.md §0
 * trap 4): render the body template, serialize it once (`payload`), sign with the profile's
 * recipe through `runRecipe`, then place payload and signature in the envelope, form or headers.
 */
import {
  type CallContext,
  type CourierAccountConfig,
  type CourierDriver,
  CourierError,
  type Operation,
  type RawTrackEvent,
  type WaybillResult,
  type WireRequest,
} from "@/server/couriers/contract";
import { formUrlEncode } from "@/server/couriers/signing/primitives";
import { runRecipe } from "@/server/couriers/signing/recipe";
import { profilePush } from "./engine-push";
import { malformed, readEvents, readReply, readText, runChecks } from "./engine-reply";
import { renderJson } from "./json";
import {
  courierProfileSchema,
  type CourierProfile,
  type Level1Status,
  type SignSpec,
} from "./schema";
import { ctxValues, inputValues, type OperationInputs, type OperationName } from "./scopes";
import { renderText } from "./template";

const CONTENT_TYPES = {
  json: "application/json; charset=UTF-8",
  form: "application/x-www-form-urlencoded; charset=UTF-8",
} as const;

/** The account's credentials, refusing to sign anything while a required one is missing. */
export function profileCredentials(
  profile: CourierProfile,
  account: CourierAccountConfig,
): Record<string, string> {
  const credentials: Record<string, string> = {};
  for (const field of profile.credentialFields) {
    const value = Object.hasOwn(account.credentials, field.key)
      ? account.credentials[field.key]
      : undefined;
    if (value) credentials[field.key] = value;
    else if (field.required !== false) {
      throw new CourierError(
        "AUTH",
        "MISSING_CREDENTIALS",
        `this ${profile.nameEn} account has no ${field.label ?? field.key}: complete the account settings`,
      );
    }
  }
  return credentials;
}

/** Header names are case-insensitive: a profile's "Content-Type" replaces our "content-type". */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  }
  headers[name] = value;
}

function renderHeaders(
  record: Readonly<Record<string, string>> | undefined,
  values: Readonly<Record<string, unknown>>,
  into: Record<string, string>,
): void {
  for (const [key, template] of Object.entries(record ?? {})) {
    const value = renderText(template, values);
    if (value !== undefined) setHeader(into, key, value);
  }
}

function baseUrl(profile: CourierProfile, host: string | undefined, account: CourierAccountConfig) {
  // Split production hosts (Deppon orders vs queries) are the courier's; sandbox and test
  // accounts keep everything under their one base URL.
  const hosts = profile.endpoints?.hosts ?? {};
  const fixed = host !== undefined && Object.hasOwn(hosts, host) ? hosts[host] : undefined;
  const base = account.environment === "production" && fixed ? fixed : account.baseUrl;
  return base.replace(/\/+$/, "");
}

/** Builds the exact wire request of one operation. */
function buildRequest<K extends OperationName>(
  profile: CourierProfile,
  operation: K,
  input: OperationInputs[K],
  account: CourierAccountConfig,
  ctx: CallContext,
): WireRequest {
  const op = profile.operations[operation];
  if (!op) throw new Error(`profile ${profile.code} has no ${operation} operation`);
  const values: Record<string, unknown> = {
    credentials: profileCredentials(profile, account),
    ctx: ctxValues(ctx),
    ...inputValues(operation, input),
  };
  const payload = JSON.stringify(renderJson(op.body, values) ?? null);
  values.payload = payload;

  const sign: SignSpec | undefined = op.sign === "none" ? undefined : (op.sign ?? profile.sign);
  let signed: (SignSpec["target"] & { value: string }) | undefined;
  if (sign) {
    const fields: Record<string, string> = {};
    for (const [name, template] of Object.entries(sign.fields)) {
      fields[name] = renderText(template, values) ?? "";
    }
    signed = { ...sign.target, value: runRecipe(sign.recipe, fields) };
  }
  const signedIn = (where: SignSpec["target"]["in"]) => (signed?.in === where ? signed : undefined);

  const { transport } = profile;
  const headers: Record<string, string> = { "content-type": CONTENT_TYPES[transport.contentType] };
  renderHeaders(transport.headers, values, headers);
  renderHeaders(op.headers, values, headers);
  const header = signedIn("header");
  if (header) setHeader(headers, header.name, header.value);

  let body = payload;
  if (transport.contentType === "form") {
    const pairs: [string, string][] = [];
    for (const field of transport.form ?? []) {
      const value = renderText(field.value, values);
      if (value !== undefined) pairs.push([field.name, value]);
    }
    const field = signedIn("form");
    if (field) pairs.push([field.name, field.value]);
    body = formUrlEncode(pairs);
  } else if (transport.envelope !== undefined) {
    const rendered = renderJson(transport.envelope, values);
    const envelope = typeof rendered === "object" && rendered !== null ? rendered : {};
    const field = signedIn("json");
    body = JSON.stringify(field ? { ...envelope, [field.name]: field.value } : envelope);
  }
  return {
    method: "POST",
    url: `${baseUrl(profile, op.host, account)}${op.path}`,
    headers,
    body,
  };
}

function operation<K extends OperationName, O>(
  profile: CourierProfile,
  name: K,
  parse: Operation<OperationInputs[K], O>["parse"],
): Operation<OperationInputs[K], O> {
  return {
    build: (input, account, ctx) => buildRequest(profile, name, input, account, ctx),
    parse,
  };
}

function createWaybill(
  profile: CourierProfile,
): Operation<OperationInputs["createWaybill"], WaybillResult> {
  const spec = profile.operations.createWaybill.response;
  return operation(profile, "createWaybill", (response) => {
    const reply = readReply(profile, response);
    runChecks(profile, spec.checks, reply);
    const trackingNo = readText(reply, spec.trackingNo);
    if (trackingNo === undefined)
      throw malformed(profile, `no waybill number at ${spec.trackingNo}`);
    const labelData: Record<string, string> = {};
    for (const [key, path] of Object.entries(spec.labelData ?? {})) {
      const value = readText(reply, path);
      if (value !== undefined) labelData[key] = value;
    }
    return {
      trackingNo,
      sortingCode: readText(reply, spec.sortingCode),
      packageCenter: readText(reply, spec.packageCenter),
      originCode: readText(reply, spec.originCode),
      destCode: readText(reply, spec.destCode),
      labelData,
    };
  });
}

function queryTrack(
  profile: CourierProfile,
): Operation<OperationInputs["queryTrack"], RawTrackEvent[]> {
  const spec = profile.operations.queryTrack.response;
  return operation(profile, "queryTrack", (response, query) => {
    const reply = readReply(profile, response);
    runChecks(profile, spec.checks, reply);
    const events = readEvents(reply, spec.events, query.trackingNo, (d) => malformed(profile, d));
    return events.filter((event) => event.trackingNo === query.trackingNo);
  });
}

function acknowledged<K extends "cancelWaybill" | "subscribe">(
  profile: CourierProfile,
  name: K,
  checks: Parameters<typeof runChecks>[1],
): Operation<OperationInputs[K], void> {
  return operation(profile, name, (response) => {
    runChecks(profile, checks, readReply(profile, response));
  });
}

/**
 * The generic driver for a profile. The profile is validated again here: a driver is never
 * built from an unchecked profile, whatever path it took from the database.
 */
export function profileDriver(input: CourierProfile): CourierDriver {
  const profile = courierProfileSchema.parse(input);
  const { subscribe } = profile.operations;
  return {
    code: profile.code,
    createWaybill: createWaybill(profile),
    cancelWaybill: acknowledged(
      profile,
      "cancelWaybill",
      profile.operations.cancelWaybill.response.checks,
    ),
    queryTrack: queryTrack(profile),
    ...(subscribe
      ? { subscribe: acknowledged(profile, "subscribe", subscribe.response.checks) }
      : {}),
    ...(profile.push ? { push: profilePush(profile, profile.push) } : {}),
  };
}

/**
 * The exact request an operation would send (headers, body, signature), without sending it: the
 * Settings "live dry run". Throws CourierError AUTH when a required credential is missing.
 */
export function dryRun<K extends OperationName>(
  profile: CourierProfile,
  operation: K,
  input: OperationInputs[K],
  account: CourierAccountConfig,
  ctx: CallContext,
): WireRequest {
  return buildRequest(courierProfileSchema.parse(profile), operation, input, account, ctx);
}

/** Our level-1 status for a courier event code, or undefined when the profile does not map it. */
export function profileStatus(profile: CourierProfile, code: string): Level1Status | undefined {
  return Object.hasOwn(profile.statusMap, code) ? profile.statusMap[code] : undefined;
}

export type { OperationInputs, OperationName } from "./scopes";
