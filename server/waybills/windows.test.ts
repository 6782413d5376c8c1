import { describe, expect, it } from "vitest";
import { pickupWindows } from "./windows";

const shanghai = (iso: string) => new Date(`${iso}+08:00`);
const show = (ws: { start: Date; end: Date }[]) =>
  ws.map((w) => `${w.start.toISOString()}–${w.end.toISOString()}`);

describe("pickupWindows", () => {
  it.each([
    [
      "early morning: all four rounds",
      "2026-11-24T07:30:00",
      [
        "2026-11-24T01:00:00.000Z–2026-11-24T04:00:00.000Z",
        "2026-11-24T06:00:00.000Z–2026-11-24T10:00:00.000Z",
        "2026-11-25T01:00:00.000Z–2026-11-25T04:00:00.000Z",
        "2026-11-25T06:00:00.000Z–2026-11-25T10:00:00.000Z",
      ],
    ],
    [
      "mid-afternoon: this afternoon (not over yet) and tomorrow",
      "2026-11-24T15:00:00",
      [
        "2026-11-24T06:00:00.000Z–2026-11-24T10:00:00.000Z",
        "2026-11-25T01:00:00.000Z–2026-11-25T04:00:00.000Z",
        "2026-11-25T06:00:00.000Z–2026-11-25T10:00:00.000Z",
      ],
    ],
    [
      "late evening: tomorrow only",
      "2026-11-24T23:30:00",
      [
        "2026-11-25T01:00:00.000Z–2026-11-25T04:00:00.000Z",
        "2026-11-25T06:00:00.000Z–2026-11-25T10:00:00.000Z",
      ],
    ],
    [
      // 00:30 in Shanghai is still the previous day in UTC: the day must be Shanghai's.
      "just after midnight Shanghai time",
      "2026-11-25T00:30:00",
      [
        "2026-11-25T01:00:00.000Z–2026-11-25T04:00:00.000Z",
        "2026-11-25T06:00:00.000Z–2026-11-25T10:00:00.000Z",
        "2026-11-26T01:00:00.000Z–2026-11-26T04:00:00.000Z",
        "2026-11-26T06:00:00.000Z–2026-11-26T10:00:00.000Z",
      ],
    ],
  ])("%s", (_name, now, expected) => {
    expect(show(pickupWindows(shanghai(now)))).toEqual(expected);
  });
});
