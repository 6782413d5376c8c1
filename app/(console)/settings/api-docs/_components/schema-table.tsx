import { useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { InlineMd } from "./inline-md";
import {
  constraints,
  exampleOf,
  resolve,
  schemaRows,
  typeLabel,
  type Constraint,
  type OpenApiDoc,
  type Parameter,
  type Schema,
} from "./openapi";

function ConstraintList({ items }: { items: Constraint[] }) {
  const t = useTranslations("apiDocs.constraints");
  if (!items.length) return null;
  return (
    <span className="mt-0.5 flex flex-wrap gap-x-2 gap-y-0.5 text-[11px] text-slate-500">
      {items.map((c, i) => {
        switch (c.kind) {
          case "values":
            return (
              <span key={i}>
                {t("values")}{" "}
                {c.values.map((v, j) => (
                  <code key={v} className="font-mono text-slate-700">
                    {j > 0 ? " | " : ""}
                    {v}
                  </code>
                ))}
              </span>
            );
          case "pattern":
            return (
              <span key={i} className="break-all">
                {t("pattern")} <code className="font-mono text-slate-700">{c.pattern}</code>
              </span>
            );
          case "default":
            return <span key={i}>{t("default", { value: c.value })}</span>;
          case "length":
          case "range":
          case "items":
            return <span key={i}>{t(c.kind, { min: c.min, max: c.max })}</span>;
          case "minLength":
          case "min":
          case "minItems":
            return <span key={i}>{t(c.kind, { min: c.min })}</span>;
          case "maxLength":
          case "max":
            return <span key={i}>{t(c.kind, { max: c.max })}</span>;
        }
      })}
    </span>
  );
}

function ExampleCell({ value }: { value: unknown }) {
  if (value === undefined) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return (
    <code className="block max-w-44 truncate font-mono text-xs text-slate-700" title={text}>
      {text}
    </code>
  );
}

function RequiredMark({ required }: { required: boolean }) {
  const t = useTranslations("apiDocs");
  return required ? (
    <span className="text-xs font-medium text-red-700">{t("yes")}</span>
  ) : (
    <span className="text-xs text-slate-400">–</span>
  );
}

/** JSON Schema properties as a table, nested objects and array items indented under their field. */
export function SchemaTable({ doc, schema }: { doc: OpenApiDoc; schema: Schema }) {
  const t = useTranslations("apiDocs");
  const rows = schemaRows(doc, schema);
  return (
    <Table className="text-xs [&_th]:whitespace-nowrap">
      <thead>
        <tr>
          <Th className="w-56">{t("field")}</Th>
          <Th className="w-40">{t("type")}</Th>
          <Th className="w-14">{t("required")}</Th>
          <Th>{t("description")}</Th>
          <Th className="w-48">{t("example")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const { value: resolved } = resolve(doc, r.schema);
          return (
            <tr key={r.key} className="align-top">
              <Td
                className="align-top whitespace-nowrap"
                style={{ paddingLeft: 12 + r.depth * 18 }}
              >
                {r.depth > 0 ? (
                  <span className="mr-1 text-slate-300" aria-hidden>
                    └
                  </span>
                ) : null}
                <code className="font-mono font-medium text-slate-900">{r.name}</code>
              </Td>
              <Td className="align-top">
                <code className="font-mono text-violet-700">{typeLabel(doc, r.schema)}</code>
              </Td>
              <Td className="align-top">
                <RequiredMark required={r.required} />
              </Td>
              <Td className="align-top text-slate-700">
                <InlineMd text={r.schema.description ?? resolved.description} />
                <ConstraintList items={constraints(doc, r.schema)} />
              </Td>
              <Td className="align-top">
                <ExampleCell value={exampleOf(r.schema, doc)} />
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

export function ParametersTable({ doc, parameters }: { doc: OpenApiDoc; parameters: Parameter[] }) {
  const t = useTranslations("apiDocs");
  const resolved = parameters.map((p) => resolve(doc, p).value);
  return (
    <Table className="text-xs [&_th]:whitespace-nowrap">
      <thead>
        <tr>
          <Th className="w-56">{t("field")}</Th>
          <Th className="w-20">{t("in")}</Th>
          <Th className="w-20">{t("type")}</Th>
          <Th className="w-14">{t("required")}</Th>
          <Th>{t("description")}</Th>
          <Th className="w-48">{t("example")}</Th>
        </tr>
      </thead>
      <tbody>
        {resolved.map((p) => {
          const schema = p.schema ?? {};
          const location = ["path", "query", "header", "cookie"].includes(p.in)
            ? t(`locations.${p.in as "path" | "query" | "header" | "cookie"}`)
            : p.in;
          return (
            <tr key={`${p.in}:${p.name}`} className="align-top">
              <Td className="align-top whitespace-nowrap">
                <code className="font-mono font-medium text-slate-900">{p.name}</code>
              </Td>
              <Td className="align-top text-slate-600">{location}</Td>
              <Td className="align-top">
                <code className="font-mono text-violet-700">{typeLabel(doc, schema)}</code>
              </Td>
              <Td className="align-top">
                <RequiredMark required={!!p.required} />
              </Td>
              <Td className="align-top text-slate-700">
                <InlineMd text={p.description ?? schema.description} />
                <ConstraintList items={constraints(doc, schema)} />
              </Td>
              <Td className="align-top">
                <ExampleCell value={p.example ?? exampleOf(schema, doc)} />
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
