"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import {
  ArrowLeft,
  CircleCheck,
  Columns3,
  Download,
  FileWarning,
  LoaderCircle,
  PackageCheck,
  ReceiptText,
  Upload,
} from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/empty-state";
import { describeError } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { CountTile, ImportStatusBadge, PresetLabel, ProgressBar, RowErrors } from "./bits";
import { MappingForm } from "./mapping-form";
import {
  encodingLabel,
  isBusy,
  missingColumns,
  type ImportBatch,
  type PreviewRow,
  type RowError,
} from "./types";

type Awaiting = { kind: "preview" | "commit"; sawBusy: boolean; since: number };
/** A queued re-preview not seen running within this time is taken as done already. */
const PREVIEW_JOB_GRACE_MS = 15_000;
/** Wall clock, read in mutation callbacks only (compared with the query's dataUpdatedAt). */
const clock = () => Date.now();

export function ImportDetail({
  id,
  canShipping,
  canOrders,
}: {
  id: number;
  canShipping: boolean;
  canOrders: boolean;
}) {
  const t = useTranslations();
  const ti = useTranslations("imports");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  /*
   * A big file's preview or commit is handed to the job queue, and the batch keeps its "previewed"
   * status until a worker picks the job up. Meanwhile we keep polling and show the work as under
   * way; it is over once the batch was seen busy and is not any more (or, for a preview job that
   * ran between two polls, after a while without change).
   */
  const [awaiting, setAwaiting] = useState<Awaiting | null>(null);
  const awaitJob = (kind: Awaiting["kind"]) =>
    setAwaiting({ kind, sawBusy: false, since: clock() });
  const commit = useMutation(
    trpc.imports.commit.mutationOptions({
      onSuccess: (r) => {
        if (r.queued) awaitJob("commit");
      },
      onSettled: () => queryClient.invalidateQueries(trpc.imports.pathFilter()),
      onError: (error) => toast.error(describeError(t, error)),
    }),
  );
  const { data: batch, dataUpdatedAt } = useSuspenseQuery(
    trpc.imports.byId.queryOptions(
      { id },
      {
        // Big files are read and imported by a background job: follow it until it settles.
        refetchInterval: (q) =>
          isBusy(q.state.data?.status) || commit.isPending || awaiting ? 1000 : false,
      },
    ),
  );
  const { data: meta } = useSuspenseQuery(trpc.imports.fields.queryOptions());
  const { data: shops } = useSuspenseQuery(trpc.shops.list.queryOptions());
  const [adjusting, setAdjusting] = useState(false);

  if (awaiting) {
    const busy = isBusy(batch.status);
    const settled =
      batch.status === "failed" ||
      (awaiting.kind === "commit"
        ? batch.status === "committed"
        : awaiting.sawBusy
          ? !busy
          : dataUpdatedAt - awaiting.since > PREVIEW_JOB_GRACE_MS);
    if (settled) setAwaiting(null);
    else if (busy && !awaiting.sawBusy) setAwaiting({ ...awaiting, sawBusy: true });
  }

  const shopName = shops.find((s) => s.id === batch.shopId)?.name ?? batch.shopId;
  const missing = missingColumns(batch.error);
  const committing =
    batch.status === "committing" || commit.isPending || awaiting?.kind === "commit";
  const reading =
    batch.status === "uploaded" || batch.status === "previewing" || awaiting?.kind === "preview";

  const uploadAnother = (
    <Button asChild variant="secondary">
      <Link href="/imports">
        <Upload aria-hidden />
        {ti("preview.uploadAnother")}
      </Link>
    </Button>
  );
  const downloadRejected =
    batch.rejectedRows > 0 ? (
      <Button asChild variant="secondary">
        <a href={`/api/imports/${batch.id}/rejected`} download>
          <Download aria-hidden />
          {ti("preview.downloadRejected")}
        </a>
      </Button>
    ) : null;

  let body: React.ReactNode;
  if (reading) {
    body = (
      <Panel>
        <p className="mb-3 flex items-center gap-2 text-sm font-medium text-slate-800">
          <LoaderCircle className="size-4 animate-spin text-blue-600" aria-hidden />
          {ti("processing.reading")}
        </p>
        <ProgressBar label={ti("processing.reading")} value={null} max={1} />
        <p className="mt-2 text-xs text-slate-500">{ti("processing.readingHint")}</p>
      </Panel>
    );
  } else if (batch.status === "failed") {
    body = (
      <Panel tone="red">
        <p className="flex items-center gap-2 text-sm font-semibold text-red-800">
          <FileWarning className="size-4" aria-hidden />
          {ti("failed.title")}
        </p>
        {batch.error ? <p className="mt-1 text-sm text-red-800">{batch.error}</p> : null}
        <p className="mt-2 text-xs text-slate-600">{ti("failed.hint")}</p>
      </Panel>
    );
  } else if (committing && batch.status !== "committed") {
    const started = batch.status === "committing";
    body = (
      <>
        <Counts batch={batch} />
        <Panel>
          <p className="mb-3 flex items-center gap-2 text-sm font-medium text-slate-800">
            <LoaderCircle className="size-4 animate-spin text-blue-600" aria-hidden />
            {ti("processing.committing")}
          </p>
          <ProgressBar
            label={ti("processing.committing")}
            value={started ? batch.processedRows : null}
            max={batch.validRows}
          />
          <p className="mt-2 flex justify-between gap-4 text-xs text-slate-500">
            <span>{ti("processing.committingHint")}</span>
            {started ? (
              <span className="tabular-nums">
                {ti("processing.progress", { done: batch.processedRows, total: batch.validRows })}
              </span>
            ) : null}
          </p>
        </Panel>
      </>
    );
  } else if (batch.status === "committed") {
    body = (
      <>
        <Panel tone="green">
          <p className="flex items-center gap-2 text-sm font-semibold text-emerald-800">
            <CircleCheck className="size-4" aria-hidden />
            {ti("result.title")}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {ti("result.body", { orders: batch.ordersCreated })}
          </p>
          {batch.rejectedRows > 0 ? (
            <p className="mt-1 text-sm text-red-700">
              {ti("result.rejectedHint", { count: batch.rejectedRows })}
            </p>
          ) : null}
          <div className="mt-3 flex flex-wrap gap-2">
            {canShipping ? (
              <Button asChild>
                <Link href="/shipping">
                  <PackageCheck aria-hidden />
                  {ti("result.toShipping")}
                </Link>
              </Button>
            ) : null}
            {canOrders ? (
              <Button asChild variant={canShipping ? "secondary" : "primary"}>
                <Link href="/orders">
                  <ReceiptText aria-hidden />
                  {ti("result.toOrders")}
                </Link>
              </Button>
            ) : null}
            {downloadRejected}
            {uploadAnother}
          </div>
        </Panel>
        <Counts batch={batch} created />
        <RejectedTable batch={batch} />
      </>
    );
  } else if (missing) {
    body = (
      <>
        <div className="mb-3 flex flex-wrap gap-2">{uploadAnother}</div>
        <MappingForm
          batch={batch}
          fields={meta.fields}
          missing={missing}
          onQueued={() => awaitJob("preview")}
        />
      </>
    );
  } else {
    const nothing = batch.validRows === 0;
    const hint = nothing
      ? batch.skippedRows > 0 && batch.rejectedRows === 0
        ? ti("preview.allSkipped")
        : ti("preview.nothingValid")
      : batch.rejectedRows > 0
        ? ti("preview.readyHint")
        : null;
    body = (
      <>
        <Counts batch={batch} />
        <div className="mb-4 flex flex-wrap items-center gap-2">
          <Button
            // The common case is upload → look at the numbers → Enter.
            autoFocus={!nothing}
            disabled={nothing || commit.isPending}
            onClick={() => commit.mutate({ id: batch.id })}
          >
            <PackageCheck aria-hidden />
            {ti("preview.commit", { count: batch.validRows })}
          </Button>
          {downloadRejected}
          {uploadAnother}
          <Button variant="ghost" aria-expanded={adjusting} onClick={() => setAdjusting((a) => !a)}>
            <Columns3 aria-hidden />
            {ti("preview.adjustMapping")}
          </Button>
        </div>
        {hint ? (
          <p
            className={`-mt-2 mb-4 text-xs ${nothing && batch.skippedRows === 0 ? "text-red-700" : "text-slate-600"}`}
          >
            {hint}
          </p>
        ) : null}
        {adjusting ? (
          <div className="mb-4">
            <MappingForm
              batch={batch}
              fields={meta.fields}
              missing={null}
              onCancel={() => setAdjusting(false)}
              onQueued={() => awaitJob("preview")}
            />
          </div>
        ) : null}
        <PreviewTable batch={batch} />
        <RejectedTable batch={batch} />
      </>
    );
  }

  return (
    <>
      <Link
        href="/imports"
        className="mb-1 inline-flex items-center gap-1 text-xs text-slate-600 hover:text-slate-900"
      >
        <ArrowLeft className="size-3.5" aria-hidden />
        {ti("preview.back")}
      </Link>
      <PageHeader title={batch.fileName}>
        <ImportStatusBadge
          status={
            batch.status !== "previewed"
              ? batch.status
              : committing
                ? "committing"
                : reading
                  ? "previewing"
                  : missing
                    ? "needsMapping"
                    : "previewed"
          }
        />
      </PageHeader>
      <Summary batch={batch} shopName={shopName} />
      {body}
    </>
  );
}

