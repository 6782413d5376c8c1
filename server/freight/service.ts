import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { writeAudit } from "@/server/audit/queries";
import { findCourier } from "@/server/couriers/catalog";
import { DomainError } from "@/server/errors";
import { readTable, TableReadError } from "@/server/imports/table";
import { parseAddress } from "@/server/regions/address";
import { regionByCode } from "@/server/regions/data";
import { NO_SCOPE, normalize, pickBest, resolveHit, search } from "@/server/regions/match";
import { formatRegion } from "@/server/regions/suggest";
import * as q from "./queries";
import { compileTemplate, FreightTemplateError } from "./quote";
import { parseRateCard, type RateCardError, type RateCardField } from "./rate-card";
import { refLabel } from "./regions";
import { freightTemplateSchema, regionSetRefSchema, regionSetSchema } from "./schemas";
import type {
  FreightTemplate,
  FreightZone,
  Parcel,
  QuoteFailureReason,
  QuoteLine,
  QuoteSuccess,
  Quoter,
  RegionSet,
  RegionSetRef,
} from "./types";

/**
 * Freight settings and quotes over the database: templates and region sets (validated, every
 * change audited in its own transaction, because they are money settings), rate-card imports,
 * and `quoteAll`, every enabled template's quote for one parcel side by side.
 */

type Conn = Db | Tx;

// ── Validation ─────────────────────────────────────────────────────────────────────────────────

/** The message key for a zod issue, so the console can say it in the user's language. */
function issueKey(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  const last = path.at(-1);
  switch (issue.code) {
    case "too_small":
      if (last === "zones") return "freight.errors.noZones";
      if (issue.origin === "string") return "freight.errors.required";
      if (issue.origin === "array") return "freight.errors.noRegions";
      return "freight.errors.tooSmall";
    case "too_big":
      if (issue.origin === "string") return "freight.errors.tooLong";
      if (issue.origin === "array") return "freight.errors.tooMany";
      return "freight.errors.tooBig";
    case "invalid_type":
      // zod leaves the input out of issues; its message names what was received.
      if (/received (undefined|null)/.test(issue.message)) return "freight.errors.required";
      if (issue.expected === "int" || issue.expected === "number") {
        return "freight.errors.wholeNumber";
      }
      return "freight.errors.invalid";
    case "invalid_format":
      return "freight.errors.regionCode";
    case "custom":
      return issue.message === "unknown region code"
        ? "freight.errors.unknownRegion"
        : "freight.errors.invalid";
    default:
      return "freight.errors.invalid";
  }
}

/** zod issues as `{ "zones.2.firstPriceFen": "freight.errors.tooSmall" }`, first issue per field. */
export function fieldKeys(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "(root)";
    out[path] ??= issueKey(issue);
  }
  return out;
}

function invalid(message: string, fields: Record<string, string>, messageKey?: string) {
  return new DomainError("INVALID", message, {
    messageKey: messageKey ?? "freight.errors.checkFields",
    fields,
  });
}

/** Region-set references that name no stored set, as field errors. */
function unknownSetRefs(t: FreightTemplate, sets: readonly RegionSet[]): Record<string, string> {
  const ids = new Set(sets.map((s) => s.id));
  const fields: Record<string, string> = {};
  const check = (ref: RegionSetRef, path: string) => {
    if (ref.type === "set" && !ids.has(ref.id)) fields[path] = "freight.errors.unknownRegionSet";
  };
  t.zones.forEach((zone, i) => {
    check(zone.origin, `zones.${i}.origin`);
    check(zone.destination, `zones.${i}.destination`);
  });
  if (t.remoteSurcharge) check(t.remoteSurcharge.regions, "remoteSurcharge.regions");
  return fields;
}

/**
 * Validates a template against the schema, the stored region sets and the courier accounts.
 * Throws DomainError INVALID with one message key per offending field.
 */
