/** The courier's mark in its brand colour: a drawn badge, not a copy of the courier's trademark. */
export function CourierLogo({
  mark,
  color,
  size = 28,
}: {
  mark: string;
  color: string;
  size?: number;
}) {
  return (
    <span
      aria-hidden
      className="inline-flex shrink-0 items-center justify-center rounded font-semibold text-white"
      style={{
        backgroundColor: color,
        width: size,
        height: size,
        fontSize: size * (mark.length > 2 ? 0.32 : 0.4),
      }}
    >
      {mark}
    </span>
  );
}
