"use client";

import { X } from "lucide-react";
import { Dialog as D } from "radix-ui";
import type { ReactNode } from "react";

/**
 * The shared Dialog's look at preview size: nearly full screen, a toolbar row under the title,
 * a grey scrolling "desk" for the pages and a footer that stays in view.
 */
export function PrintDialog({
  title,
  description,
  closeLabel,
  onClose,
  toolbar,
  footer,
  children,
}: {
  title: string;
  description?: string;
  closeLabel: string;
  onClose: () => void;
  toolbar?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <D.Root open onOpenChange={(open) => !open && onClose()}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-slate-900/30" />
        <D.Content
          className="fixed top-1/2 left-1/2 z-50 flex h-[92vh] w-[min(96vw,84rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white shadow-xl focus:outline-none"
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
          {toolbar ? (
            <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-5 py-2">
              {toolbar}
            </div>
          ) : null}
          <div className="min-h-0 flex-1 overflow-auto bg-slate-200">{children}</div>
          {footer ? (
            <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 px-5 py-3">
              {footer}
            </div>
          ) : null}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
