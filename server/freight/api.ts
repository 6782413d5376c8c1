import { apiRoute } from "@/server/api-v1/handler";
import { DomainError } from "@/server/errors";
import { freightQuoteInput, type FreightQuoteOutput } from "./api-schemas";
import {
  quoteAll,
  resolveDestination,
  resolveOrigin,
  type CourierQuoteBase,
  type QuoteAllResult,
} from "./service";

/** REST v1 freight: every enabled courier's quote for a parcel, for storefront checkouts. */

function courierOf(q: CourierQuoteBase) {
  return {
    courier: q.account.courier,
    courierName: q.account.courierNameZh,
    courierNameEn: q.account.courierNameEn,
    accountId: q.account.id,
    templateId: q.templateId,
    product: q.product,
    isExample: q.isExample,
  };
}

export function toFreightQuoteOutput(r: QuoteAllResult): FreightQuoteOutput {
  return {
    origin: r.origin,
    destination: r.destination,
    quotes: r.quotes.map((q) => ({
      ...courierOf(q),
      totalFen: q.totalFen,
      chargeableWeightG: q.chargeableWeightG,
      transitDays: q.transitDays,
      lines: q.lines.map((l) => ({
        kind: l.kind,
        labelZh: l.labelZh,
        labelEn: l.labelEn,
        amountFen: l.amountFen,
      })),
    })),
    unavailable: r.unavailable.map((u) => ({
      ...courierOf(u),
      reason: u.reason,
      message: u.message,
      messageZh: u.messageZh,
    })),
  };
}

const invalidField = (field: string, message: string) =>
  new DomainError("INVALID", "The request is invalid", { fields: { [field]: message } });

/** POST /api/v1/freight/quotes */
export const createFreightQuotes = apiRoute(async ({ db, key, body }) => {
  const input = freightQuoteInput.parse(body);
  if (input.shop && !key.shopIds.includes(input.shop)) {
    throw new DomainError("FORBIDDEN", `This API key may not access shop "${input.shop}"`);
  }
  const origin = await resolveOrigin(db, {
    origin: input.origin,
    shopIds: input.shop ? [input.shop] : key.shopIds,
  });
  if (!origin.ok) throw invalidField("origin", origin.message);
  const { countyCode, address } = input.destination;
  const destination = resolveDestination(
    countyCode !== undefined ? { code: countyCode } : { address: address! },
  );
  if (!destination.ok) {
    const hint = destination.suggestions.length
      ? ` (did you mean: ${destination.suggestions.join(" / ")}?)`
      : "";
    throw invalidField(
      countyCode !== undefined ? "destination.countyCode" : "destination.address",
      destination.message + hint,
    );
  }
  const result = await quoteAll(db, {
    originCode: origin.code,
    destination: { code: destination.code },
    weightG: input.weightG,
    lengthMm: input.lengthMm,
    widthMm: input.widthMm,
    heightMm: input.heightMm,
    declaredValueFen: input.declaredValueFen,
  });
  return { status: 200, body: toFreightQuoteOutput(result) };
});
