import { cn } from "@/components/ui/cn";

const tones: Record<string, string> = {
  get: "bg-blue-50 text-blue-700 ring-blue-200",
  post: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  put: "bg-amber-50 text-amber-800 ring-amber-200",
  patch: "bg-amber-50 text-amber-800 ring-amber-200",
  delete: "bg-red-50 text-red-700 ring-red-200",
};

export function MethodBadge({ method, className }: { method: string; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex w-12 shrink-0 justify-center rounded px-1 py-0.5 font-mono text-[11px] font-semibold uppercase ring-1 ring-inset",
        tones[method] ?? "bg-slate-50 text-slate-700 ring-slate-200",
        className,
      )}
    >
      {method}
    </span>
  );
}

/** `/api/v1/orders/{id}` with the path parameters stand out. */
export function PathText({ path }: { path: string }) {
  return (
    <code className="font-mono text-sm text-slate-900">
      {path.split(/(\{[^}]+\})/).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="text-violet-700">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </code>
  );
}