async function validateTemplate(
  tx: Conn,
  raw: unknown,
  sets: readonly RegionSet[],
): Promise<FreightTemplate> {
  const parsed = freightTemplateSchema.safeParse(raw);
  if (!parsed.success) {
    throw invalid(`Invalid freight template: ${parsed.error.message}`, fieldKeys(parsed.error));
  }
  const template = parsed.data;
  const fields = unknownSetRefs(template, sets);
  if (!(await q.findAccountRef(tx, template.courierAccountId))) {
    fields.courierAccountId = "freight.errors.unknownAccount";
  }
  if (Object.keys(fields).length > 0) {
    throw invalid(`Invalid freight template: ${Object.keys(fields).join(", ")}`, fields);
  }
  try {
    compileTemplate(template, sets);
  } catch (error) {
    if (error instanceof FreightTemplateError) throw invalid(error.message, {});
    throw error;
  }
  return template;
}

const templateNotFound = (id: string) =>
  new DomainError("NOT_FOUND", `Freight template ${id} not found`, {
    messageKey: "freight.errors.templateNotFound",
  });

const regionSetNotFound = (id: string) =>
  new DomainError("NOT_FOUND", `Region set ${id} not found`, {
    messageKey: "freight.errors.regionSetNotFound",
  });

function newId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

/** What the audit log keeps of a template: everything that sets a price. */
function auditShape(t: FreightTemplate, enabled: boolean): Record<string, unknown> {
  return { ...t, enabled };
}

// ── Templates ──────────────────────────────────────────────────────────────────────────────────

export type TemplateListItem = {
  id: string;
  name: string;
  product: string;
  enabled: boolean;
  isExample: boolean;
  billing: FreightTemplate["billing"];
  volumetricDivisor: number;
  roundingUnitG: number;
  zoneCount: number;
  minimumChargeFen: number;
  fuelSurchargeBasisPoints: number;
  hasRemoteSurcharge: boolean;
  hasInsurance: boolean;
  updatedAt: Date;
  account: q.AccountRef & { courierNameZh: string; courierNameEn: string };
};

function withCourierNames(account: q.AccountRef) {
  const c = findCourier(account.courier);
  return {
    ...account,
    courierNameZh: c?.nameZh ?? account.courier,
    courierNameEn: c?.nameEn ?? account.courier,
  };
}

export async function listTemplates(db: Conn): Promise<TemplateListItem[]> {
  const stored = await q.listStoredTemplates(db);
  return stored.map(({ template: t, enabled, updatedAt, account }) => ({
    id: t.id,
    name: t.name,
    product: t.product,
    enabled,
    isExample: t.isExample,
    billing: t.billing,
    volumetricDivisor: t.volumetricDivisor,
    roundingUnitG: t.rounding.unitG,
    zoneCount: t.zones.length,
    minimumChargeFen: t.minimumChargeFen,
    fuelSurchargeBasisPoints: t.fuelSurchargeBasisPoints,
    hasRemoteSurcharge: t.remoteSurcharge !== null,
    hasInsurance: t.insurance !== null,
    updatedAt,
    account: withCourierNames(account),
  }));
}

/** Labels for every inline region code a template uses, for the editor ("330000" -> "浙江省"). */
function codeLabels(t: FreightTemplate): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (ref: RegionSetRef) => {
    if (ref.type !== "codes") return;
    for (const code of ref.codes) {
      const r = regionByCode(code);
      out[code] = r ? formatRegion(r) : code;
    }
  };
  for (const z of t.zones) {
    add(z.origin);
    add(z.destination);
  }
  if (t.remoteSurcharge) add(t.remoteSurcharge.regions);
  return out;
}

export async function getTemplate(db: Conn, id: string) {
  const stored = await q.findStoredTemplate(db, id);
  if (!stored) throw templateNotFound(id);
  return {
    template: stored.template,
    enabled: stored.enabled,
    updatedAt: stored.updatedAt,
    account: withCourierNames(stored.account),
    labels: codeLabels(stored.template),
  };
}

