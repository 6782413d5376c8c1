import { describe, expect, it } from "vitest";
import { parseQueueFilters, queueInput, queueSearchString } from "./queue-filters";

describe("shipping queue filters", () => {
  it.each([
    ["awaiting", { status: "AWAITING_PACK", held: false }],
    ["held", { status: "AWAITING_PACK", held: true }],
    ["packed", { status: "PACKED" }],
    ["unprinted", { status: "LABELLED", printed: false }],
    ["labelled", { status: "LABELLED" }],
  ] as const)("tab %s asks for %j", (tab, expected) => {
    const input = queueInput(parseQueueFilters({ tab }));
    expect(input).toEqual({ ...expected, limit: 100 });
  });

  it("round-trips through the URL and falls back to awaiting for an unknown tab", () => {
    const f = parseQueueFilters({ tab: "unprinted", warehouse: "wh-1", q: " P12 " });
    expect(queueSearchString(f)).toBe("?tab=unprinted&warehouse=wh-1&q=P12");
    expect(parseQueueFilters({ tab: "nope" }).tab).toBe("awaiting");
  });
});
