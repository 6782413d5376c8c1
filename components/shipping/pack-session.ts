/**
 * The pack station's scan session: a pure reducer over what the packer scanned for one parcel.
 * The server re-verifies the counts when the parcel is packed (server/shipping/scan.ts); this
 * mirror exists so a wrong or extra item is refused at the bench, the moment it is scanned.
 */

export interface PackItem {
  orderItemId: number;
  orderId: number;
  sku: string;
  name: string;
  barcode: string | null;
  quantity: number;
  weightG: number | null;
}

export interface PackOrder {
  id: number;
  platformOrderNo: string;
  shopName: string;
  buyerRemark: string | null;
}

export interface PackParcel {
  id: number;
  status: string;
  held: boolean;
  holdReason: string | null;
  orders: PackOrder[];
  items: PackItem[];
}

/** One scannable line: items sharing a barcode (or SKU) are scanned as one. */
export interface PackLine {
  code: string;
  sku: string;
  name: string;
  barcode: string | null;
  expected: number;
  scanned: number;
}

export type ScanFeedback =
  | { kind: "ok"; code: string; scanned: number; expected: number }
  /** The code is not an item of this parcel. */
  | { kind: "wrong"; code: string }
  /** The item belongs here but all of it has been scanned already. */
  | { kind: "extra"; code: string; expected: number }
  | { kind: "undo"; code: string }
  | { kind: "nothingToUndo" }
  /** The packer re-scanned this parcel's own order slip: harmless, nothing counted. */
  | { kind: "sameParcel"; code: string }
  /** Scans are refused: the parcel is held or no longer awaiting packing. */
  | { kind: "blocked"; code: string };

export interface PackSession {
  parcel: PackParcel | null;
  /** Accepted scans by canonical code. */
  counts: Record<string, number>;
  /** Accepted scans in order, for undo. */
  history: string[];
  feedback: ScanFeedback | null;
  /** Bumps on every action, so the UI can replay a flash for two identical errors in a row. */
  seq: number;
}

export type PackAction =
  | { type: "load"; parcel: PackParcel }
  | { type: "scan"; code: string }
  | { type: "undo" }
  | { type: "reset" };

export type PackStep = "scanOrder" | "blocked" | "scanItems" | "measure";

/** Same rule as the server's `scanCode`: the barcode, or the SKU when there is none. */
export const scanCode = (item: Pick<PackItem, "sku" | "barcode">) => item.barcode || item.sku;

export const parcelCode = (id: number) => `P${id}`;

export const initialPackSession: PackSession = {
  parcel: null,
  counts: {},
  history: [],
  feedback: null,
  seq: 0,
};

export function packLines(state: Pick<PackSession, "parcel" | "counts">): PackLine[] {
  const byCode = new Map<string, PackLine>();
  for (const item of state.parcel?.items ?? []) {
    const code = scanCode(item);
    const line = byCode.get(code);
    if (line) line.expected += item.quantity;
    else {
      byCode.set(code, {
        code,
        sku: item.sku,
        name: item.name,
        barcode: item.barcode,
        expected: item.quantity,
        scanned: state.counts[code] ?? 0,
      });
    }
  }
  return [...byCode.values()];
}

export function canScanItems(parcel: PackParcel | null): boolean {
  return parcel !== null && !parcel.held && parcel.status === "AWAITING_PACK";
}

export function progress(state: Pick<PackSession, "parcel" | "counts">) {
  const lines = packLines(state);
  return {
    expected: lines.reduce((s, l) => s + l.expected, 0),
    scanned: lines.reduce((s, l) => s + Math.min(l.scanned, l.expected), 0),
  };
}

export function isComplete(state: Pick<PackSession, "parcel" | "counts">): boolean {
  const lines = packLines(state);
  return lines.length > 0 && lines.every((l) => l.scanned === l.expected);
}

export function packStep(state: PackSession): PackStep {
  if (!state.parcel) return "scanOrder";
  if (!canScanItems(state.parcel)) return "blocked";
  return isComplete(state) ? "measure" : "scanItems";
}

/** What `shipping.pack` expects in `scans`. */
export function scansPayload(state: Pick<PackSession, "counts">): Record<string, number> {
  return Object.fromEntries(Object.entries(state.counts).filter(([, n]) => n > 0));
}

/** Scanners send what is printed; tolerate stray spaces and letter case (SKU labels vary). */
function resolveCode(lines: PackLine[], raw: string): string | null {
  const code = raw.trim();
  const exact = lines.find((l) => l.code === code);
  if (exact) return exact.code;
  const upper = code.toUpperCase();
  return lines.find((l) => l.code.toUpperCase() === upper)?.code ?? null;
}

