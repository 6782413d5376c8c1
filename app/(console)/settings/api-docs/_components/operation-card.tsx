import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { CodeBlock } from "./copy-button";
import { InlineMd } from "./inline-md";
import { MethodBadge, PathText } from "./method-badge";
import {
  resolve,
  sampleValue,
  statusTone,
  typeLabel,
  type OpenApiDoc,
  type OperationEntry,
  type ResponseObject,
} from "./openapi";
import { ParametersTable, SchemaTable } from "./schema-table";

export const PROBLEM_MEDIA_TYPE = "application/problem+json";

/** Where a response body's model is described on this page. */
export function modelAnchor(name: string) {
  return `model-${name}`;
}

function SectionTitle({ children, extra }: { children: React.ReactNode; extra?: React.ReactNode }) {
  return (
    <h3 className="mb-1.5 flex items-baseline gap-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
      {children}
      {extra ? <span className="font-normal tracking-normal normal-case">{extra}</span> : null}
    </h3>
  );
}

export function StatusCode({ code }: { code: string }) {
  return (
    <Badge tone={statusTone(code)} className="font-mono">
      {code}
    </Badge>
  );
}

/** The meaning of a status code in the reader's language, when we have one. */
export function useStatusMeaning() {
  const t = useTranslations("apiDocs.statuses");
  return (code: string) => (t.has(code) ? t(code) : "");
}

function BodyCell({ doc, response }: { doc: OpenApiDoc; response: ResponseObject }) {
  return (
    <div className="flex flex-col gap-0.5">
      {Object.entries(response.content ?? {}).map(([mediaType, media]) => {
        const label = media.schema ? typeLabel(doc, media.schema) : null;
        const { name } = media.schema ? resolve(doc, media.schema) : { name: undefined };
        const href =
          mediaType === PROBLEM_MEDIA_TYPE ? "#errors" : name ? `#${modelAnchor(name)}` : undefined;
        return (
          <span key={mediaType} className="whitespace-nowrap">
            {label && href ? (
              <a href={href} className="font-mono text-blue-700 hover:underline">
                {label}
              </a>
            ) : (
              <code className="font-mono text-violet-700">{label}</code>
            )}
            <span className="ml-1 text-[11px] text-slate-400">{mediaType}</span>
          </span>
        );
      })}
    </div>
  );
}

function ResponsesTable({
  doc,
  responses,
}: {
  doc: OpenApiDoc;
  responses: Record<string, ResponseObject>;
}) {
  const t = useTranslations("apiDocs");
  const meaning = useStatusMeaning();
  return (
    <Table className="text-xs [&_th]:whitespace-nowrap">
      <thead>
        <tr>
          <Th className="w-16">{t("status")}</Th>
          <Th className="w-32">{t("meaning")}</Th>
          <Th>{t("description")}</Th>
          <Th className="w-64">{t("body")}</Th>
          <Th className="w-44">{t("headers")}</Th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(responses).map(([code, raw]) => {
          const { value: r } = resolve(doc, raw);
          return (
            <tr key={code} className="align-top">
              <Td className="align-top">
                <StatusCode code={code} />
              </Td>
              <Td className="align-top font-medium whitespace-nowrap text-slate-800">
                {meaning(code)}
              </Td>
              <Td className="align-top text-slate-700">
                <InlineMd text={r.description} />
              </Td>
              <Td className="align-top">
                <BodyCell doc={doc} response={r} />
              </Td>
              <Td className="align-top">
                <div className="flex flex-col">
                  {Object.entries(r.headers ?? {}).map(([name, h]) => (
                    <code
                      key={name}
                      className="font-mono text-[11px] text-slate-600"
                      title={resolve(doc, h).value.description}
                    >
                      {name}
                    </code>
                  ))}
                </div>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

export function OperationCard({ doc, entry }: { doc: OpenApiDoc; entry: OperationEntry }) {
  const t = useTranslations("apiDocs");
  const tOps = useTranslations("apiDocs.operations");
  const { op, method, path, anchor } = entry;
  const id = op.operationId;
  const summary = id && tOps.has(id) ? tOps(id) : op.summary;
  const body = op.requestBody ? resolve(doc, op.requestBody).value : undefined;
  const bodyMedia = Object.entries(body?.content ?? {});
  return (
    <section id={anchor} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-slate-50/70 px-4 py-2.5">
        <MethodBadge method={method} />
        <PathText path={path} />
        <h2 className="text-sm font-semibold text-slate-900">{summary}</h2>
        {id ? <span className="ml-auto font-mono text-[11px] text-slate-400">{id}</span> : null}
      </header>
      <div className="flex flex-col gap-4 p-4">
        {op.description ? (
          <p className="max-w-4xl text-sm text-slate-700">
            <InlineMd text={op.description} />
          </p>
        ) : null}
        {op.parameters?.length ? (
          <div>
            <SectionTitle>{t("parameters")}</SectionTitle>
            <ParametersTable doc={doc} parameters={op.parameters} />
          </div>
        ) : null}
        {bodyMedia.map(([mediaType, media]) =>
          media.schema ? (
            <div key={mediaType} className="flex flex-col gap-2">
              <SectionTitle
                extra={
                  <>
                    <code className="font-mono text-slate-600">{mediaType}</code>
                    {body?.required ? (
                      <span className="ml-2 text-red-700">{t("required")}</span>
                    ) : null}
                    {resolve(doc, media.schema).name ? (
                      <code className="ml-2 font-mono text-violet-700">
                        {resolve(doc, media.schema).name}
                      </code>
                    ) : null}
                  </>
                }
              >
                {t("requestBody")}
              </SectionTitle>
              <SchemaTable doc={doc} schema={media.schema} />
              <details className="group">
                <summary className="cursor-pointer text-xs font-medium text-blue-700 select-none hover:underline">
                  {t("requestExample")}
                </summary>
                <div className="mt-1 max-w-3xl">
                  <CodeBlock code={JSON.stringify(sampleValue(doc, media.schema), null, 2)} />
                </div>
              </details>
            </div>
          ) : null,
        )}
        {op.responses ? (
          <div>
            <SectionTitle>{t("responses")}</SectionTitle>
            <ResponsesTable doc={doc} responses={op.responses} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
