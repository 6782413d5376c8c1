/**
 * The cross-field rules of a courier profile, which a field-by-field schema cannot express:
 * every placeholder must name a value the engine provides at that place, every signing recipe
 * input must be fed, the signature must go somewhere the transport has, and so on. Each issue
 * carries the path of the field to fix.
 */
import type { z } from "zod";
import { recipeFieldNames } from "@/server/couriers/signing/recipe";
import { checkJsonTemplate, checkTemplateText, type TemplateIssue, usesRoot } from "./json";
import type { CourierProfile, SignSpec } from "./schema";
import {
  credentialScope,
  OPERATION_NAMES,
  type OperationName,
  pushScope,
  requestScope,
} from "./scopes";
import type { Scope } from "./template";

type Path = (string | number)[];

function checkRecord(
  record: Readonly<Record<string, string>> | undefined,
  scope: Scope,
  path: Path,
  issues: TemplateIssue[],
): void {
  for (const [key, value] of Object.entries(record ?? {})) {
    checkTemplateText(value, scope, [...path, key], issues);
  }
}

/** The recipe's inputs and the templates feeding them must match one to one. */
function checkRecipeFields(
  recipe: SignSpec["recipe"],
  fields: Readonly<Record<string, string>>,
  path: Path,
  issues: TemplateIssue[],
): void {
  const needed = recipeFieldNames(recipe);
  for (const name of needed) {
    if (!Object.hasOwn(fields, name)) {
      issues.push({
        path: [...path, "fields"],
        message: `the recipe reads "${name}": give it a template`,
      });
    }
  }
  for (const name of Object.keys(fields)) {
    if (!needed.includes(name)) {
      issues.push({
        path: [...path, "fields", name],
        message: `the recipe does not read "${name}"`,
      });
    }
  }
}

function checkSign(
  profile: CourierProfile,
  sign: SignSpec,
  scope: Scope,
  path: Path,
  issues: TemplateIssue[],
): void {
  checkRecipeFields(sign.recipe, sign.fields, path, issues);
  checkRecord(sign.fields, scope, [...path, "fields"], issues);
  const { contentType, envelope } = profile.transport;
  if (sign.target.in === "form" && contentType !== "form") {
    issues.push({
      path: [...path, "target", "in"],
      message: "a form field needs the form transport",
    });
  }
  if (sign.target.in === "json" && (contentType !== "json" || envelope === undefined)) {
    issues.push({
      path: [...path, "target", "in"],
      message:
        "a JSON field needs the json transport with an envelope (the body itself is what gets signed)",
    });
  }
}

function checkTransport(profile: CourierProfile, keys: string[], issues: TemplateIssue[]): void {
  const { contentType, form, envelope, headers } = profile.transport;
  const shared = requestScope(keys, { payload: true });
  checkRecord(headers, requestScope(keys, {}), ["transport", "headers"], issues);
  if (contentType === "form") {
    if (!form || form.length === 0) {
      issues.push({ path: ["transport", "form"], message: "the form transport needs its fields" });
    } else if (!form.some((field) => usesRoot(field.value, "payload"))) {
      issues.push({
        path: ["transport", "form"],
        message: "no field carries {{payload}}: the body would never be sent",
      });
    }
    form?.forEach((field, i) =>
      checkTemplateText(field.value, shared, ["transport", "form", i, "value"], issues),
    );
    if (envelope !== undefined) {
      issues.push({
        path: ["transport", "envelope"],
        message: "an envelope is for the json transport",
      });
    }
  } else {
    if (form)
      issues.push({ path: ["transport", "form"], message: "form fields need the form transport" });
    if (envelope !== undefined) {
      checkJsonTemplate(envelope, shared, ["transport", "envelope"], issues);
      if (!usesRoot(envelope, "payload")) {
        issues.push({
          path: ["transport", "envelope"],
          message: "the envelope never carries {{payload}}",
        });
      }
    }
  }
}

function checkOperation(
  profile: CourierProfile,
  name: OperationName,
  keys: string[],
  issues: TemplateIssue[],
): void {
  const op = profile.operations[name];
  if (!op) return;
  const path = ["operations", name];
  const scope = requestScope(keys, { operation: name });
  checkJsonTemplate(op.body, scope, [...path, "body"], issues);
  checkRecord(op.headers, scope, [...path, "headers"], issues);
  if (op.host !== undefined && !Object.hasOwn(profile.endpoints?.hosts ?? {}, op.host)) {
    issues.push({ path: [...path, "host"], message: `"${op.host}" is not one of endpoints.hosts` });
  }
  if (op.sign !== undefined && op.sign !== "none") {
    checkSign(
      profile,
      op.sign,
      requestScope(keys, { operation: name, payload: true }),
      [...path, "sign"],
      issues,
    );
  }
}

function checkPush(profile: CourierProfile, keys: string[], issues: TemplateIssue[]): void {
  const { push } = profile;
  if (!push) return;
  checkRecipeFields(push.signature.recipe, push.signature.fields, ["push", "signature"], issues);
  checkRecord(push.signature.fields, pushScope(keys), ["push", "signature", "fields"], issues);
  push.match?.forEach((m, i) =>
    checkTemplateText(m.equals, credentialScope(keys), ["push", "match", i, "equals"], issues),
  );
  const sources: [Path, string][] = [
    [["push", "signature", "from", "in"], push.signature.from.in],
    [["push", "events", "source", "in"], push.events.source.in],
    ...(push.match ?? []).map((m, i): [Path, string] => [
      ["push", "match", i, "from", "in"],
      m.from.in,
    ]),
  ];
  for (const [path, where] of sources) {
    if ((where === "form" || where === "json") && where !== push.format) {
      issues.push({ path, message: `a ${push.format} push has no ${where} fields` });
    }
  }
}

/** zod `superRefine` for the profile schema. */
export function refineProfile(profile: CourierProfile, ctx: z.RefinementCtx): void {
  const issues: TemplateIssue[] = [];
  const keys = profile.credentialFields.map((f) => f.key);
  const seen = new Set<string>();
  profile.credentialFields.forEach((field, i) => {
    if (seen.has(field.key)) {
      issues.push({
        path: ["credentialFields", i, "key"],
        message: `duplicate credential "${field.key}"`,
      });
    }
    seen.add(field.key);
  });
  checkTransport(profile, keys, issues);
  if (profile.sign)
    checkSign(profile, profile.sign, requestScope(keys, { payload: true }), ["sign"], issues);
  for (const name of OPERATION_NAMES) checkOperation(profile, name, keys, issues);
  checkPush(profile, keys, issues);
  for (const { path, message } of issues) ctx.addIssue({ code: "custom", message, path });
}