export type SaveTemplateInput = {
  /** Absent: create a new template with a generated id. */
  id?: string;
  /** The template fields (id is taken from `id`): validated here. */
  template: unknown;
  enabled?: boolean;
};

/** Creates or updates a template; validated against the schema and the stored region sets. */
export async function saveTemplate(db: Db, actorId: string | null, input: SaveTemplateInput) {
  return db.transaction(async (tx) => {
    const before = input.id ? await q.lockTemplateRow(tx, input.id) : null;
    if (input.id && !before) throw templateNotFound(input.id);
    const id = input.id ?? newId("tpl");
    const sets = await q.loadRegionSets(tx);
    const raw = typeof input.template === "object" && input.template ? input.template : {};
    const template = await validateTemplate(tx, { ...raw, id }, sets);
    const enabled = input.enabled ?? before?.enabled ?? true;
    await q.upsertTemplateRow(tx, template, enabled);
    await writeAudit(tx, {
      actorId,
      action: before ? "freight_template.update" : "freight_template.create",
      entityType: "freight_template",
      entityId: id,
      before: before ? auditShape(q.templateOf(before), before.enabled) : null,
      after: auditShape(template, enabled),
    });
    return { id, template, enabled };
  });
}

export async function setTemplateEnabled(
  db: Db,
  actorId: string | null,
  id: string,
  enabled: boolean,
) {
  return db.transaction(async (tx) => {
    const before = await q.lockTemplateRow(tx, id);
    if (!before) throw templateNotFound(id);
    if (before.enabled === enabled) return { id, enabled };
    await q.setTemplateEnabledRow(tx, id, enabled);
    await writeAudit(tx, {
      actorId,
      action: enabled ? "freight_template.enable" : "freight_template.disable",
      entityType: "freight_template",
      entityId: id,
      before: { name: before.name, enabled: before.enabled },
      after: { name: before.name, enabled },
    });
    return { id, enabled };
  });
}

export async function deleteTemplate(db: Db, actorId: string | null, id: string) {
  return db.transaction(async (tx) => {
    const before = await q.lockTemplateRow(tx, id);
    if (!before) throw templateNotFound(id);
    await q.deleteTemplateRow(tx, id);
    await writeAudit(tx, {
      actorId,
      action: "freight_template.delete",
      entityType: "freight_template",
      entityId: id,
      before: auditShape(q.templateOf(before), before.enabled),
      after: null,
    });
    return { id };
  });
}

// ── Region sets ────────────────────────────────────────────────────────────────────────────────

function refUsesSet(ref: RegionSetRef, id: string): boolean {
  return ref.type === "set" && ref.id === id;
}

function templateUsesSet(t: FreightTemplate, id: string): boolean {
  return (
    t.zones.some((z) => refUsesSet(z.origin, id) || refUsesSet(z.destination, id)) ||
    (t.remoteSurcharge !== null && refUsesSet(t.remoteSurcharge.regions, id))
  );
}

export async function listRegionSets(db: Conn) {
  const [rows, templates] = await Promise.all([q.listRegionSetRows(db), q.listStoredTemplates(db)]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    codes: r.codes,
    regions: r.codes.map((code) => {
      const region = regionByCode(code);
      return { code, label: region ? formatRegion(region) : code };
    }),
    usedBy: templates
      .filter((s) => templateUsesSet(s.template, r.id))
      .map((s) => ({ id: s.template.id, name: s.template.name })),
    updatedAt: r.updatedAt,
  }));
}

export type SaveRegionSetInput = { id?: string; name: string; codes: string[] };

