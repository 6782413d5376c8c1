/**
 * The placeholder language of courier profiles: `{{path|formatter|formatter:arg}}` inside JSON
 * strings. It can only read values the engine hands it and apply a fixed set of formatters, so a
 * profile stored in the database and edited in a form never carries code (no eval, no regex, no
 * arbitrary functions).
 *
 * Rendering rules:
 * - A string that is exactly one placeholder keeps the value's type (`"{{order.weightKg}}"` is
 *   the JSON number 0.8); text around a placeholder makes the whole string text.
 * - A value that is absent drops the JSON key (or array element, header, form field) when the
 *   string is a single placeholder, and renders as "" inside longer text.
 * - A date without a formatter renders as Asia/Shanghai "YYYY-MM-DD HH:mm:ss", the wall clock
 *   every Chinese courier API uses.
 */

export type ValueType = "string" | "number" | "date";

/** What a placeholder can read: the shape of the values the engine provides. */
export type Shape =
  | { kind: "leaf"; type: ValueType }
  | { kind: "object"; fields: Readonly<Record<string, Shape>> }
  | { kind: "list"; item: Shape }
  /** Any one further segment, e.g. `push.form.<field name>`. */
  | { kind: "wild"; type: ValueType };

export type Scope = Readonly<Record<string, Shape>>;

type FormatterSpec = {
  accepts: readonly ValueType[];
  /** Undefined: the formatter returns the type it was given. */
  returns?: ValueType;
  arg: "none" | "required";
  apply: (value: unknown, arg: string) => unknown;
};

// China has had no daylight saving since 1991: Asia/Shanghai is a fixed UTC+8 offset, so no
// time-zone database is needed and the output is identical on every host.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai. */
export function shanghaiDateTime(date: Date): string {
  const iso = new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

const asDate = (value: unknown): Date | undefined => (value instanceof Date ? value : undefined);
const textOf = (value: unknown): string =>
  value instanceof Date ? shanghaiDateTime(value) : String(value);

const ANY: readonly ValueType[] = ["string", "number", "date"];

/** The fixed formatter set. Adding one is a code change, reviewed like any other. */
export const FORMATTERS: Readonly<Record<string, FormatterSpec>> = {
  string: { accepts: ANY, returns: "string", arg: "none", apply: textOf },
  number: {
    accepts: ["string", "number"],
    returns: "number",
    arg: "none",
    apply: (v) => (Number.isFinite(Number(v)) && String(v).trim() !== "" ? Number(v) : undefined),
  },
  upper: { accepts: ["string"], arg: "none", apply: (v) => textOf(v).toUpperCase() },
  lower: { accepts: ["string"], arg: "none", apply: (v) => textOf(v).toLowerCase() },
  trim: { accepts: ["string"], arg: "none", apply: (v) => textOf(v).trim() },
  /** Letters, digits and `_` only, for couriers that refuse other characters in order ids. */
  safeId: { accepts: ["string"], arg: "none", apply: (v) => textOf(v).replace(/\W/g, "_") },
  datetime: {
    accepts: ["date"],
    returns: "string",
    arg: "none",
    apply: (v) => {
      const d = asDate(v);
      return d && shanghaiDateTime(d);
    },
  },
  date: {
    accepts: ["date"],
    returns: "string",
    arg: "none",
    apply: (v) => {
      const d = asDate(v);
      return d && shanghaiDateTime(d).slice(0, 10);
    },
  },
  epochMs: {
    accepts: ["date"],
    returns: "number",
    arg: "none",
    apply: (v) => asDate(v)?.getTime(),
  },
  epochS: {
    accepts: ["date"],
    returns: "number",
    arg: "none",
    apply: (v) => {
      const d = asDate(v);
      return d && Math.floor(d.getTime() / 1000);
    },
  },
  /** The value serialized as a JSON string, for envelopes that carry JSON inside JSON. */
  json: { accepts: ANY, returns: "string", arg: "none", apply: (v) => JSON.stringify(v) },
  /** `default:text` replaces an absent or empty value. */
  default: {
    accepts: ANY,
    arg: "required",
    apply: (v, arg) => (v === undefined || v === "" ? arg : v),
  },
};

export type Placeholder = { path: string[]; formatters: { name: string; arg: string }[] };
export type TemplatePart = { text: string } | { placeholder: Placeholder; source: string };

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FORMATTER = /^([A-Za-z]+)(?::(.*))?$/s;

function parsePlaceholder(inner: string): Placeholder | string {
  const [pathText = "", ...formatterTexts] = inner.split("|").map((s) => s.trim());
  const path = pathText.split(".");
  if (!path.every((s) => SEGMENT.test(s))) {
    return `"{{${inner}}}" is not a placeholder: use a dotted name such as order.recipient.name`;
  }
  const formatters: Placeholder["formatters"] = [];
  for (const text of formatterTexts) {
    const match = FORMATTER.exec(text);
    const name = match?.[1] ?? text;
    const spec = Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name] : undefined;
    if (!match || !spec) {
      return `unknown formatter "${name}" in {{${inner}}}: use one of ${Object.keys(FORMATTERS).join(", ")}`;
    }
    const arg = match[2];
    if (spec.arg === "required" && arg === undefined) {
      return `formatter "${name}" needs a value, e.g. ${name}:text`;
    }
    if (spec.arg === "none" && arg !== undefined) return `formatter "${name}" takes no value`;
    formatters.push({ name, arg: arg ?? "" });
  }
  return { path, formatters };
}

