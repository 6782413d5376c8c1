/**
 * Trajectory pushes (courier -> us) as a profile describes them: the signature recipe and where
 * the received signature is, account match fields, where the events are, and the exact
 * acknowledgement bytes.
 */
import {
  type CourierAccountConfig,
  CourierError,
  type PushProtocol,
  type RawTrackEvent,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import { constantTimeEqual, formUrlDecode } from "@/server/couriers/signing/primitives";
import { runRecipe } from "@/server/couriers/signing/recipe";
import { readEvents } from "./engine-reply";
import type { CourierProfile, PushSpec } from "./schema";
import { renderText } from "./template";

type PushFields = {
  form: Record<string, string>;
  header: Record<string, string>;
  json: Record<string, string>;
  body: string;
};

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The push's fields: the form decoded exactly once (PROTOCOLS.md §0 trap 5), headers by lower-case name. */
function readFields(spec: PushSpec, request: WireRequest): PushFields {
  const fields: PushFields = { form: {}, header: {}, json: {}, body: request.body };
  for (const [name, value] of Object.entries(request.headers))
    fields.header[name.toLowerCase()] = value;
  if (spec.format === "form") {
    // First occurrence wins, so a repeated field cannot replace the signed one.
    for (const [name, value] of formUrlDecode(request.body)) {
      if (!Object.hasOwn(fields.form, name)) fields.form[name] = value;
    }
  } else {
    for (const [name, value] of Object.entries(parseJsonObject(request.body) ?? {})) {
      fields.json[name] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  return fields;
}

function source(fields: PushFields, from: PushSpec["signature"]["from"]): string | undefined {
  const record = fields[from.in];
  const name = from.in === "header" ? from.name.toLowerCase() : from.name;
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

function malformedPush(profile: CourierProfile, detail: string): CourierError {
  return new CourierError(
    "INVALID",
    "MALFORMED_PUSH",
    `${profile.nameEn} pushed a trace update we could not read`,
    detail.slice(0, 300),
  );
}

function reply(ack: PushSpec["ack"]["ok"]): WireResponse {
  return { status: ack.status, headers: { "content-type": ack.contentType }, body: ack.body };
}

/** The PushProtocol of a profile's `push` section. */
export function profilePush(profile: CourierProfile, spec: PushSpec): PushProtocol {
  return {
    verify(request: WireRequest, account: CourierAccountConfig): boolean {
      const credentials: Record<string, string> = {};
      for (const { key } of profile.credentialFields) {
        const value = account.credentials[key];
        if (value) credentials[key] = value;
      }
      const fields = readFields(spec, request);
      const values = { credentials, push: fields };
      // A push for another account is not ours to accept, however well it is signed.
      for (const match of spec.match ?? []) {
        const expected = renderText(match.equals, values);
        if (expected === undefined || source(fields, match.from) !== expected) return false;
      }
      const received = source(fields, spec.signature.from);
      if (!received) return false;
      const inputs: Record<string, string> = {};
      for (const [name, template] of Object.entries(spec.signature.fields)) {
        const value = renderText(template, values);
        // An account without its secret cannot authenticate anything: refuse rather than throw.
        if (value === undefined) return false;
        inputs[name] = value;
      }
      return constantTimeEqual(runRecipe(spec.signature.recipe, inputs), received);
    },

    parse(request: WireRequest): RawTrackEvent[] {
      const fields = readFields(spec, request);
      const where = spec.events.source;
      const text = where.in === "body" ? fields.body : source(fields, where);
      if (text === undefined) throw malformedPush(profile, request.body);
      let data: unknown;
      try {
        data = JSON.parse(text) as unknown;
      } catch {
        throw malformedPush(profile, text);
      }
      return readEvents(data, spec.events, "", (detail) => malformedPush(profile, detail));
    },

    acknowledge(ok: boolean): WireResponse {
      return reply(ok ? spec.ack.ok : spec.ack.fail);
    },
  };
}