export async function saveRegionSet(db: Db, actorId: string | null, input: SaveRegionSetInput) {
  return db.transaction(async (tx) => {
    const before = input.id ? await q.findRegionSetRow(tx, input.id) : null;
    if (input.id && !before) throw regionSetNotFound(input.id);
    const id = input.id ?? newId("rs");
    const parsed = regionSetSchema.safeParse({
      id,
      name: input.name,
      codes: [...new Set(input.codes)],
    });
    if (!parsed.success) {
      throw invalid(`Invalid region set: ${parsed.error.message}`, fieldKeys(parsed.error));
    }
    const set = parsed.data;
    const others = await q.listRegionSetRows(tx);
    const clash = others.find(
      (o) => o.id !== id && o.name.normalize("NFKC") === set.name.normalize("NFKC"),
    );
    if (clash) {
      throw new DomainError("CONFLICT", `A region set named "${set.name}" exists`, {
        messageKey: "freight.errors.regionSetNameTaken",
        fields: { name: "freight.errors.regionSetNameTaken" },
      });
    }
    await q.upsertRegionSetRow(tx, set);
    const usedBy = (await q.listStoredTemplates(tx))
      .filter((s) => templateUsesSet(s.template, id))
      .map((s) => s.template.id);
    await writeAudit(tx, {
      actorId,
      action: before ? "region_set.update" : "region_set.create",
      entityType: "region_set",
      entityId: id,
      before: before ? { name: before.name, codes: before.codes } : null,
      // Templates using the set are re-priced by this change: name them in the record.
      after: { name: set.name, codes: set.codes, usedBy },
    });
    return set;
  });
}

export async function deleteRegionSet(db: Db, actorId: string | null, id: string) {
  return db.transaction(async (tx) => {
    const before = await q.findRegionSetRow(tx, id);
    if (!before) throw regionSetNotFound(id);
    const users = (await q.listStoredTemplates(tx)).filter((s) => templateUsesSet(s.template, id));
    if (users.length > 0) {
      const names = users.map((s) => s.template.name).join("、");
      throw new DomainError("CONFLICT", `Region set "${before.name}" is used by ${names}`, {
        messageKey: "freight.errors.regionSetInUse",
      });
    }
    await q.deleteRegionSetRow(tx, id);
    await writeAudit(tx, {
      actorId,
      action: "region_set.delete",
      entityType: "region_set",
      entityId: id,
      before: { name: before.name, codes: before.codes },
      after: null,
    });
    return { id };
  });
}

// ── Rate-card import ───────────────────────────────────────────────────────────────────────────

export const MAX_RATE_CARD_BYTES = 1024 * 1024;

export type NewTemplateParams = {
  name: string;
  courierAccountId: string;
  product: string;
};

export type ImportRateCardInput = {
  /** An existing template whose zones for `origin` are replaced, or a new template to create. */
  target: { templateId: string } | { create: NewTemplateParams };
  /** Where the card's prices ship from; default: the existing template's first zone's origin, else 全国. */
  origin?: RegionSetRef;
  fileName: string;
  bytes: Uint8Array;
  /** First weight / additional step when the card names neither (default 1 kg). */
  firstWeightG?: number;
  additionalUnitG?: number;
  /**
   * preview: parse only, write nothing. apply: write only when every row is valid.
   * applyValidRows: write the valid rows even though some rows have errors.
   */
  mode: "preview" | "apply" | "applyValidRows";
};

export type RateCardPreviewRow = {
  /** Spreadsheet row number. */
  row: number;
  destinationText: string;
  destinationLabel: string;
  zone: FreightZone;
};

export type ImportRateCardResult = {
  applied: boolean;
  templateId: string | null;
  headerRow: number | null;
  columns: Partial<Record<RateCardField, number>>;
  rows: RateCardPreviewRow[];
  errors: RateCardError[];
  warnings: string[];
  origin: RegionSetRef;
  originLabel: string;
  /** Zones of the template that the import replaces (same origin) and keeps (other origins). */
  replacedZones: number;
  keptZones: number;
};

function sameRef(a: RegionSetRef, b: RegionSetRef): boolean {
  if (a.type !== b.type) return false;
  if (a.type === "set" && b.type === "set") return a.id === b.id;
  if (a.type === "codes" && b.type === "codes") {
    return a.codes.length === b.codes.length && a.codes.every((c, i) => c === b.codes[i]);
  }
  return true;
}

