import { describe, expect, it } from "vitest";
import {
  addPart,
  checkPlan,
  initialPlan,
  planToParts,
  removePart,
  setQuantity,
  spreadPlan,
} from "./split-plan";

const lines = [
  { orderItemId: 11, quantity: 3 },
  { orderItemId: 12, quantity: 1 },
];

describe("split plan", () => {
  it("starts with everything in the first of two parcels, which is not yet a split", () => {
    const plan = initialPlan(lines);
    expect(plan).toEqual([
      [3, 1],
      [0, 0],
    ]);
    expect(checkPlan(lines, plan)).toMatchObject({ ok: false, filledParts: 1, diff: [0, 0] });
  });

  it.each([
    {
      name: "moving a line into the second parcel makes a valid split",
      plan: [
        [3, 0],
        [0, 1],
      ],
      ok: true,
      diff: [0, 0],
    },
    {
      name: "splitting one line by quantity is fine",
      plan: [
        [2, 1],
        [1, 0],
      ],
      ok: true,
      diff: [0, 0],
    },
    {
      name: "too many assigned is reported per line",
      plan: [
        [3, 1],
        [1, 0],
      ],
      ok: false,
      diff: [1, 0],
    },
    {
      name: "too few assigned is reported per line",
      plan: [
        [1, 0],
        [1, 1],
      ],
      ok: false,
      diff: [-1, 0],
    },
    {
      name: "fractions are refused",
      plan: [
        [1.5, 1],
        [1.5, 0],
      ],
      ok: false,
      diff: [0, 0],
    },
  ])("$name", ({ plan, ok, diff }) => {
    expect(checkPlan(lines, plan)).toMatchObject({ ok, diff });
  });

  it("adds and removes parcels, returning a removed parcel's items to the first", () => {
    let plan = addPart(initialPlan(lines));
    plan = setQuantity(plan, 2, 0, 2);
    plan = setQuantity(plan, 0, 0, 1);
    expect(plan).toEqual([
      [1, 1],
      [0, 0],
      [2, 0],
    ]);
    expect(removePart(plan, 2)).toEqual([
      [3, 1],
      [0, 0],
    ]);
    expect(removePart(removePart(plan, 2), 1)).toHaveLength(2);
  });

  it("splits the lines in two halves, or halves a single line", () => {
    expect(spreadPlan(lines)).toEqual([
      [3, 0],
      [0, 1],
    ]);
    expect(checkPlan(lines, spreadPlan(lines)).ok).toBe(true);
    const single = [{ orderItemId: 1, quantity: 5 }];
    expect(spreadPlan(single)).toEqual([[3], [2]]);
  });

  it("drops empty lines and empty parcels from the payload", () => {
    const plan = [
      [3, 0],
      [0, 0],
      [0, 1],
    ];
    expect(planToParts(lines, plan)).toEqual([
      [{ orderItemId: 11, quantity: 3 }],
      [{ orderItemId: 12, quantity: 1 }],
    ]);
  });
});