/** Splits a template string into text and placeholders, or explains why it cannot. */
export function parseTemplate(text: string): TemplatePart[] | string {
  const parts: TemplatePart[] = [];
  let rest = text;
  for (let open = rest.indexOf("{{"); open >= 0; open = rest.indexOf("{{")) {
    const close = rest.indexOf("}}", open + 2);
    if (close < 0) return `"{{" without a closing "}}" in "${text}"`;
    if (open > 0) parts.push({ text: rest.slice(0, open) });
    const inner = rest.slice(open + 2, close).trim();
    const placeholder = parsePlaceholder(inner);
    if (typeof placeholder === "string") return placeholder;
    parts.push({ placeholder, source: `{{${inner}}}` });
    rest = rest.slice(close + 2);
  }
  if (rest !== "") parts.push({ text: rest });
  return parts;
}

function fieldNames(shape: Shape): string {
  return shape.kind === "object" ? Object.keys(shape.fields).join(", ") : "";
}

/** The type a placeholder path resolves to in `scope`, or why it does not resolve. */
function resolveType(path: readonly string[], scope: Scope): { type: ValueType } | string {
  const [root = "", ...rest] = path;
  let shape = Object.hasOwn(scope, root) ? scope[root] : undefined;
  if (!shape)
    return `unknown placeholder root "${root}": use one of ${Object.keys(scope).join(", ")}`;
  let at = root;
  for (const segment of rest) {
    if (shape.kind === "wild") {
      shape = { kind: "leaf", type: shape.type };
    } else if (shape.kind === "object") {
      const next: Shape | undefined = Object.hasOwn(shape.fields, segment)
        ? shape.fields[segment]
        : undefined;
      if (!next) return `${at} has no "${segment}" (known: ${fieldNames(shape)})`;
      shape = next;
    } else if (shape.kind === "list") {
      return `${at} is a list: repeat it with {"$each": "${at}", "$item": …}`;
    } else {
      return `${at} is a single value and has no "${segment}"`;
    }
    at = `${at}.${segment}`;
  }
  if (shape.kind === "leaf") return { type: shape.type };
  if (shape.kind === "wild") return `${at} needs one more name, e.g. ${at}.params`;
  if (shape.kind === "list") return `${at} is a list: repeat it with {"$each": "${at}", …}`;
  return `${at} is a group of values: pick one of ${fieldNames(shape)}`;
}

/** Checks one placeholder against a scope, formatters included; returns an error or undefined. */
export function checkPlaceholder(placeholder: Placeholder, scope: Scope): string | undefined {
  const resolved = resolveType(placeholder.path, scope);
  if (typeof resolved === "string") return resolved;
  let type = resolved.type;
  for (const { name } of placeholder.formatters) {
    const spec = FORMATTERS[name];
    if (!spec) return `unknown formatter "${name}"`;
    if (!spec.accepts.includes(type)) {
      return `formatter "${name}" needs a ${spec.accepts.join(" or ")} value, ${placeholder.path.join(".")} gives a ${type}`;
    }
    type = spec.returns ?? type;
  }
  return undefined;
}

/** The list shape a `$each` source names, or why it is not a list. */
export function listItemShape(path: string, scope: Scope): Shape | string {
  const segments = path.split(".");
  if (!segments.every((s) => SEGMENT.test(s))) return `"${path}" is not a dotted name`;
  const [root = "", ...rest] = segments;
  let shape = Object.hasOwn(scope, root) ? scope[root] : undefined;
  for (const segment of rest) {
    shape =
      shape?.kind === "object" && Object.hasOwn(shape.fields, segment)
        ? shape.fields[segment]
        : undefined;
  }
  return shape?.kind === "list" ? shape.item : `"${path}" is not a list`;
}

/** Reads a dotted path from plain values, own properties only (never the prototype chain). */
export function lookup(values: unknown, path: readonly string[]): unknown {
  let current = values;
  for (const segment of path) {
    if (typeof current !== "object" || current === null || current instanceof Date) {
      return undefined;
    }
    current = Object.hasOwn(current, segment)
      ? (current as Record<string, unknown>)[segment]
      : undefined;
  }
  return current;
}

function evaluate(placeholder: Placeholder, values: unknown): unknown {
  let value = lookup(values, placeholder.path);
  for (const { name, arg } of placeholder.formatters) {
    const spec = FORMATTERS[name];
    if (spec && (value !== undefined || name === "default")) value = spec.apply(value, arg);
  }
  return value;
}

/**
 * Renders one template string. Returns the typed value for a lone placeholder (undefined when
 * absent), otherwise text. Templates are validated by the profile schema before they get here;
 * a malformed one renders literally rather than throwing mid-request.
 */
export function renderTemplate(text: string, values: unknown): unknown {
  const parts = parseTemplate(text);
  if (typeof parts === "string") return text;
  const [only] = parts;
  if (parts.length === 1 && only && "placeholder" in only) {
    const value = evaluate(only.placeholder, values);
    return value instanceof Date ? shanghaiDateTime(value) : value;
  }
  return parts
    .map((part) => {
      if ("text" in part) return part.text;
      const value = evaluate(part.placeholder, values);
      return value === undefined || value === null ? "" : textOf(value);
    })
    .join("");
}

/** Renders a template string that must become text (header, form field, signing input). */
export function renderText(text: string, values: unknown): string | undefined {
  const value = renderTemplate(text, values);
  return value === undefined || value === null ? undefined : textOf(value);
}