/**
 * The imported zones take the place of the template's zones with the same origin (at the position
 * of the first of them, so precedence among equally specific zones is kept); other origins stay.
 */
function mergeZones(existing: readonly FreightZone[], origin: RegionSetRef, zones: FreightZone[]) {
  const at = existing.findIndex((z) => sameRef(z.origin, origin));
  const kept = existing.filter((z) => !sameRef(z.origin, origin));
  const insertAt =
    at < 0 ? kept.length : existing.slice(0, at).filter((z) => !sameRef(z.origin, origin)).length;
  return {
    zones: [...kept.slice(0, insertAt), ...zones, ...kept.slice(insertAt)],
    replaced: existing.length - kept.length,
    kept: kept.length,
  };
}

function fileProblem(error: TableReadError): DomainError {
  return new DomainError("INVALID", error.message, {
    messageKey: `freight.errors.file.${error.code}`,
    fields: { file: `freight.errors.file.${error.code}` },
  });
}

export async function importRateCard(
  db: Db,
  actorId: string | null,
  input: ImportRateCardInput,
): Promise<ImportRateCardResult> {
  if (input.bytes.byteLength > MAX_RATE_CARD_BYTES) {
    throw new DomainError("INVALID", `Rate cards are limited to ${MAX_RATE_CARD_BYTES} bytes`, {
      messageKey: "freight.errors.file.too_large",
      fields: { file: "freight.errors.file.too_large" },
    });
  }
  let table;
  try {
    table = await readTable(input.bytes, input.fileName);
  } catch (error) {
    if (error instanceof TableReadError) throw fileProblem(error);
    throw error;
  }

  return db.transaction(async (tx) => {
    const sets = await q.loadRegionSets(tx);
    const existing =
      "templateId" in input.target ? await q.lockTemplateRow(tx, input.target.templateId) : null;
    if ("templateId" in input.target && !existing) throw templateNotFound(input.target.templateId);
    const current = existing ? q.templateOf(existing) : null;

    let origin: RegionSetRef = input.origin ?? current?.zones[0]?.origin ?? { type: "all" };
    const originCheck = regionSetRefSchema.safeParse(origin);
    if (!originCheck.success) {
      throw invalid("Invalid origin", { origin: "freight.errors.invalidOrigin" });
    }
    origin = originCheck.data;
    if (origin.type === "set" && !sets.some((s) => s.id === (origin as { id: string }).id)) {
      throw invalid("Unknown origin region set", { origin: "freight.errors.unknownRegionSet" });
    }

    if ("create" in input.target) {
      const account = await q.findAccountRef(tx, input.target.create.courierAccountId);
      if (!account) {
        throw invalid("Unknown courier account", {
          courierAccountId: "freight.errors.unknownAccount",
        });
      }
    }

    // The sheet as given, header row included, so the parser can skip title rows above it.
    const grid = [table.headers, ...table.rows];
    const firstData = table.rowNumbers[0];
    const sheetRow = (tableRow: number) =>
      tableRow === 1
        ? firstData !== undefined
          ? Math.max(1, firstData - 1)
          : 1
        : (table.rowNumbers[tableRow - 2] ?? tableRow);
    const card = parseRateCard(grid, {
      origin,
      regionSets: sets,
      firstWeightG: input.firstWeightG ?? current?.rounding.firstWeightG,
      additionalUnitG: input.additionalUnitG,
    });
    const rows: RateCardPreviewRow[] = card.rows.map((r) => ({
      row: sheetRow(r.row),
      destinationText: r.destinationText,
      destinationLabel: refLabel(r.zone.destination, sets),
      zone: r.zone,
    }));
    const errors = card.errors.map((e) => ({ ...e, row: sheetRow(e.row) }));
    const merged = mergeZones(current?.zones ?? [], origin, card.zones);
    const result: ImportRateCardResult = {
      applied: false,
      templateId: current?.id ?? null,
      headerRow: card.headerRow === null ? null : sheetRow(card.headerRow),
      columns: card.columns,
      rows,
      errors,
      warnings: table.warnings,
      origin,
      originLabel: refLabel(origin, sets),
      replacedZones: merged.replaced,
      keptZones: merged.kept,
    };

    const writable =
      card.zones.length > 0 &&
      (input.mode === "apply" ? errors.length === 0 : input.mode === "applyValidRows");
    if (!writable) return result;

    let template: FreightTemplate;
    let enabled = true;
    if (current && existing) {
      enabled = existing.enabled;
      // The merchant's own card replaces the example prices.
      template = { ...current, zones: merged.zones, isExample: false };
    } else {
      const create = (input.target as { create: NewTemplateParams }).create;
      const account = (await q.findAccountRef(tx, create.courierAccountId))!;
      const unit = Math.min(...card.zones.map((z) => z.additionalUnitG));
      template = {
        id: newId("tpl"),
        name: create.name,
        courierAccountId: create.courierAccountId,
        product: create.product,
        billing: "weight",
        volumetricDivisor: findCourier(account.courier)?.volumetricDivisor ?? 8000,
        rounding: { unitG: unit, firstWeightG: card.zones[0]!.firstWeightG },
        zones: card.zones,
        minimumChargeFen: 0,
        remoteSurcharge: null,
        fuelSurchargeBasisPoints: 0,
        insurance: null,
        isExample: false,
      };
    }
    template = await validateTemplate(tx, template, sets);
    await q.upsertTemplateRow(tx, template, enabled);
    await writeAudit(tx, {
      actorId,
      action: "freight_template.import",
      entityType: "freight_template",
      entityId: template.id,
      before: current && existing ? auditShape(current, existing.enabled) : null,
      after: {
        ...auditShape(template, enabled),
        import: {
          fileName: input.fileName,
          origin,
          rows: rows.length,
          skippedRowErrors: errors.length,
          replacedZones: merged.replaced,
        },
      },
    });
    return { ...result, applied: true, templateId: template.id };
  });
}

