import { useFormatter } from "next-intl";

/** Formatters shared by the orders list and detail: money in fen, weight in grams, times. */
export function useOrderFormat() {
  const format = useFormatter();
  return {
    money: (fen: number) =>
      format.number(fen / 100, {
        style: "currency",
        currency: "CNY",
        currencyDisplay: "narrowSymbol",
      }),
    weight: (grams: number | null | undefined) => {
      if (grams == null) return "—";
      if (grams < 1000) return `${format.number(grams)} g`;
      return `${format.number(grams / 1000, { maximumFractionDigits: 3 })} kg`;
    },
    dateTime: (d: Date) =>
      format.dateTime(d, {
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }),
    date: (d: Date) => format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit" }),
    time: (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    dateTimeSeconds: (d: Date) =>
      format.dateTime(d, {
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
      }),
  };
}
