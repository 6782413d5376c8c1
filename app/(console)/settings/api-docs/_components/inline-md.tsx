/** Spec descriptions use Markdown `code` spans and nothing else; render just those. */
export function InlineMd({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <>
      {text.split(/`([^`]+)`/).map((part, i) =>
        i % 2 === 1 ? (
          <code
            key={i}
            className="rounded bg-slate-100 px-1 py-px font-mono text-[0.85em] text-slate-900"
          >
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
