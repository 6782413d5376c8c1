import { describe, expect, it } from "vitest";
import {
  estimatedWeightG,
  initialPackSession,
  isComplete,
  looksLikeScan,
  packLines,
  packReducer,
  packStep,
  parseWeightG,
  progress,
  scansPayload,
  validateMeasure,
  type PackAction,
  type PackParcel,
  type PackSession,
  type ScanFeedback,
} from "./pack-session";

const parcel: PackParcel = {
  id: 42,
  status: "AWAITING_PACK",
  held: false,
  holdReason: null,
  orders: [{ id: 7, platformOrderNo: "T2026001", shopName: "码头咖啡", buyerRemark: null }],
  items: [
    {
      orderItemId: 1,
      orderId: 7,
      sku: "MT-BEAN-500",
      name: "意式拼配豆 500g",
      barcode: "6901234567892",
      quantity: 2,
      weightG: 520,
    },
    {
      orderItemId: 2,
      orderId: 7,
      sku: "MT-FILTER",
      name: "滤纸 100 张",
      barcode: null,
      quantity: 1,
      weightG: 80,
    },
  ],
};

const load: PackAction = { type: "load", parcel };
const scan = (code: string): PackAction => ({ type: "scan", code });
const undo: PackAction = { type: "undo" };

function run(actions: PackAction[], from: PackSession = initialPackSession) {
  return actions.reduce(packReducer, from);
}

describe("packReducer", () => {
  const cases: {
    name: string;
    actions: PackAction[];
    counts: Record<string, number>;
    feedback: ScanFeedback | null;
    step: ReturnType<typeof packStep>;
  }[] = [
    {
      name: "loading a parcel starts the item step with nothing scanned",
      actions: [load],
      counts: {},
      feedback: null,
      step: "scanItems",
    },
    {
      name: "a correct scan counts the item",
      actions: [load, scan("6901234567892")],
      counts: { "6901234567892": 1 },
      feedback: { kind: "ok", code: "6901234567892", scanned: 1, expected: 2 },
      step: "scanItems",
    },
    {
      name: "an item without a barcode is scanned by SKU, ignoring case and spaces",
      actions: [load, scan("  mt-filter ")],
      counts: { "MT-FILTER": 1 },
      feedback: { kind: "ok", code: "MT-FILTER", scanned: 1, expected: 1 },
      step: "scanItems",
    },
    {
      name: "a wrong item is refused and not counted",
      actions: [load, scan("6909999999999")],
      counts: {},
      feedback: { kind: "wrong", code: "6909999999999" },
      step: "scanItems",
    },
    {
      name: "the SKU of an item that has a barcode is a wrong scan (the server counts barcodes)",
      actions: [load, scan("MT-BEAN-500")],
      counts: {},
      feedback: { kind: "wrong", code: "MT-BEAN-500" },
      step: "scanItems",
    },
    {
      name: "an extra scan of a complete line is refused and not counted",
      actions: [load, scan("MT-FILTER"), scan("MT-FILTER")],
      counts: { "MT-FILTER": 1 },
      feedback: { kind: "extra", code: "MT-FILTER", expected: 1 },
      step: "scanItems",
    },
    {
      name: "undo takes back the last accepted scan, not the refused ones",
      actions: [load, scan("MT-FILTER"), scan("6901234567892"), scan("bogus"), undo],
      counts: { "MT-FILTER": 1 },
      feedback: { kind: "undo", code: "6901234567892" },
      step: "scanItems",
    },
    {
      name: "undo with nothing scanned says so",
      actions: [load, undo],
      counts: {},
      feedback: { kind: "nothingToUndo" },
      step: "scanItems",
    },
    {
      name: "every line complete moves on to weighing",
      actions: [load, scan("6901234567892"), scan("MT-FILTER"), scan("6901234567892")],
      counts: { "6901234567892": 2, "MT-FILTER": 1 },
      feedback: { kind: "ok", code: "6901234567892", scanned: 2, expected: 2 },
      step: "measure",
    },
    {
      name: "undo after completion goes back to scanning",
      actions: [load, scan("6901234567892"), scan("MT-FILTER"), scan("6901234567892"), undo],
      counts: { "6901234567892": 1, "MT-FILTER": 1 },
      feedback: { kind: "undo", code: "6901234567892" },
      step: "scanItems",
    },
    {
      name: "re-scanning the parcel's own order slip is harmless",
      actions: [load, scan("t2026001"), scan("P42"), scan("7")],
      counts: {},
      feedback: { kind: "sameParcel", code: "7" },
      step: "scanItems",
    },
    {
      name: "a held parcel refuses item scans",
      actions: [
        { type: "load", parcel: { ...parcel, held: true, holdReason: "地址待确认" } },
        scan("MT-FILTER"),
      ],
      counts: {},
      feedback: { kind: "blocked", code: "MT-FILTER" },
      step: "blocked",
    },
    {
      name: "a parcel already packed refuses item scans",
      actions: [{ type: "load", parcel: { ...parcel, status: "PACKED" } }, scan("MT-FILTER")],
      counts: {},
      feedback: { kind: "blocked", code: "MT-FILTER" },
      step: "blocked",
    },
    {
      name: "reset returns to the order step",
      actions: [load, scan("MT-FILTER"), { type: "reset" }],
      counts: {},
      feedback: null,
      step: "scanOrder",
    },
    {
      name: "item scans before any parcel is loaded are ignored",
      actions: [scan("MT-FILTER")],
      counts: {},
      feedback: null,
      step: "scanOrder",
    },
  ];

  it.each(cases)("$name", ({ actions, counts, feedback, step }) => {
    const state = run(actions);
    expect(state.counts).toEqual(counts);
    expect(state.feedback).toEqual(feedback);
    expect(packStep(state)).toBe(step);
  });

  it("bumps seq on every event so identical errors flash again", () => {
    const a = run([load, scan("bogus")]);
    const b = packReducer(a, scan("bogus"));
    expect(b.seq).toBe(a.seq + 1);
    expect(b.feedback).toEqual(a.feedback);
  });

  it("merges items sharing a barcode into one line", () => {
    const twin: PackParcel = {
      ...parcel,
      items: [parcel.items[0]!, { ...parcel.items[0]!, orderItemId: 9, orderId: 8, quantity: 1 }],
    };
    const state = run([{ type: "load", parcel: twin }, scan("6901234567892")]);
    expect(packLines(state)).toEqual([
      expect.objectContaining({ code: "6901234567892", expected: 3, scanned: 1 }),
    ]);
    expect(progress(state)).toEqual({ expected: 3, scanned: 1 });
    expect(isComplete(state)).toBe(false);
  });

  it("sends the scans in the shape the server verifies", () => {
    const state = run([load, scan("6901234567892"), scan("mt-filter"), scan("6901234567892")]);
    expect(scansPayload(state)).toEqual({ "6901234567892": 2, "MT-FILTER": 1 });
  });
});

