/**
 * Wall-clock time in Asia/Shanghai without Intl: China has used a fixed UTC+8 with no daylight
 * saving since 1991, so shifting by eight hours and reading the UTC fields is exact, and it is
 * far cheaper than Intl.DateTimeFormat when formatting 100k generated orders.
 */

const OFFSET_MS = 8 * 3600 * 1000;

const p2 = (n: number) => String(n).padStart(2, "0");

/** Local date and time fields of an instant in Asia/Shanghai. */
export function shanghaiFields(date: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const d = new Date(date.getTime() + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** "2024-06-18 20:15:00", the format platform exports and our import template use. */
export function shanghaiDateTime(date: Date): string {
  const f = shanghaiFields(date);
  return `${f.year}-${p2(f.month)}-${p2(f.day)} ${p2(f.hour)}:${p2(f.minute)}:${p2(f.second)}`;
}

/** "20240618": the local calendar day, as embedded in order numbers. */
export function shanghaiYmd(date: Date): string {
  const f = shanghaiFields(date);
  return `${f.year}${p2(f.month)}${p2(f.day)}`;
}

/** Hour of day (0–23) in Asia/Shanghai of an epoch-millisecond instant. */
export function shanghaiHour(ms: number): number {
  return Math.floor((((ms + OFFSET_MS) % 86_400_000) + 86_400_000) / 3_600_000) % 24;
}
