import { describe, expect, it } from "vitest";
import { orderStatuses, parcelStatuses, type OrderStatus } from "@/db/schema/orders";
import { DomainError } from "@/server/errors";
import {
  assertOrderTransition,
  assertParcelTransition,
  canTransitionOrder,
  initialOrderStatus,
  maskAddress,
  maskMobile,
  maskName,
  orderStatusFromParcels,
  recipientKey,
  validateSplit,
} from "./rules";

const legal: [OrderStatus, OrderStatus][] = [
  ["PAID", "AWAITING_SHIPMENT"],
  ["PAID", "COMPLETED"],
  ["PAID", "CANCELLED"],
  ["AWAITING_SHIPMENT", "PACKED"],
  ["AWAITING_SHIPMENT", "CANCELLED"],
  ["PACKED", "LABELLED"],
  ["PACKED", "AWAITING_SHIPMENT"],
  ["PACKED", "CANCELLED"],
  ["LABELLED", "SHIPPED"],
  ["LABELLED", "PACKED"],
  ["LABELLED", "CANCELLED"],
  ["SHIPPED", "DELIVERED"],
  ["DELIVERED", "COMPLETED"],
];

describe("order state machine", () => {
  const pairs = orderStatuses.flatMap((from) =>
    orderStatuses.filter((to) => to !== from).map((to) => [from, to] as const),
  );
  it.each(pairs)("%s -> %s", (from, to) => {
    const allowed = legal.some(([f, t]) => f === from && t === to);
    expect(canTransitionOrder(from, to)).toBe(allowed);
    if (allowed) expect(() => assertOrderTransition(from, to)).not.toThrow();
    else expect(() => assertOrderTransition(from, to)).toThrow(DomainError);
  });

  it.each([
    ["SHIPPED", "CANCELLED", /left the warehouse/],
    ["CANCELLED", "AWAITING_SHIPMENT", /already CANCELLED/],
    ["COMPLETED", "CANCELLED", /already COMPLETED/],
    ["AWAITING_SHIPMENT", "SHIPPED", /allowed next: PACKED, CANCELLED/],
  ] as const)("refuses %s -> %s with a reason", (from, to, reason) => {
    expect(() => assertOrderTransition(from, to)).toThrow(reason);
  });

  it("treats staying put as no transition", () => {
    expect(() => assertOrderTransition("PACKED", "PACKED")).not.toThrow();
  });
});

describe("parcel transitions", () => {
  it.each([
    ["AWAITING_PACK", "PACKED", true],
    ["PACKED", "AWAITING_PACK", true],
    ["PACKED", "LABELLED", true],
    ["LABELLED", "PACKED", true],
    ["LABELLED", "SHIPPED", true],
    ["SHIPPED", "CANCELLED", false],
    ["AWAITING_PACK", "LABELLED", false],
    ["CANCELLED", "PACKED", false],
  ] as const)("%s -> %s allowed=%s", (from, to, ok) => {
    if (ok) expect(() => assertParcelTransition(from, to)).not.toThrow();
    else expect(() => assertParcelTransition(from, to)).toThrow(DomainError);
  });
  it("covers every status", () => {
    for (const s of parcelStatuses) expect(() => assertParcelTransition(s, s)).toThrow();
  });
});

describe("order status from parcels", () => {
  it.each([
    [["AWAITING_PACK"], "AWAITING_SHIPMENT"],
    [["PACKED", "AWAITING_PACK"], "AWAITING_SHIPMENT"],
    [["PACKED", "LABELLED"], "PACKED"],
    [["SHIPPED", "DELIVERED"], "SHIPPED"],
    [["DELIVERED", "CANCELLED"], "DELIVERED"],
    [["CANCELLED"], null],
    [[], null],
  ] as const)("%j -> %s", (parcels, status) => {
    expect(orderStatusFromParcels(parcels)).toBe(status);
  });
});

describe("shipping determination", () => {
  it.each([
    [[{ isVirtual: true }], "COMPLETED"],
    [[{ isVirtual: true }, { isVirtual: true }], "COMPLETED"],
    [[{ isVirtual: true }, { isVirtual: false }], "AWAITING_SHIPMENT"],
    [[{ isVirtual: false }], "AWAITING_SHIPMENT"],
  ])("%j -> %s", (items, status) => {
    expect(initialOrderStatus(items)).toBe(status);
  });
});

describe("recipient key", () => {
  const base = {
    recipientName: "张三",
    recipientMobile: "13800138000",
    countyCode: "330106",
    cityCode: "330100",
    addressDetail: "文三路 100 号",
  };
  it("ignores spacing and punctuation in the address", () => {
    expect(recipientKey({ ...base, addressDetail: "文三路100号" })).toBe(recipientKey(base));
  });
  it("differs for another door or another phone", () => {
    expect(recipientKey({ ...base, addressDetail: "文三路102号" })).not.toBe(recipientKey(base));
    expect(recipientKey({ ...base, recipientMobile: "13800138001" })).not.toBe(recipientKey(base));
  });
});

describe("split validation", () => {
  const current = [
    { orderItemId: 1, quantity: 2 },
    { orderItemId: 2, quantity: 1 },
  ];
  it("accepts a complete split", () => {
    expect(() =>
      validateSplit(current, [
        [{ orderItemId: 1, quantity: 1 }],
        [
          { orderItemId: 1, quantity: 1 },
          { orderItemId: 2, quantity: 1 },
        ],
      ]),
    ).not.toThrow();
  });
  it.each([
    ["one parcel", [[...current]], /at least two/],
    [
      "lost quantity",
      [[{ orderItemId: 1, quantity: 1 }], [{ orderItemId: 2, quantity: 1 }]],
      /hold 1 of 2/,
    ],
    ["foreign item", [[{ orderItemId: 9, quantity: 1 }], [...current]], /not in this parcel/],
    ["fractional", [[{ orderItemId: 1, quantity: 0.5 }], [...current]], /whole number/],
  ] as const)("refuses %s", (_name, parts, error) => {
    expect(() => validateSplit(current, parts)).toThrow(error);
  });
});

describe("masking", () => {
  it.each([
    ["13812345678", "138****5678"],
    ["12345", "*****"],
  ])("mobile %s -> %s", (input, out) => expect(maskMobile(input)).toBe(out));
  it.each([
    ["张三", "张*"],
    ["张三丰", "张*丰"],
    ["欧阳娜娜", "欧**娜"],
    ["王", "王"],
  ])("name %s -> %s", (input, out) => expect(maskName(input)).toBe(out));
  it("address keeps only the start", () => {
    expect(maskAddress("文三路100号华星大厦5楼")).toBe("文三路1****");
    expect(maskAddress("文三路")).toBe("文****");
  });
});
