/**
 * JSON templates (request bodies) and JSON paths (reading replies) for courier profiles.
 *
 * A JSON template is any JSON value whose strings may hold placeholders (./template.ts). One
 * construct repeats a list: `{"$each": "order.goods", "$item": {"name": "{{item.name}}"}}`
 * renders `$item` once per element with the element as `item`. Other `$` keys are reserved.
 *
 * A JSON path is dotted: `data.0.mail_no`; a number indexes a list, and the segment `$json` parses
 * a string that itself holds JSON (couriers nest label data as JSON text inside JSON).
 */
import {
  checkPlaceholder,
  listItemShape,
  lookup,
  parseTemplate,
  renderTemplate,
  type Scope,
} from "./template";

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type TemplateIssue = { path: (string | number)[]; message: string };

export const EACH = "$each";
export const ITEM = "$item";

/** Checks one template string; pushes one issue per problem, at `path`. */
export function checkTemplateText(
  text: string,
  scope: Scope,
  path: (string | number)[],
  issues: TemplateIssue[],
): void {
  const parts = parseTemplate(text);
  if (typeof parts === "string") {
    issues.push({ path, message: parts });
    return;
  }
  for (const part of parts) {
    if (!("placeholder" in part)) continue;
    const problem = checkPlaceholder(part.placeholder, scope);
    if (problem) issues.push({ path, message: `${part.source}: ${problem}` });
  }
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every placeholder problem in a JSON template, each with the path of the string holding it. */
export function checkJsonTemplate(
  template: Json,
  scope: Scope,
  path: (string | number)[] = [],
  issues: TemplateIssue[] = [],
): TemplateIssue[] {
  if (typeof template === "string") {
    checkTemplateText(template, scope, path, issues);
  } else if (Array.isArray(template)) {
    template.forEach((item, i) => checkJsonTemplate(item, scope, [...path, i], issues));
  } else if (isObject(template)) {
    if (Object.hasOwn(template, EACH)) {
      const source = template[EACH];
      const item = template[ITEM];
      const extra = Object.keys(template).filter((k) => k !== EACH && k !== ITEM);
      if (extra.length > 0 || item === undefined || typeof source !== "string") {
        issues.push({
          path,
          message: `a repeat is exactly {"$each": "<list>", "$item": <template>}`,
        });
        return issues;
      }
      const itemShape = listItemShape(source, scope);
      if (typeof itemShape === "string") {
        issues.push({ path: [...path, EACH], message: itemShape });
        return issues;
      }
      checkJsonTemplate(item, { ...scope, item: itemShape }, [...path, ITEM], issues);
      return issues;
    }
    for (const [key, value] of Object.entries(template)) {
      if (key.startsWith("$")) {
        issues.push({
          path: [...path, key],
          message: `"${key}": keys starting with $ are reserved`,
        });
      } else {
        checkJsonTemplate(value, scope, [...path, key], issues);
      }
    }
  }
  return issues;
}

/** True when any string in the template reads the placeholder root `root`. */
export function usesRoot(template: Json | undefined, root: string): boolean {
  if (typeof template === "string") {
    const parts = parseTemplate(template);
    return (
      typeof parts !== "string" &&
      parts.some((p) => "placeholder" in p && p.placeholder.path[0] === root)
    );
  }
  if (Array.isArray(template)) return template.some((t) => usesRoot(t, root));
  if (template !== null && typeof template === "object") {
    return Object.values(template).some((t) => usesRoot(t, root));
  }
  return false;
}

/**
 * Renders a JSON template. Returns undefined for a value to leave out (an absent lone
 * placeholder); objects and lists drop such members, as JSON.stringify drops undefined.
 */
export function renderJson(template: Json, values: Readonly<Record<string, unknown>>): unknown {
  if (typeof template === "string") return renderTemplate(template, values);
  if (Array.isArray(template)) {
    return template.map((t) => renderJson(t, values)).filter((v) => v !== undefined);
  }
  if (!isObject(template)) return template;
  const source = template[EACH];
  const item = template[ITEM];
  if (typeof source === "string" && item !== undefined) {
    const list = lookup(values, source.split("."));
    if (!Array.isArray(list)) return undefined;
    return list
      .map((element: unknown) => renderJson(item, { ...values, item: element }))
      .filter((v) => v !== undefined);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    const rendered = renderJson(value, values);
    if (rendered !== undefined) out[key] = rendered;
  }
  return out;
}

export const JSON_PATH = /^(?:[A-Za-z_][\w-]*|\d+|\$json)(?:\.(?:[A-Za-z_][\w-]*|\d+|\$json))*$/;

/** The value at a JSON path in a parsed reply, or undefined when any step is missing. */
export function readPath(root: unknown, path: string): unknown {
  let current = root;
  for (const segment of path.split(".")) {
    if (segment === "$json") {
      if (typeof current !== "string") return undefined;
      try {
        current = JSON.parse(current) as unknown;
      } catch {
        return undefined;
      }
    } else if (Array.isArray(current)) {
      current = /^\d+$/.test(segment) ? (current as unknown[])[Number(segment)] : undefined;
    } else if (typeof current === "object" && current !== null) {
      current = Object.hasOwn(current, segment)
        ? (current as Record<string, unknown>)[segment]
        : undefined;
    } else {
      return undefined;
    }
  }
  return current;
}