// ── Quotes ─────────────────────────────────────────────────────────────────────────────────────

export type Place = { code: string; label: string };

export type DestinationInput = { code: string } | { address: string };

export type DestinationResolution =
  | ({ ok: true; from: "code" | "address" } & Place)
  | { ok: false; message: string; suggestions: string[] };

function place(code: string): Place | null {
  const r = regionByCode(code);
  return r ? { code: r.code, label: formatRegion(r) } : null;
}

/**
 * A destination region from a code, or from address text: a full address ("浙江省杭州市西湖区文三路
 * 100号") or just regions ("杭州西湖区", "新疆"). The most specific region named wins; a quote
 * only needs the region, so a missing street is fine.
 */
export function resolveDestination(input: DestinationInput): DestinationResolution {
  if ("code" in input) {
    const p = place(input.code);
    return p
      ? { ok: true, from: "code", ...p }
      : {
          ok: false,
          message: `Unknown region code ${JSON.stringify(input.code)}`,
          suggestions: [],
        };
  }
  const parsed = parseAddress(input.address);
  if (parsed.ok) {
    const p = place((parsed.county ?? parsed.city).code)!;
    return { ok: true, from: "address", ...p };
  }
  const hit =
    parsed.reason === "empty" ? null : pickBest(search(normalize(input.address), 0, NO_SCOPE), 1);
  const resolved = hit ? resolveHit(hit) : null;
  if (resolved?.kind === "resolved") {
    const p = place((resolved.county ?? resolved.city).code)!;
    return { ok: true, from: "address", ...p };
  }
  if (resolved?.kind === "province") {
    return { ok: true, from: "address", ...place(resolved.province.code)! };
  }
  const suggestions =
    parsed.suggestions.length > 0
      ? parsed.suggestions
      : resolved?.kind === "ambiguous"
        ? resolved.regions.map(formatRegion)
        : [];
  return { ok: false, message: parsed.message, suggestions };
}

export type OriginResolution =
  ({ ok: true; warehouseId: string | null } & Place) | { ok: false; message: string };

