import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import type { AppRouter } from "@/server/trpc/routers/_app";

export type OrderGraph = inferRouterOutputs<AppRouter>["orders"]["byId"];

/** A titled block of the order page. */
export function Block({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="mb-1.5 flex min-h-7 items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-sm font-semibold text-slate-800">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

export function Card({ children }: { children: ReactNode }) {
  return <div className="rounded-md border border-slate-200 bg-white px-4 py-3">{children}</div>;
}
