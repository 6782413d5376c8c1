import { describe, expect, it } from "vitest";
import { orderStatuses, parcelStatuses, type OrderStatus } from "@/db/schema/orders";
import { DomainError } from "@/server/errors";
import {
  assertOrderTransition,
  assertParcelTransition,
  canTransitionOrder,
  initialOrderStatus,
  orderHistory,
  VIRTUAL_ONLY_NOTE,
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

describe("orderHistory", () => {
  const paidAt = new Date("2026-11-24T02:00:00Z");
  const createdAt = new Date("2026-11-24T02:00:05Z");
  const order = { id: 7, status: "PACKED" as const, createdBy: "import:42", paidAt, createdAt };
  const event = (id: number, fromStatus: OrderStatus, toStatus: OrderStatus, at: string) => ({
    id,
    orderId: 7,
    fromStatus,
    toStatus,
    actor: "user-1",
    note: null,
    at: new Date(at),
  });

  it("starts with the creation, read from the order row", () => {
    const packed = event(3, "AWAITING_SHIPMENT", "PACKED", "2026-11-24T05:00:00Z");
    expect(orderHistory(order, [packed])).toEqual([
      {
        id: 0,
        orderId: 7,
        fromStatus: "PAID",
        toStatus: "AWAITING_SHIPMENT",
        actor: "import:42",
        note: null,
        at: paidAt,
      },
      packed,
    ]);
  });

  it("creates into the current status when nothing happened since", () => {
    const [creation] = orderHistory({ ...order, status: "AWAITING_SHIPMENT" }, []);
    expect(creation).toMatchObject({ fromStatus: "PAID", toStatus: "AWAITING_SHIPMENT" });
  });

  it("notes a virtual-only order, created completed", () => {
    const [creation] = orderHistory({ ...order, status: "COMPLETED" }, []);
    expect(creation).toMatchObject({ toStatus: "COMPLETED", note: VIRTUAL_ONLY_NOTE });
  });

  it("shows what the order was created as, even after the merchant changed it", () => {
    // Created awaiting shipment, then updated to virtual goods only.
    const updated = event(5, "AWAITING_SHIPMENT", "COMPLETED", "2026-11-24T03:00:00Z");
    const history = orderHistory({ ...order, status: "COMPLETED" }, [updated]);
    expect(history.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      ["PAID", "AWAITING_SHIPMENT"],
      ["AWAITING_SHIPMENT", "COMPLETED"],
    ]);
  });

  it("dates the creation no later than the order row, whatever the platform's clock says", () => {
    const future = new Date("2026-11-25T00:00:00Z");
    expect(orderHistory({ ...order, paidAt: future }, [])[0]!.at).toEqual(createdAt);
  });

  it("leaves older orders, whose creation is a stored event, as stored", () => {
    const stored = [
      event(1, "PAID", "AWAITING_SHIPMENT", "2026-11-24T02:00:00Z"),
      event(2, "AWAITING_SHIPMENT", "PACKED", "2026-11-24T05:00:00Z"),
    ];
    expect(orderHistory({ ...order, createdBy: null }, stored)).toEqual(stored);
  });
});
