import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { CodeBlock } from "./copy-button";
import { InlineMd } from "./inline-md";
import { MethodBadge } from "./method-badge";
import {
  operations,
  resolve,
  type Header,
  type OpenApiDoc,
  type ResponseObject,
  type Schema,
  type SecurityScheme,
} from "./openapi";
import {
  modelAnchor,
  OperationCard,
  PROBLEM_MEDIA_TYPE,
  StatusCode,
  useStatusMeaning,
} from "./operation-card";
import { Origin } from "./origin";
import { SchemaTable } from "./schema-table";

/** What a 422 looks like on the wire (server/api-v1/problems.ts). */
const PROBLEM_EXAMPLE = JSON.stringify(
  {
    type: "about:blank",
    title: "Unprocessable Content",
    status: 422,
    detail: "The request is invalid",
    errors: [
      { field: "recipient.mobile", message: "a mainland mobile number, 11 digits starting with 1" },
      { field: "items.0.quantity", message: "Too small: expected number to be >=1" },
    ],
  },
  null,
  2,
);

function Card({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-sm font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

/** A header example as written on the wire. */
function plain(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

function schemeUsage(s: SecurityScheme): string {
  if (s.type === "http" && s.scheme?.toLowerCase() === "bearer")
    return "Authorization: Bearer <key>";
  if (s.type === "http" && s.scheme?.toLowerCase() === "basic") return "Authorization: Basic …";
  if (s.type === "apiKey" && s.in === "header") return `${s.name}: <key>`;
  if (s.type === "apiKey" && s.in === "query") return `?${s.name}=<key>`;
  return s.type;
}

function schemeType(s: SecurityScheme): string {
  if (s.type === "http") return `http ${s.scheme ?? ""}`.trim();
  if (s.type === "apiKey") return `apiKey (${s.in})`;
  return s.type;
}

type Collected = {
  /** Every distinct response header, with the status codes that send it. */
  headers: { name: string; header: Header; codes: string[] }[];
  /** Every error status any operation answers with, described once. */
  errors: { code: string; response: ResponseObject }[];
  /** Named schemas of non-error response bodies (e.g. Order). */
  models: string[];
  /** The problem body schema, when the document declares one. */
  problem?: Schema;
};

function collect(doc: OpenApiDoc): Collected {
  const headers = new Map<string, { name: string; header: Header; codes: string[] }>();
  const errors = new Map<string, ResponseObject>();
  const models = new Set<string>();
  let problem: Schema | undefined;
  for (const { op } of operations(doc)) {
    for (const [code, raw] of Object.entries(op.responses ?? {})) {
      const { value: r } = resolve(doc, raw);
      for (const [name, h] of Object.entries(r.headers ?? {})) {
        const entry = headers.get(name) ?? { name, header: resolve(doc, h).value, codes: [] };
        if (!entry.codes.includes(code)) entry.codes.push(code);
        headers.set(name, entry);
      }
      if (!code.startsWith("2") && !errors.has(code)) errors.set(code, r);
      for (const [mediaType, media] of Object.entries(r.content ?? {})) {
        if (!media.schema) continue;
        if (mediaType === PROBLEM_MEDIA_TYPE) problem ??= media.schema;
        else {
          const { name } = resolve(doc, media.schema);
          if (name) models.add(name);
        }
      }
    }
  }
  const byCode = (a: string, b: string) => a.localeCompare(b);
  return {
    headers: [...headers.values()].map((h) => ({ ...h, codes: h.codes.sort(byCode) })),
    errors: [...errors.entries()]
      .sort(([a], [b]) => byCode(a, b))
      .map(([code, response]) => ({ code, response })),
    models: [...models],
    problem,
  };
}

/** The whole OpenAPI document as one dense, navigable page. */
export function ApiReference({ doc }: { doc: OpenApiDoc }) {
  const t = useTranslations("apiDocs");
  const tOps = useTranslations("apiDocs.operations");
  const meaning = useStatusMeaning();
  const ops = operations(doc);
  const { headers, errors, models, problem } = collect(doc);
  const schemes = Object.entries(doc.components?.securitySchemes ?? {});
  const server = doc.servers?.[0]?.url ?? "/";

  const nav = [
    { href: "#overview", label: t("overview") },
    { href: "#authentication", label: t("authentication") },
    { href: "#errors", label: t("errorFormat") },
  ];

  return (
    <div className="flex items-start gap-5">
      <nav
        aria-label={t("contents")}
        className="sticky top-4 hidden w-52 shrink-0 flex-col gap-0.5 text-sm lg:flex"
      >
        <p className="mb-1 px-2 text-xs font-semibold text-slate-500">{t("contents")}</p>
        {nav.map((n) => (
          <a
            key={n.href}
            href={n.href}
            className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100"
          >
            {n.label}
          </a>
        ))}
        <p className="mt-3 mb-1 px-2 text-xs font-semibold text-slate-500">{t("endpoints")}</p>
        {ops.map(({ method, path, op, anchor }) => (
          <a
            key={anchor}
            href={`#${anchor}`}
            className="flex items-center gap-2 rounded px-2 py-1 text-slate-700 hover:bg-slate-100"
            title={op.operationId && tOps.has(op.operationId) ? tOps(op.operationId) : op.summary}
          >
            <MethodBadge method={method} className="w-10 text-[10px]" />
            <span className="truncate font-mono text-xs">{path.replace(/^\/api\/v1/, "")}</span>
          </a>
        ))}
        {models.length ? (
          <>
            <p className="mt-3 mb-1 px-2 text-xs font-semibold text-slate-500">{t("models")}</p>
            {models.map((m) => (
              <a
                key={m}
                href={`#${modelAnchor(m)}`}
                className="rounded px-2 py-1 font-mono text-xs text-slate-700 hover:bg-slate-100"
              >
                {m}
              </a>
            ))}
          </>
        ) : null}
      </nav>

      <div className="flex min-w-0 flex-1 flex-col gap-4">
        <Card id="overview" title={t("overview")}>
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-base font-semibold text-slate-900">{doc.info.title}</span>
            <Badge tone="blue">{t("version", { version: doc.info.version })}</Badge>
            <Badge tone="neutral">OpenAPI {doc.openapi}</Badge>
          </div>
          {doc.info.description ? (
            <p className="mt-2 max-w-4xl text-sm text-slate-700">
              <InlineMd text={doc.info.description} />
            </p>
          ) : null}
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-xs font-medium text-slate-500">{t("server")}</dt>
            <dd>
              <code className="font-mono text-xs text-slate-900">
                {server.startsWith("/") ? <Origin suffix={server === "/" ? "" : server} /> : server}
              </code>
            </dd>
          </dl>
          <p className="mt-3 text-xs text-slate-500">{t("specNote")}</p>
        </Card>

        <Card id="authentication" title={t("authentication")}>
          <p className="mb-2 text-sm text-slate-700">{t("authIntro")}</p>
          <Table className="text-xs [&_th]:whitespace-nowrap">
            <thead>
              <tr>
                <Th className="w-40">{t("scheme")}</Th>
                <Th className="w-32">{t("schemeType")}</Th>
                <Th className="w-72">{t("usage")}</Th>
                <Th>{t("description")}</Th>
              </tr>
            </thead>
            <tbody>
              {schemes.map(([name, s]) => (
                <tr key={name}>
                  <Td className="font-mono">{name}</Td>
                  <Td className="text-slate-600">{schemeType(s)}</Td>
                  <Td>
                    <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-900">
                      {schemeUsage(s)}
                    </code>
                  </Td>
                  <Td className="text-slate-700">
                    <InlineMd text={s.description} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {headers.length ? (
            <>
              <h3 className="mt-4 mb-1.5 text-xs font-semibold text-slate-500">{t("headers")}</h3>
              <Table className="text-xs [&_th]:whitespace-nowrap">
                <thead>
                  <tr>
                    <Th className="w-40">{t("field")}</Th>
                    <Th className="w-32">{t("status")}</Th>
                    <Th>{t("description")}</Th>
                    <Th className="w-72">{t("example")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {headers.map(({ name, header, codes }) => (
                    <tr key={name}>
                      <Td className="font-mono whitespace-nowrap">{name}</Td>
                      <Td className="font-mono text-slate-600">{codes.join(" ")}</Td>
                      <Td className="text-slate-700">
                        <InlineMd text={header.description ?? header.schema?.description} />
                      </Td>
                      <Td className="font-mono text-slate-600">
                        {plain(header.schema?.example ?? header.schema?.const)}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </>
          ) : null}
        </Card>

        <Card id="errors" title={t("errorFormat")}>
          <p className="mb-3 max-w-4xl text-sm text-slate-700">{t("errorIntro")}</p>
          {problem ? <SchemaTable doc={doc} schema={problem} /> : null}
          <div className="mt-3 grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <Table className="text-xs [&_th]:whitespace-nowrap">
              <thead>
                <tr>
                  <Th className="w-16">{t("status")}</Th>
                  <Th className="w-32">{t("meaning")}</Th>
                  <Th>{t("description")}</Th>
                </tr>
              </thead>
              <tbody>
                {errors.map(({ code, response }) => (
                  <tr key={code} className="align-top">
                    <Td className="align-top">
                      <StatusCode code={code} />
                    </Td>
                    <Td className="align-top font-medium whitespace-nowrap">{meaning(code)}</Td>
                    <Td className="align-top text-slate-700">
                      <InlineMd text={response.description} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <CodeBlock code={PROBLEM_EXAMPLE} label={t("errorExample")} />
          </div>
        </Card>

        <h2 className="mt-2 text-sm font-semibold text-slate-900">{t("endpoints")}</h2>
        {ops.map((entry) => (
          <OperationCard key={entry.anchor} doc={doc} entry={entry} />
        ))}

        {models.length ? (
          <>
            <h2 className="mt-2 text-sm font-semibold text-slate-900">{t("models")}</h2>
            {models.map((name) => {
              const schema = doc.components?.schemas?.[name];
              if (!schema) return null;
              return (
                <section
                  key={name}
                  id={modelAnchor(name)}
                  className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4"
                >
                  <h3 className="mb-1 font-mono text-sm font-semibold text-slate-900">{name}</h3>
                  {schema.description ? (
                    <p className="mb-2 text-sm text-slate-700">
                      <InlineMd text={schema.description} />
                    </p>
                  ) : null}
                  <SchemaTable doc={doc} schema={schema} />
                </section>
              );
            })}
          </>
        ) : null}
      </div>
    </div>
  );
}