describe("validateMeasure", () => {
  it("accepts whole grams and millimetres", () => {
    expect(
      validateMeasure({ weightG: "1.12kg", lengthMm: "260", widthMm: "150", heightMm: " 180 " }),
    ).toEqual({ ok: true, value: { weightG: 1120, lengthMm: 260, widthMm: 150, heightMm: 180 } });
  });

  it("names each field that is missing, not whole, or out of range", () => {
    expect(
      validateMeasure({ weightG: "", lengthMm: "12.5", widthMm: "0", heightMm: "3001" }),
    ).toEqual({
      ok: false,
      errors: { weightG: "required", lengthMm: "integer", widthMm: "range", heightMm: "range" },
    });
  });
});

describe("parseWeightG / looksLikeScan", () => {
  it.each([
    ["1120", 1120],
    ["1120g", 1120],
    [" 1120 G ", 1120],
    ["1.12", 1120],
    ["1.12kg", 1120],
    ["0.0855 kg", 86],
    ["2kg", 2000],
    ["abc", null],
    ["", null],
  ])("%s → %s", (raw, grams) => {
    expect(parseWeightG(raw)).toBe(grams);
  });

  it("tells a scanned barcode or SKU from a weight or size", () => {
    expect(looksLikeScan("6901234567892")).toBe(true);
    expect(looksLikeScan("MT-FILTER")).toBe(true);
    expect(looksLikeScan("1.12kg")).toBe(false);
    expect(looksLikeScan("260")).toBe(false);
  });
});

describe("estimatedWeightG", () => {
  it("sums item weights by quantity, or gives up when one is unknown", () => {
    expect(estimatedWeightG(parcel.items)).toBe(1120);
    expect(estimatedWeightG([{ ...parcel.items[0]!, weightG: null }])).toBeNull();
  });
});