/**
 * A ship-from region: a warehouse id, or a region code (the warehouse's county). Without one, the
 * default warehouse of the given shops, when they all ship from the same one.
 */
export async function resolveOrigin(
  db: Conn,
  input: { origin?: string; shopIds?: readonly string[] },
): Promise<OriginResolution> {
  if (input.origin) {
    const warehouse = await q.findWarehouseOrigin(db, input.origin);
    if (warehouse) {
      return {
        ok: true,
        warehouseId: warehouse.id,
        ...(place(warehouse.code) ?? { code: warehouse.code, label: warehouse.regionText }),
      };
    }
    const p = place(input.origin);
    if (p) return { ok: true, warehouseId: null, ...p };
    return { ok: false, message: `No warehouse or region code ${JSON.stringify(input.origin)}` };
  }
  const defaults = await q.shopWarehouseOrigins(db, input.shopIds ?? []);
  const ids = new Set(defaults.map((d) => d.warehouse.id));
  if (ids.size === 1) {
    const w = defaults[0]!.warehouse;
    return {
      ok: true,
      warehouseId: w.id,
      ...(place(w.code) ?? { code: w.code, label: w.regionText }),
    };
  }
  return {
    ok: false,
    message:
      ids.size === 0
        ? "No default warehouse to ship from: give origin (a warehouse id or region code)"
        : "These shops ship from different warehouses: give origin or shop",
  };
}

export type QuoteParcel = Omit<Parcel, "originCode" | "destinationCode">;

export type CourierQuoteBase = {
  templateId: string;
  templateName: string;
  product: string;
  isExample: boolean;
  account: {
    id: string;
    name: string;
    courier: string;
    courierNameZh: string;
    courierNameEn: string;
  };
};

export type CourierQuote = CourierQuoteBase & {
  ok: true;
  totalFen: number;
  lines: QuoteLine[];
  chargeableWeightG: number;
  actualWeightG: number;
  volumetricWeightG: number | null;
  billedBy: QuoteSuccess["billedBy"];
  remote: boolean;
  zone: QuoteSuccess["zone"];
  transitDays: number | null;
};

export type UnavailableQuote = CourierQuoteBase & {
  ok: false;
  reason: QuoteFailureReason | "account_disabled";
  message: string;
  messageZh: string;
};

export type QuoteAllResult = {
  origin: Place;
  destination: Place;
  /** Successful quotes, cheapest first (then fastest, then by courier). */
  quotes: CourierQuote[];
  /** Enabled templates that cannot quote this parcel, and why. */
  unavailable: UnavailableQuote[];
};

export type QuoteAllInput = QuoteParcel & {
  originCode: string;
  destination: DestinationInput;
};

/**
 * Compiled templates, reused while neither the template row nor any region set changed: a
 * storefront asking for quotes does not recompile per request.
 */
const quoterCache = new Map<string, { key: string; quoter: Quoter | FreightTemplateError }>();

function quoterFor(stored: q.StoredTemplate, sets: readonly RegionSet[], setsKey: string) {
  const key = `${stored.updatedAt.getTime()}|${setsKey}`;
  const hit = quoterCache.get(stored.template.id);
  if (hit?.key === key) return hit.quoter;
  let quoter: Quoter | FreightTemplateError;
  try {
    quoter = compileTemplate(stored.template, sets);
  } catch (error) {
    if (!(error instanceof FreightTemplateError)) throw error;
    quoter = error;
  }
  if (quoterCache.size > 500) quoterCache.clear();
  quoterCache.set(stored.template.id, { key, quoter });
  return quoter;
}

function compareQuotes(a: CourierQuote, b: CourierQuote): number {
  return (
    a.totalFen - b.totalFen ||
    (a.transitDays ?? 99) - (b.transitDays ?? 99) ||
    a.account.courier.localeCompare(b.account.courier) ||
    a.templateId.localeCompare(b.templateId)
  );
}