function isOwnSlip(parcel: PackParcel, raw: string): boolean {
  const code = raw.trim().toUpperCase();
  if (code === parcelCode(parcel.id)) return true;
  return parcel.orders.some(
    (o) => String(o.id) === code || o.platformOrderNo.toUpperCase() === code,
  );
}

export function packReducer(state: PackSession, action: PackAction): PackSession {
  const seq = state.seq + 1;
  switch (action.type) {
    case "load":
      return { parcel: action.parcel, counts: {}, history: [], feedback: null, seq };
    case "reset":
      return { ...initialPackSession, seq };
    case "undo": {
      const code = state.history.at(-1);
      if (code === undefined) return { ...state, feedback: { kind: "nothingToUndo" }, seq };
      const counts = { ...state.counts, [code]: (state.counts[code] ?? 1) - 1 };
      if (counts[code] === 0) delete counts[code];
      return {
        ...state,
        counts,
        history: state.history.slice(0, -1),
        feedback: { kind: "undo", code },
        seq,
      };
    }
    case "scan": {
      const raw = action.code.trim();
      if (!state.parcel || raw === "") return state;
      if (!canScanItems(state.parcel)) {
        return { ...state, feedback: { kind: "blocked", code: raw }, seq };
      }
      const lines = packLines(state);
      const code = resolveCode(lines, raw);
      if (code === null) {
        const kind = isOwnSlip(state.parcel, raw) ? "sameParcel" : "wrong";
        return { ...state, feedback: { kind, code: raw }, seq };
      }
      const line = lines.find((l) => l.code === code)!;
      if (line.scanned >= line.expected) {
        return { ...state, feedback: { kind: "extra", code, expected: line.expected }, seq };
      }
      return {
        ...state,
        counts: { ...state.counts, [code]: line.scanned + 1 },
        history: [...state.history, code],
        feedback: { kind: "ok", code, scanned: line.scanned + 1, expected: line.expected },
        seq,
      };
    }
  }
}

/** Common carton sizes (mm), the numbered postal boxes most benches stock. */
export const boxPresets = [
  { key: "12", lengthMm: 130, widthMm: 80, heightMm: 90 },
  { key: "10", lengthMm: 175, widthMm: 95, heightMm: 115 },
  { key: "8", lengthMm: 210, widthMm: 110, heightMm: 140 },
  { key: "6", lengthMm: 260, widthMm: 150, heightMm: 180 },
  { key: "4", lengthMm: 350, widthMm: 190, heightMm: 230 },
  { key: "2", lengthMm: 530, widthMm: 230, heightMm: 290 },
] as const;

export type MeasureField = "weightG" | "lengthMm" | "widthMm" | "heightMm";
export type MeasureInput = Record<MeasureField, string>;
export type MeasureError = "required" | "integer" | "range";

const limits: Record<MeasureField, number> = {
  weightG: 100_000,
  lengthMm: 3000,
  widthMm: 3000,
  heightMm: 3000,
};

/**
 * A scale reading as grams: "1120", "1120g", or kilograms when it says so or has a decimal point
 * ("1.12", "1.12kg"), which is how most bench scales print. Null when it is not a number.
 */
export function parseWeightG(raw: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(kg|g)?$/i.exec(raw.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const kg = m[2]?.toLowerCase() === "kg" || (m[2] === undefined && m[1]!.includes("."));
  return kg ? Math.round(n * 1000) : n;
}

/** A bench scanner typed into a measurement field: letters, or too many digits for a size. */
export function looksLikeScan(raw: string): boolean {
  const v = raw.trim();
  return /[a-z]/i.test(v.replace(/\s*(kg|g)$/i, "")) || /^\d{7,}$/.test(v);
}

/** Whole grams and millimetres within what the server accepts (server/shipping/schemas.ts). */
export function validateMeasure(
  input: MeasureInput,
):
  | { ok: true; value: Record<MeasureField, number> }
  | { ok: false; errors: Partial<Record<MeasureField, MeasureError>> } {
  const errors: Partial<Record<MeasureField, MeasureError>> = {};
  const value = {} as Record<MeasureField, number>;
  for (const field of Object.keys(limits) as MeasureField[]) {
    const raw = input[field].trim();
    const parsed = field === "weightG" ? parseWeightG(raw) : /^\d+$/.test(raw) ? Number(raw) : null;
    if (raw === "") errors[field] = "required";
    else if (parsed === null || !Number.isInteger(parsed)) errors[field] = "integer";
    else {
      const n = parsed;
      if (n < 1 || n > limits[field]) errors[field] = "range";
      else value[field] = n;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** Sum of the item weights, as a hint next to the scale reading (not a substitute for it). */
export function estimatedWeightG(items: readonly PackItem[]): number | null {
  if (items.length === 0 || items.some((i) => i.weightG === null)) return null;
  return items.reduce((s, i) => s + (i.weightG ?? 0) * i.quantity, 0);
}
