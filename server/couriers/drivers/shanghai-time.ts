/**
 * Chinese couriers speak Asia/Shanghai wall-clock time as "YYYY-MM-DD HH:mm:ss" without a zone.
 * China has had no daylight saving since 1991, so a fixed +08:00 offset is exact.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/;

export function shanghaiLocalTime(date: Date): string {
  const shifted = new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

/** "2025-05-26 09:55:52" -> "2025-05-26T09:55:52+08:00"; undefined for anything else, incl. 02-30. */
export function shanghaiTimeToIso(text: string): string | undefined {
  const match = LOCAL_TIME.exec(text.trim());
  if (!match) return undefined;
  const iso = `${match[1]}T${match[2]}+08:00`;
  const ms = Date.parse(iso);
  // The round trip refuses dates such as 02-30 that Date.parse would roll over.
  return !Number.isNaN(ms) && shanghaiLocalTime(new Date(ms)) === `${match[1]} ${match[2]}`
    ? iso
    : undefined;
}
