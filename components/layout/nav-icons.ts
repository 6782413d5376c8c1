import {
  BarChart3,
  Calculator,
  FileUp,
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
  | "imports"
  | "shipping"
  | "printing"
  | "freight"
  | "tracking"
  | "exceptions"
  | "analytics"
  | "settings";

export const sectionIcons: Record<SectionKey, LucideIcon> = {
  dashboard: LayoutDashboard,
  orders: Receipt,
  imports: FileUp,
  shipping: Truck,
  printing: Printer,
  freight: Calculator,
  tracking: MapPinned,
  exceptions: ShieldAlert,
  analytics: BarChart3,
  settings: Settings,
};
