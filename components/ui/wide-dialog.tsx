"use client";

import { X } from "lucide-react";
import { Dialog as D } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * The shared Dialog's look, for content that needs room (split grid, pick list, rate-card
 * preview): wider, height-capped, with a scrolling body and a footer that stays in view.
 */
export function WideDialog({
  open,
  onOpenChange,
  title,
  description,
  closeLabel,
  size = "lg",
  footer,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  closeLabel: string;
  size?: "md" | "lg" | "xl";
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-slate-900/30" />
        <D.Content
          className={cn(
            "fixed top-1/2 left-1/2 z-50 flex max-h-[90vh] -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white shadow-xl focus:outline-none",
            size === "md" && "w-[min(94vw,36rem)]",
            size === "lg" && "w-[min(94vw,52rem)]",
            size === "xl" && "w-[min(96vw,64rem)]",
          )}
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-3">
            <div>
              <D.Title className="text-base font-semibold text-slate-900">{title}</D.Title>
              {description ? (
                <D.Description className="mt-0.5 text-sm text-slate-600">
                  {description}
                </D.Description>
              ) : null}
            </div>
            <D.Close
              aria-label={closeLabel}
              className="rounded p-1 text-slate-500 hover:bg-slate-100"
            >
              <X className="size-4" />
            </D.Close>
          </div>
          <div className="min-h-0 flex-1 overflow-auto px-5 py-4">{children}</div>
          {footer ? (
            <div className="flex items-center justify-end gap-2 border-t border-slate-200 px-5 py-3">
              {footer}
            </div>
          ) : null}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