/**
 * Every enabled template's quote for one parcel, side by side: the successful ones sorted by
 * total, and the ones that cannot quote it with their reason. Throws DomainError INVALID for an
 * unknown origin or a destination that names no region.
 */
export async function quoteAll(db: Conn, input: QuoteAllInput): Promise<QuoteAllResult> {
  const origin = place(input.originCode);
  if (!origin) {
    throw invalid(`Unknown origin region code ${JSON.stringify(input.originCode)}`, {
      originCode: "freight.errors.unknownRegion",
    });
  }
  const destination = resolveDestination(input.destination);
  if (!destination.ok) {
    const field = "code" in input.destination ? "destination.code" : "destination.address";
    throw invalid(destination.message, { [field]: "freight.errors.destination" });
  }
  const [stored, setRows] = await Promise.all([
    q.listStoredTemplates(db, { enabledOnly: true }),
    q.listRegionSetRows(db),
  ]);
  const sets = setRows.map((r) => ({ id: r.id, name: r.name, codes: r.codes }));
  const setsKey = setRows.map((r) => `${r.id}@${r.updatedAt.getTime()}`).join(",");
  const parcel: Parcel = {
    originCode: origin.code,
    destinationCode: destination.code,
    weightG: input.weightG,
    ...(input.lengthMm !== undefined ? { lengthMm: input.lengthMm } : {}),
    ...(input.widthMm !== undefined ? { widthMm: input.widthMm } : {}),
    ...(input.heightMm !== undefined ? { heightMm: input.heightMm } : {}),
    ...(input.pieces !== undefined ? { pieces: input.pieces } : {}),
    ...(input.declaredValueFen !== undefined ? { declaredValueFen: input.declaredValueFen } : {}),
  };

  const quotes: CourierQuote[] = [];
  const unavailable: UnavailableQuote[] = [];
  for (const s of stored) {
    const base: CourierQuoteBase = {
      templateId: s.template.id,
      templateName: s.template.name,
      product: s.template.product,
      isExample: s.template.isExample,
      account: {
        id: s.account.id,
        name: s.account.name,
        courier: s.account.courier,
        courierNameZh: findCourier(s.account.courier)?.nameZh ?? s.account.courier,
        courierNameEn: findCourier(s.account.courier)?.nameEn ?? s.account.courier,
      },
    };
    if (!s.account.enabled) {
      unavailable.push({
        ...base,
        ok: false,
        reason: "account_disabled",
        message: `courier account ${s.account.name} is disabled`,
        messageZh: `快递账号「${s.account.name}」已停用`,
      });
      continue;
    }
    const quoter = quoterFor(s, sets, setsKey);
    if (quoter instanceof FreightTemplateError) {
      unavailable.push({
        ...base,
        ok: false,
        reason: "invalid_template",
        message: quoter.message,
        messageZh: `运费模板配置有误：${quoter.message}`,
      });
      continue;
    }
    const r = quoter(parcel);
    if (!r.ok) {
      unavailable.push({
        ...base,
        ok: false,
        reason: r.reason,
        message: r.message,
        messageZh: r.messageZh,
      });
      continue;
    }
    quotes.push({
      ...base,
      ok: true,
      totalFen: r.totalFen,
      lines: r.lines,
      chargeableWeightG: r.chargeableWeightG,
      actualWeightG: r.actualWeightG,
      volumetricWeightG: r.volumetricWeightG,
      billedBy: r.billedBy,
      remote: r.remote,
      zone: r.zone,
      transitDays: r.zone.transitDays,
    });
  }
  quotes.sort(compareQuotes);
  return {
    origin,
    destination: { code: destination.code, label: destination.label },
    quotes,
    unavailable,
  };
}

/** Loads everything assignment needs to quote: enabled templates with their accounts, and the sets. */
export async function loadFreightConfig(db: Conn) {
  const [templates, regionSets] = await Promise.all([
    q.listStoredTemplates(db, { enabledOnly: true }),
    q.loadRegionSets(db),
  ]);
  return { templates, regionSets };
}
