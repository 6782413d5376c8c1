/**
 * SF's pickup-window and transit-time/price services. PROTOCOLS.md §1.4 names
 * EXP_EXCE_CHECK_PICKUP_TIME without documenting its fields; the shape used here (address,
 * addressType, sendTime, province/city/county, version "V1.1" → {status,startTm,endTm,
 * exceptionReason}) and the EXP_RECE_QUERY_DELIVERTM reply (deliverTmDto[]) follow public SDK code.
 */
import { z } from "zod";
import {
  CourierError,
  type Estimate,
  type EstimateInput,
  type Operation,
  type Party,
  type PickupInput,
  type PickupResult,
} from "@/server/couriers/contract";
import { SF_SERVICE, sfCredentials, sfLocalTime, sfParse, sfRequest, sfTimeToIso } from "./sf-wire";

function sfAddress(party: Party) {
  return {
    province: party.province,
    city: party.city,
    district: party.district,
    address: party.address,
  };
}

// V1.1 answers a window object; V1.0 a bare boolean, accepted in case SF ignores `version`.
const pickupSchema = z.union([
  z.boolean(),
  z.object({
    status: z.boolean(),
    startTm: z.string().nullish(),
    endTm: z.string().nullish(),
    exceptionReason: z.string().nullish(),
  }),
]);

function localOr(text: string | null | undefined, fallback: Date): Date {
  const iso = text ? sfTimeToIso(text) : undefined;
  return iso === undefined ? fallback : new Date(iso);
}

/**
 * SF has no stand-alone pickup booking: PROTOCOLS.md §1.4 documents pickup only as `isDocall=1` +
 * `sendStartTm` on the create-order call, which createWaybill sends whenever `order.pickup` is set.
 * This operation therefore asks EXP_EXCE_CHECK_PICKUP_TIME whether SF collects from the sender in
 * the requested window (UNSERVICEABLE if not) and returns the order id as pickupId, the id under
 * which the create call dispatches the courier. It dispatches nobody by itself.
 */
export const sfBookPickup: Operation<PickupInput, PickupResult> = {
  build: (input, account, ctx) =>
    sfRequest(
      SF_SERVICE.checkPickupTime,
      {
        address: input.sender.address,
        addressType: 1, // the sender's address
        sendTime: sfLocalTime(input.start),
        province: input.sender.province,
        city: input.sender.city,
        county: input.sender.district,
        version: "V1.1",
      },
      account,
      ctx,
    ),
  parse(response, input) {
    const data = sfParse(response, pickupSchema);
    const window = typeof data === "boolean" ? { status: data } : data;
    if (!window.status) {
      throw new CourierError(
        "UNSERVICEABLE",
        "PICKUP_TIME_UNAVAILABLE",
        "SF cannot collect from this address at the requested time: choose another pickup window",
        "exceptionReason" in window ? (window.exceptionReason ?? undefined) : undefined,
      );
    }
    return {
      pickupId: input.orderId,
      windowStart: localOr("startTm" in window ? window.startTm : undefined, input.start),
      windowEnd: localOr("endTm" in window ? window.endTm : undefined, input.end),
    };
  },
};

const deliverTmSchema = z.object({
  deliverTmDto: z
    .array(
      z.object({
        businessType: z.union([z.string(), z.number()]),
        businessTypeDesc: z.string().nullish(),
        deliverTime: z.string().nullish(),
        fee: z.union([z.number(), z.string()]).nullish(),
      }),
    )
    .nullish(),
});

/** EXP_RECE_QUERY_DELIVERTM: price (fee in yuan → fen) and promised hours per SF product. */
export const sfEstimate: Operation<EstimateInput, Estimate> = {
  build(input, account, ctx) {
    const { monthlyCard } = sfCredentials(account);
    // No businessType: SF then quotes every product for the lane, which is what we compare.
    const payload = {
      srcAddress: sfAddress(input.sender),
      destAddress: sfAddress(input.recipient),
      weight: input.weightG / 1000,
      consignedTime: sfLocalTime(input.shipAt),
      searchPrice: 1,
      monthlyCard,
    };
    return sfRequest(SF_SERVICE.queryDeliverTm, payload, account, ctx);
  },
  parse(response, input) {
    return (sfParse(response, deliverTmSchema).deliverTmDto ?? []).map((product) => {
      const fee = product.fee === "" ? Number.NaN : Number(product.fee ?? Number.NaN);
      // deliverTime may be a "from,to" range; the promise is its first (earliest) bound.
      const delivered = sfTimeToIso(product.deliverTime?.split(",")[0] ?? "");
      return {
        productCode: String(product.businessType),
        productName: product.businessTypeDesc ?? undefined,
        priceFen: Number.isFinite(fee) ? Math.round(fee * 100) : undefined,
        promisedHours:
          delivered === undefined
            ? undefined
            : Math.round((Date.parse(delivered) - input.shipAt.getTime()) / 3_600_000),
      };
    });
  },
};