function Panel({
  tone = "neutral",
  children,
}: {
  tone?: "neutral" | "red" | "green";
  children: React.ReactNode;
}) {
  const tones = {
    neutral: "border-slate-200 bg-white",
    red: "border-red-200 bg-red-50",
    green: "border-emerald-200 bg-emerald-50",
  };
  return (
    <div className={`mb-4 rounded-lg border p-4 ${tones[tone]}`} role="status">
      {children}
    </div>
  );
}

function Summary({ batch, shopName }: { batch: ImportBatch; shopName: string }) {
  const t = useTranslations("imports.summary");
  const format = useFormatter();
  const encoding = encodingLabel(batch.format, batch.encoding);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const items: [string, React.ReactNode][] = [
    [t("shop"), shopName],
    [t("preset"), batch.format ? <PresetLabel preset={batch.preset} /> : "—"],
    [t("encoding"), encoding ?? "—"],
    [t("uploadedAt"), when(batch.createdAt)],
  ];
  if (batch.committedAt) items.push([t("committedAt"), when(batch.committedAt)]);
  return (
    <div className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-1 rounded-md border border-slate-200 bg-white px-4 py-2 text-sm">
      <dl className="flex flex-wrap items-center gap-x-6 gap-y-1">
        {items.map(([label, value]) => (
          <div key={label} className="flex items-baseline gap-1.5">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <a
        href={`/api/imports/${batch.id}/file`}
        download
        className="ml-auto inline-flex items-center gap-1 text-xs font-medium text-blue-700 hover:underline"
      >
        <Download className="size-3.5" aria-hidden />
        {t("downloadOriginal")}
      </a>
    </div>
  );
}

function Counts({ batch, created = false }: { batch: ImportBatch; created?: boolean }) {
  const t = useTranslations("imports.counts");
  return (
    <div className={`mb-4 grid grid-cols-2 gap-3 ${created ? "md:grid-cols-5" : "md:grid-cols-4"}`}>
      <CountTile testId="count-total" label={t("total")} value={batch.totalRows} />
      <CountTile
        testId="count-valid"
        label={created ? t("imported") : t("valid")}
        value={batch.validRows}
        tone={batch.validRows > 0 ? "good" : "muted"}
        hint={created ? undefined : t("validHint")}
      />
      <CountTile
        testId="count-rejected"
        label={t("rejected")}
        value={batch.rejectedRows}
        tone={batch.rejectedRows > 0 ? "bad" : "muted"}
        hint={created ? t("notImported") : t("rejectedHint")}
      />
      <CountTile
        testId="count-skipped"
        label={t("skipped")}
        value={batch.skippedRows}
        tone="muted"
        hint={t("skippedHint")}
      />
      {created ? (
        <CountTile
          testId="count-created"
          label={t("created")}
          value={batch.ordersCreated}
          tone="good"
        />
      ) : null}
    </div>
  );
}

/** The cell of a mapped field in a row, by the header the mapping names. */
function cellGetter(batch: ImportBatch) {
  const headers = batch.headers ?? [];
  const mapping = batch.mapping ?? {};
  return (cells: string[], field: string) => {
    const header = mapping[field];
    const i = header ? headers.indexOf(header) : -1;
    return i >= 0 ? (cells[i] ?? "").trim() : "";
  };
}

function PreviewTable({ batch }: { batch: ImportBatch }) {
  const t = useTranslations("imports.preview");
  const rows = (batch.previewRows ?? []) as PreviewRow[];
  if (rows.length === 0) return null;
  const get = cellGetter(batch);
  const address = (cells: string[]) =>
    get(cells, "fullAddress") ||
    ["province", "city", "county", "street", "addressDetail"]
      .map((f) => get(cells, f))
      .filter(Boolean)
      .join(" ");

  return (
    <section aria-labelledby="import-preview-heading" className="mb-4">
      <h2 id="import-preview-heading" className="mb-2 text-sm font-semibold text-slate-900">
        {t("rowsHeading", { count: rows.length })}
      </h2>
      <Table aria-labelledby="import-preview-heading">
        <thead>
          <tr>
            <Th className="w-14 text-right whitespace-nowrap">{t("row")}</Th>
            <Th>{t("orderNo")}</Th>
            <Th>{t("recipient")}</Th>
            <Th>{t("mobile")}</Th>
            <Th>{t("address")}</Th>
            <Th>{t("item")}</Th>
            <Th className="text-right">{t("quantity")}</Th>
            <Th>{t("region")}</Th>
            <Th>{t("result")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const bad = r.errors.length > 0;
            const sku = get(r.cells, "sku");
            const name = get(r.cells, "itemName");
            return (
              <tr
                key={r.rowNumber}
                data-testid={`preview-row-${r.rowNumber}`}
                className={bad ? "bg-red-50/40" : r.alreadyImported ? "text-slate-500" : ""}
              >
                <Td className="text-right text-xs text-slate-500 tabular-nums">{r.rowNumber}</Td>
                <Td className="font-mono text-xs whitespace-nowrap">{get(r.cells, "orderNo")}</Td>
                <Td className="whitespace-nowrap">{get(r.cells, "recipientName")}</Td>
                <Td className="font-mono text-xs whitespace-nowrap">
                  {get(r.cells, "recipientMobile")}
                </Td>
                <Td className="max-w-64">
                  <Truncated text={address(r.cells)} />
                </Td>
                <Td className="max-w-56">
                  <Truncated text={name} />
                  {sku ? (
                    <div className="truncate font-mono text-xs text-slate-500">{sku}</div>
                  ) : null}
                </Td>
                <Td className="text-right tabular-nums">{get(r.cells, "quantity")}</Td>
                <Td className="text-xs whitespace-nowrap">{r.region ?? "—"}</Td>
                <Td>
                  {bad ? (
                    <RowErrors errors={r.errors} compact />
                  ) : r.alreadyImported ? (
                    <Badge tone="neutral">{t("alreadyImported")}</Badge>
                  ) : (
                    <Badge tone="green">{t("ok")}</Badge>
                  )}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </section>
  );
}

function RejectedTable({ batch }: { batch: ImportBatch }) {
  const t = useTranslations("imports.preview");
  if (batch.rejected.length === 0) return null;
  const get = cellGetter(batch);
  return (
    <section aria-labelledby="import-rejected-heading" className="mb-4">
      <div className="mb-2 flex items-baseline justify-between gap-4">
        <h2 id="import-rejected-heading" className="text-sm font-semibold text-slate-900">
          {t("rejectedHeading")}{" "}
          <span className="font-normal text-slate-500 tabular-nums">({batch.rejectedRows})</span>
        </h2>
        {batch.rejectedRows > batch.rejected.length ? (
          <p className="text-xs text-slate-500">
            {t("rejectedTruncated", { shown: batch.rejected.length, total: batch.rejectedRows })}
          </p>
        ) : null}
      </div>
      <Table aria-labelledby="import-rejected-heading">
        <thead>
          <tr>
            <Th className="w-14 text-right whitespace-nowrap">{t("row")}</Th>
            <Th className="w-48">{t("orderNo")}</Th>
            <Th>{t("errors")}</Th>
          </tr>
        </thead>
        <tbody>
          {batch.rejected.map((r) => (
            <tr key={r.rowNumber} data-testid={`rejected-row-${r.rowNumber}`}>
              <Td className="text-right align-top text-xs text-slate-500 tabular-nums">
                {r.rowNumber}
              </Td>
              <Td className="align-top font-mono text-xs whitespace-nowrap">
                {get(r.cells, "orderNo") || "—"}
              </Td>
              <Td>
                <RowErrors errors={r.errors as RowError[]} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}

function Truncated({ text }: { text: string }) {
  if (!text) return <span className="text-slate-400">—</span>;
  return (
    <div className="truncate" title={text}>
      {text}
    </div>
  );
}
