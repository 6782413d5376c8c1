/**
 * A loose view of the OpenAPI 3.1 document (only what the docs page renders) and the helpers that
 * resolve `$ref`s and flatten JSON Schemas into table rows.
 */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  example?: unknown;
  examples?: unknown[];
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
};
export type Parameter = {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
  example?: unknown;
};
export type Header = { $ref?: string; description?: string; required?: boolean; schema?: Schema };
export type MediaType = { schema?: Schema };
export type ResponseObject = {
  $ref?: string;
  description?: string;
  headers?: Record<string, Header>;
  content?: Record<string, MediaType>;
};
export type RequestBody = {
  $ref?: string;
  description?: string;
  required?: boolean;
  content?: Record<string, MediaType>;
};
export type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  parameters?: Parameter[];
  requestBody?: RequestBody;
  responses?: Record<string, ResponseObject>;
};
export type SecurityScheme = {
  type: string;
  scheme?: string;
  bearerFormat?: string;
  in?: string;
  name?: string;
  description?: string;
};
export type OpenApiDoc = {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string; description?: string }[];
  security?: Record<string, string[]>[];
  paths?: Record<string, Record<string, unknown>>;
  components?: {
    schemas?: Record<string, Schema>;
    responses?: Record<string, ResponseObject>;
    parameters?: Record<string, Parameter>;
    headers?: Record<string, Header>;
    requestBodies?: Record<string, RequestBody>;
    securitySchemes?: Record<string, SecurityScheme>;
  };
};

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export type OperationEntry = { method: string; path: string; op: Operation; anchor: string };

export function operations(doc: OpenApiDoc): OperationEntry[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    // In the document's own order (it lists the main operation of a path first).
    Object.keys(item)
      .filter((m) => HTTP_METHODS.includes(m))
      .map((method) => {
        const op = item[method] as Operation;
        return { method, path, op, anchor: `op-${op.operationId ?? `${method}-${path}`}` };
      }),
  );
}

/** The name a `#/components/<kind>/<name>` reference points at. */
export function refName(ref: string): string {
  return decodeURIComponent(ref.split("/").pop() ?? ref)
    .replace(/~1/g, "/")
    .replace(/~0/g, "~");
}

