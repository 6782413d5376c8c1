import type { LucideIcon } from "lucide-react";
import { cn } from "./cn";

/**
 * The list's status tabs as one segmented control (a tablist of buttons): the shipping queue and
 * the printing list use it, each tab with its icon and label, the panel they control by id.
 */
export function SegmentedTabs<T extends string>({
  label,
  tabs,
  active,
  onSelect,
  panelId,
}: {
  label: string;
  tabs: readonly { key: T; label: string; icon: LucideIcon }[];
  active: T;
  onSelect: (key: T) => void;
  panelId: string;
}) {
  return (
    <div
      role="tablist"
      aria-label={label}
      className="flex rounded-md border border-slate-300 bg-white p-0.5"
    >
      {tabs.map(({ key, label: text, icon: Icon }) => {
        const selected = key === active;
        return (
          <button
            key={key}
            role="tab"
            aria-selected={selected}
            aria-controls={panelId}
            onClick={() => !selected && onSelect(key)}
            className={cn(
              "flex h-7 items-center gap-1.5 rounded px-3 text-sm text-slate-700 hover:bg-slate-100",
              selected && "bg-slate-900 text-white hover:bg-slate-900",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {text}
          </button>
        );
      })}
    </div>
  );
}
