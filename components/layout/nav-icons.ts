import {
  BarChart3,
  LayoutDashboard,
  MapPinned,
  Printer,
  Receipt,
  Settings,
  ShieldAlert,
  Truck,
  type LucideIcon,
} from "lucide-react";

export type SectionKey =
  | "dashboard"
  | "orders"
  | "shipping"
  | "printing"
  | "tracking"
  | "exceptions"
  | "analytics"
  | "settings";

export const sectionIcons: Record<SectionKey, LucideIcon> = {
  dashboard: LayoutDashboard,
  orders: Receipt,
  shipping: Truck,
  printing: Printer,
  tracking: MapPinned,
  exceptions: ShieldAlert,
  analytics: BarChart3,
  settings: Settings,
};