function lookup(doc: OpenApiDoc, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = doc;
  for (const part of ref.slice(2).split("/")) {
    const key = decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~");
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** Follows `$ref`s (a chain of them, too) to the object; `name` is the last component named. */
export function resolve<T extends { $ref?: string }>(
  doc: OpenApiDoc,
  value: T,
): { value: T; name?: string } {
  let current = value;
  let name: string | undefined;
  for (let hops = 0; current?.$ref && hops < 10; hops++) {
    const next = lookup(doc, current.$ref) as T | undefined;
    if (!next) break;
    name = refName(current.$ref);
    // Siblings of $ref (3.1 allows description) win over the target's.
    const { $ref: _ref, ...siblings } = current;
    current = { ...next, ...siblings };
  }
  return { value: current, name };
}

const isNull = (s: Schema) => s.type === "null";

function types(s: Schema): string[] {
  return Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
}

/** The schema to show children of: an object's, or an array's object items. */
function childObject(
  doc: OpenApiDoc,
  s: Schema,
): { schema: Schema; name?: string; array: boolean } | null {
  if (s.properties) return { schema: s, array: false };
  if (s.items) {
    const { value, name } = resolve(doc, s.items);
    if (value.properties) return { schema: value, name, array: true };
  }
  const variants = (s.anyOf ?? s.oneOf ?? []).filter((v) => !isNull(v));
  if (variants.length === 1 && variants[0]) {
    const { value, name } = resolve(doc, variants[0]);
    return (
      childObject(doc, value) ?? (value.properties ? { schema: value, name, array: false } : null)
    );
  }
  return null;
}

/** A short type: `string (date-time)`, `string | null`, `OrderItemInput[]`, `OrderStatus`. */
export function typeLabel(doc: OpenApiDoc, raw: Schema): string {
  const { value: s, name } = resolve(doc, raw);
  if (name && (s.properties || s.enum)) return name;
  if (s.anyOf ?? s.oneOf) {
    return (s.anyOf ?? s.oneOf ?? []).map((v) => typeLabel(doc, v)).join(" | ");
  }
  if (s.allOf?.length === 1 && s.allOf[0]) return typeLabel(doc, s.allOf[0]);
  const ts = types(s);
  if (ts.includes("array") || s.items) {
    const item = s.items ? typeLabel(doc, s.items) : "unknown";
    const rest = ts.filter((t) => t !== "array");
    return [`${item.includes(" ") ? `(${item})` : item}[]`, ...rest].join(" | ");
  }
  const base = ts.length ? ts.join(" | ") : s.properties ? "object" : s.enum ? "enum" : "any";
  return s.format ? `${base} (${s.format})` : base;
}

/** Bounds as wide as JavaScript's safe integers say nothing; they come from z.int(). */
const meaningful = (n: number | undefined): n is number =>
  typeof n === "number" && Math.abs(n) < Number.MAX_SAFE_INTEGER;

export type Constraint =
  | { kind: "length" | "range" | "items"; min: number; max: number }
  | { kind: "minLength" | "min" | "minItems"; min: number }
  | { kind: "maxLength" | "max"; max: number }
  | { kind: "default"; value: string }
  | { kind: "values"; values: string[] }
  | { kind: "pattern"; pattern: string };

export function constraints(doc: OpenApiDoc, raw: Schema): Constraint[] {
  const { value: s } = resolve(doc, raw);
  const variant = (s.anyOf ?? s.oneOf)?.filter((v) => !isNull(v));
  if (variant?.length === 1 && variant[0]) return constraints(doc, variant[0]);
  const out: Constraint[] = [];
  const { minLength, maxLength, minimum, maximum, minItems, maxItems } = s;
  if (meaningful(minLength) && meaningful(maxLength) && minLength > 0)
    out.push({ kind: "length", min: minLength, max: maxLength });
  else if (meaningful(maxLength)) out.push({ kind: "maxLength", max: maxLength });
  else if (meaningful(minLength) && minLength > 1) out.push({ kind: "minLength", min: minLength });
  if (meaningful(minimum) && meaningful(maximum))
    out.push({ kind: "range", min: minimum, max: maximum });
  else if (meaningful(minimum)) out.push({ kind: "min", min: minimum });
  else if (meaningful(maximum)) out.push({ kind: "max", max: maximum });
  if (meaningful(minItems) && meaningful(maxItems))
    out.push({ kind: "items", min: minItems, max: maxItems });
  else if (meaningful(minItems) && minItems > 0) out.push({ kind: "minItems", min: minItems });
  if (s.enum) out.push({ kind: "values", values: s.enum.map((v) => String(v)) });
  if (s.default !== undefined) out.push({ kind: "default", value: JSON.stringify(s.default) });
  // Formats (date-time, email…) say it better than the regex zod derives from them.
  if (s.pattern && !s.format) out.push({ kind: "pattern", pattern: s.pattern });
  return out;
}

export function exampleOf(raw: Schema, doc: OpenApiDoc): unknown {
  const { value: s } = resolve(doc, raw);
  return raw.example ?? s.example ?? s.examples?.[0] ?? raw.examples?.[0];
}

export type SchemaRow = {
  key: string;
  depth: number;
  name: string;
  required: boolean;
  schema: Schema;
  /** An array whose items are the next rows. */
  array: boolean;
};

/** An object schema's properties as rows, nested objects and arrays of objects indented below. */
export function schemaRows(
  doc: OpenApiDoc,
  raw: Schema,
  depth = 0,
  seen: ReadonlySet<string> = new Set(),
  prefix = "",
): SchemaRow[] {
  const { value: s } = resolve(doc, raw);
  const object = childObject(doc, s);
  if (!object) return [];
  const required = new Set(object.schema.required ?? []);
  return Object.entries(object.schema.properties ?? {}).flatMap(([name, prop]) => {
    const { value: resolved, name: ref } = resolve(doc, prop);
    const child = childObject(doc, resolved);
    const childRef = child?.name ?? ref;
    const key = `${prefix}${name}`;
    const row: SchemaRow = {
      key,
      depth,
      name,
      required: required.has(name),
      schema: prop,
      array: !!child?.array,
    };
    // A schema that contains itself is shown once, not forever.
    if (!child || (childRef && seen.has(childRef))) return [row];
    const nextSeen = childRef ? new Set([...seen, childRef]) : seen;
    return [row, ...schemaRows(doc, resolved, depth + 1, nextSeen, `${key}.`)];
  });
}

/**
 * A plausible request body: required fields plus those with an example, using the schema's
 * examples and defaults where it has them.
 */
export function sampleValue(doc: OpenApiDoc, raw: Schema, depth = 0): unknown {
  const { value: s } = resolve(doc, raw);
  const given = exampleOf(raw, doc);
  if (given !== undefined) return given;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  if (depth > 6) return null;
  const variants = (s.anyOf ?? s.oneOf ?? []).filter((v) => !isNull(v));
  if (variants[0]) return sampleValue(doc, variants[0], depth + 1);
  const ts = types(s);
  if (s.properties) {
    const required = new Set(s.required ?? []);
    const out: Record<string, unknown> = {};
    for (const [name, prop] of Object.entries(s.properties)) {
      if (required.has(name) || exampleOf(prop, doc) !== undefined) {
        out[name] = sampleValue(doc, prop, depth + 1);
      }
    }
    return out;
  }
  if (ts.includes("array") || s.items) return s.items ? [sampleValue(doc, s.items, depth + 1)] : [];
  if (ts.includes("integer") || ts.includes("number")) {
    return meaningful(s.minimum) ? Math.max(s.minimum, 1) : 1;
  }
  if (ts.includes("boolean")) return false;
  if (s.format === "date-time") return "2026-01-01T09:00:00+08:00";
  if (ts.includes("string")) return "string";
  return null;
}

export function statusTone(code: string): "green" | "amber" | "red" | "neutral" {
  if (code.startsWith("2")) return "green";
  if (code.startsWith("4")) return "amber";
  if (code.startsWith("5")) return "red";
  return "neutral";
}
