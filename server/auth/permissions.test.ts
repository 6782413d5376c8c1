import { describe, expect, it } from "vitest";
import {
  can,
  isSessionExpired,
  permissions,
  type roles,
  sectionsFor,
  type Permission,
} from "./permissions";

// The expected matrix is written out by hand so a change to the table shows up here on purpose.
const expected: Record<Permission, Record<(typeof roles)[number], boolean>> = {
  "dashboard.view": { admin: true, manager: true, warehouse: true, cs: true },
  "orders.view": { admin: true, manager: true, warehouse: false, cs: true },
  "shipping.view": { admin: true, manager: true, warehouse: true, cs: false },
  "printing.view": { admin: true, manager: true, warehouse: true, cs: false },
  "tracking.view": { admin: true, manager: true, warehouse: false, cs: true },
  "exceptions.view": { admin: true, manager: true, warehouse: false, cs: true },
  "analytics.view": { admin: true, manager: true, warehouse: false, cs: false },
  "settings.view": { admin: true, manager: true, warehouse: false, cs: false },
  "users.manage": { admin: true, manager: false, warehouse: false, cs: false },
  "audit.view": { admin: true, manager: true, warehouse: false, cs: false },
  "couriers.view": { admin: true, manager: true, warehouse: false, cs: false },
  "couriers.manage": { admin: true, manager: false, warehouse: false, cs: false },
  "orders.reveal": { admin: true, manager: true, warehouse: false, cs: true },
  "orders.manage": { admin: true, manager: true, warehouse: false, cs: true },
  "shipping.manage": { admin: true, manager: true, warehouse: true, cs: false },
  "imports.manage": { admin: true, manager: true, warehouse: true, cs: true },
  "shops.manage": { admin: true, manager: true, warehouse: false, cs: false },
  "apiKeys.manage": { admin: true, manager: false, warehouse: false, cs: false },
};

describe("permission table", () => {
  it("covers exactly the expected permissions", () => {
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(expected).sort());
  });

  const cases = Object.entries(expected).flatMap(([permission, byRole]) =>
    Object.entries(byRole).map(([role, allowed]) => ({ permission, role, allowed })),
  );
  it.each(cases)("$role -> $permission = $allowed", ({ permission, role, allowed }) => {
    expect(can(role as (typeof roles)[number], permission as Permission)).toBe(allowed);
  });

  it("denies a missing role", () => {
    expect(can(null, "dashboard.view")).toBe(false);
    expect(can(undefined, "dashboard.view")).toBe(false);
  });
});

describe("navigation by role", () => {
  it.each([
    ["warehouse", ["dashboard", "imports", "shipping", "printing", "freight"]],
    ["cs", ["dashboard", "orders", "imports", "freight", "tracking", "exceptions"]],
    [
      "manager",
      [
        "dashboard",
        "orders",
        "imports",
        "shipping",
        "printing",
        "freight",
        "tracking",
        "exceptions",
        "analytics",
        "settings",
      ],
    ],
    [
      "admin",
      [
        "dashboard",
        "orders",
        "imports",
        "shipping",
        "printing",
        "freight",
        "tracking",
        "exceptions",
        "analytics",
        "settings",
      ],
    ],
  ] as const)("%s sees %j", (role, keys) => {
    expect(sectionsFor(role).map((s) => s.key)).toEqual(keys);
  });
});

describe("session expiry", () => {
  const signIn = new Date("2026-11-24T00:00:00Z");
  const policy = { absoluteSeconds: 24 * 3600 };
  it.each([
    {
      now: "2026-11-24T10:00:00Z",
      expiresAt: "2026-11-24T18:00:00Z",
      expired: false,
      why: "active",
    },
    { now: "2026-11-24T19:00:00Z", expiresAt: "2026-11-24T18:00:00Z", expired: true, why: "idle" },
    {
      now: "2026-11-25T00:00:00Z",
      expiresAt: "2026-11-25T06:00:00Z",
      expired: true,
      why: "absolute",
    },
    {
      now: "2026-11-24T23:59:59Z",
      expiresAt: "2026-11-25T06:00:00Z",
      expired: false,
      why: "just before absolute",
    },
  ])("$why", ({ now, expiresAt, expired }) => {
    expect(
      isSessionExpired(
        { createdAt: signIn, expiresAt: new Date(expiresAt) },
        new Date(now),
        policy,
      ),
    ).toBe(expired);
  });
});
