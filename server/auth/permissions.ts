/**
 * Roles and what each may do, as data. The server enforces this table on every page and procedure;
 * the menu only mirrors it.
 */
export const roles = ["admin", "manager", "warehouse", "cs"] as const;
export type Role = (typeof roles)[number];

const everyone: readonly Role[] = roles;
const managers: readonly Role[] = ["admin", "manager"];

export const permissions = {
  "dashboard.view": everyone,
  "orders.view": [...managers, "cs"],
  "shipping.view": [...managers, "warehouse"],
  "printing.view": [...managers, "warehouse"],
  "tracking.view": [...managers, "cs"],
  "exceptions.view": [...managers, "cs"],
  "analytics.view": managers,
  "settings.view": managers,
  "users.manage": ["admin"],
  "audit.view": managers,
  "couriers.view": managers,
  "couriers.manage": ["admin"],
  /** Full recipient phone and address; each reveal is audited. */
  "orders.reveal": [...managers, "cs"],
  "orders.manage": [...managers, "cs"],
  "shipping.manage": [...managers, "warehouse"],
  "imports.manage": [...managers, "warehouse", "cs"],
  "shops.manage": managers,
  "apiKeys.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (permissions[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** The console's sections in menu order, each with the permission that opens it. */
export const sections = [
  { key: "dashboard", href: "/dashboard", permission: "dashboard.view" },
  { key: "orders", href: "/orders", permission: "orders.view" },
  { key: "imports", href: "/imports", permission: "imports.manage" },
  { key: "shipping", href: "/shipping", permission: "shipping.view" },
  { key: "printing", href: "/printing", permission: "printing.view" },
  { key: "freight", href: "/freight", permission: "dashboard.view" },
  { key: "tracking", href: "/tracking", permission: "tracking.view" },
  { key: "exceptions", href: "/exceptions", permission: "exceptions.view" },
  { key: "analytics", href: "/analytics", permission: "analytics.view" },
  { key: "settings", href: "/settings", permission: "settings.view" },
] as const satisfies readonly { key: string; href: string; permission: Permission }[];

export type Section = (typeof sections)[number];

export function sectionsFor(role: Role | null | undefined): Section[] {
  return sections.filter((s) => can(role, s.permission));
}

/** Sessions end after this much inactivity, and in any case this long after sign-in. */
export const sessionPolicy = {
  idleSeconds: 8 * 60 * 60,
  refreshAfterSeconds: 15 * 60,
  absoluteSeconds: 24 * 60 * 60,
} as const;

export function isSessionExpired(
  session: { createdAt: Date; expiresAt: Date },
  now: Date,
  policy: { absoluteSeconds: number } = sessionPolicy,
): boolean {
  if (session.expiresAt.getTime() <= now.getTime()) return true;
  return now.getTime() - session.createdAt.getTime() >= policy.absoluteSeconds * 1000;
}
