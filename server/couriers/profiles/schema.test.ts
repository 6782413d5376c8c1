import { describe, expect, it } from "vitest";
import { builtInProfiles } from "./index";
import { courierProfileSchema, parseProfile, type ProfileIssue } from "./schema";

const REMOVE = Symbol("remove");

/** A deep copy of `base` with the value at a dotted path replaced (or removed). */
function edit(base: object, path: string, value: unknown): object {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split(".");
  const last = keys.pop() ?? "";
  let node: Record<string, unknown> = copy;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

function issuesOf(profile: unknown): ProfileIssue[] {
  const result = parseProfile(profile);
  if (result.ok) throw new Error("expected the profile to be refused");
  return result.issues;
}

const yunda = builtInProfiles.yunda;
const deppon = builtInProfiles.deppon;
const receiverName = "operations.createWaybill.body.orders.0.receiver.name";

describe("courierProfileSchema", () => {
  it.each(Object.entries(builtInProfiles))("accepts the built-in %s profile", (_, profile) => {
    expect(courierProfileSchema.safeParse(profile).success).toBe(true);
    expect(parseProfile(JSON.parse(JSON.stringify(profile)))).toEqual({ ok: true, profile });
  });

  it("accepts a minimal JSON-envelope profile with the signature in a JSON field", () => {
    const envelope = edit(
      edit(yunda, "transport.envelope", { param: "{{payload}}", ts: "{{ctx.timestampMs}}" }),
      "sign.target",
      { in: "json", name: "sign" },
    );
    expect(parseProfile(envelope).ok).toBe(true);
  });

  // Each row: what an admin typed, where, and the path + message the form shows.
  const invalid: [string, object, string, unknown, string, RegExp][] = [
    ["a slug with spaces", yunda, "code", "Yunda Express", "code", /lower-case letters/],
    ["an upper-case slug", yunda, "code", "YUNDA", "code", /lower-case/],
    [
      "an unknown placeholder field",
      yunda,
      receiverName,
      "{{order.recipient.nam}}",
      receiverName,
      /order\.recipient has no "nam" \(known: name, mobile/,
    ],
    [
      "an unknown placeholder root",
      yunda,
      receiverName,
      "{{secrets.x}}",
      receiverName,
      /unknown placeholder root "secrets"/,
    ],
    [
      "an undeclared credential",
      yunda,
      receiverName,
      "{{credentials.password}}",
      receiverName,
      /credentials has no "password" \(known: appKey, appSecret, partnerId, secret\)/,
    ],
    [
      "the payload inside the body it serializes",
      yunda,
      receiverName,
      "{{payload}}",
      receiverName,
      /unknown placeholder root "payload"/,
    ],
    [
      "an unknown formatter",
      yunda,
      receiverName,
      "{{order.recipient.name|kilo}}",
      receiverName,
      /unknown formatter "kilo"/,
    ],
    [
      "a formatter of the wrong type",
      yunda,
      receiverName,
      "{{order.recipient.name|datetime}}",
      receiverName,
      /formatter "datetime" needs a date value, order\.recipient\.name gives a string/,
    ],
    [
      "a formatter missing its value",
      yunda,
      receiverName,
      "{{order.remark|default}}",
      receiverName,
      /needs a value/,
    ],
    [
      "an unclosed placeholder",
      yunda,
      receiverName,
      "{{order.recipient.name",
      receiverName,
      /without a closing/,
    ],
    [
      "a whole group as one value",
      yunda,
      receiverName,
      "{{order.recipient}}",
      receiverName,
      /group of values: pick one of name/,
    ],
    [
      "a list as one value",
      yunda,
      receiverName,
      "{{order.goods}}",
      receiverName,
      /is a list: repeat it with/,
    ],
    [
      "a repeat over something that is not a list",
      yunda,
      "operations.createWaybill.body.orders.0.items.$each",
      "order.sender",
      "operations.createWaybill.body.orders.0.items.$each",
      /"order\.sender" is not a list/,
    ],
    [
      "item outside a repeat",
      yunda,
      receiverName,
      "{{item.name}}",
      receiverName,
      /unknown placeholder root "item"/,
    ],
    [
      "an unknown recipe primitive",
      yunda,
      "sign.recipe.steps.0.digest",
      "md4",
      "sign.recipe.steps.0.digest",
      /Invalid option/,
    ],
    [
      "raw digest bytes as text",
      yunda,
      "sign.recipe.steps.0.output",
      "raw",
      "sign.recipe.steps.0.output",
      /raw digest bytes are not text/,
    ],
    [
      "a recipe input nobody feeds",
      yunda,
      "sign.fields",
      { body: "{{payload}}" },
      "sign.fields",
      /the recipe reads "appSecret": give it a template/,
    ],
    [
      "a template the recipe never reads",
      yunda,
      "sign.fields",
      { body: "{{payload}}", appSecret: "{{credentials.appSecret}}", extra: "x" },
      "sign.fields.extra",
      /does not read "extra"/,
    ],
    [
      "a signature form field on a JSON transport",
      yunda,
      "sign.target.in",
      "form",
      "sign.target.in",
      /needs the form transport/,
    ],
    [
      "a missing response path",
      yunda,
      "operations.createWaybill.response.trackingNo",
      REMOVE,
      "operations.createWaybill.response.trackingNo",
      /^required$/,
    ],
    [
      "a malformed response path",
      yunda,
      "operations.queryTrack.response.events.list",
      "data..steps",
      "operations.queryTrack.response.events.list",
      /a dotted path into the reply/,
    ],
    [
      "no success check",
      yunda,
      "operations.cancelWaybill.response.checks",
      [],
      "operations.cancelWaybill.response.checks",
      /how to recognise success/,
    ],
    [
      "an unknown time format",
      yunda,
      "operations.queryTrack.response.events.timeFormat",
      "unix",
      "operations.queryTrack.response.events.timeFormat",
      /Invalid option/,
    ],
    [
      "an unknown error kind",
      yunda,
      "errorMap.4001.kind",
      "OOPS",
      "errorMap.4001.kind",
      /Invalid option/,
    ],
    [
      "a status outside level 1",
      yunda,
      "statusMap.GOT",
      "SHIPPED",
      "statusMap.GOT",
      /Invalid option/,
    ],
    [
      "a path without its leading slash",
      yunda,
      "operations.queryTrack.path",
      "openapi/x",
      "operations.queryTrack.path",
      /starting with \//,
    ],
    [
      "an unknown production host",
      deppon,
      "operations.queryTrack.host",
      "elsewhere",
      "operations.queryTrack.host",
      /not one of endpoints\.hosts/,
    ],
    [
      "a form that never carries the payload",
      deppon,
      "transport.form",
      [{ name: "companyCode", value: "{{credentials.companyCode}}" }],
      "transport.form",
      /never be sent/,
    ],
    [
      "a push signature read from JSON on a form push",
      deppon,
      "push.signature.from.in",
      "json",
      "push.signature.from.in",
      /a form push has no json fields/,
    ],
    [
      "a push template reading order data",
      deppon,
      "push.signature.fields.params",
      "{{order.orderId}}",
      "push.signature.fields.params",
      /unknown placeholder root "order"/,
    ],
    [
      "an unknown top-level key",
      yunda,
      "script",
      "process.exit()",
      "(profile)",
      /Unrecognized key: "script"/,
    ],
  ];

  it.each(invalid)(
    "refuses %s with a readable path",
    (_, base, path, value, issuePath, message) => {
      const issues = issuesOf(edit(base, path, value));
      expect(issues).toContainEqual({
        path: issuePath,
        message: expect.stringMatching(message) as unknown,
      });
    },
  );

  it("refuses a duplicate credential key at its index", () => {
    const fields = [...yunda.credentialFields, { key: "appKey", secret: false }];
    expect(issuesOf(edit(yunda, "credentialFields", fields))).toContainEqual({
      path: "credentialFields.4.key",
      message: 'duplicate credential "appKey"',
    });
  });

  it("reports every problem at once, not only the first", () => {
    const broken = edit(
      edit(yunda, receiverName, "{{order.x}}"),
      "operations.queryTrack.body.mailno",
      "{{input.y}}",
    );
    expect(issuesOf(broken).map((i) => i.path)).toEqual([
      receiverName,
      "operations.queryTrack.body.mailno",
    ]);
  });
});
