/**
 * The waybill part of SF's create-order and order-search replies (PROTOCOLS.md §1.4): the master
 * waybill number and the route label printed on the parcel.
 */
import { z } from "zod";
import { CourierError, type WaybillResult, type WireResponse } from "@/server/couriers/contract";
import { sfMalformed, sfParse } from "./sf-wire";

const waybillSchema = z.object({
  orderId: z.string().nullish(),
  originCode: z.string().nullish(),
  destCode: z.string().nullish(),
  filterResult: z.union([z.number(), z.string()]).nullish(),
  remark: z.string().nullish(),
  waybillNoInfoList: z
    .array(z.object({ waybillType: z.union([z.number(), z.string()]), waybillNo: z.string() }))
    .nullish(),
  routeLabelInfo: z
    .array(
      z.object({
        code: z.union([z.string(), z.number()]).nullish(),
        routeLabelData: z.record(z.string(), z.unknown()).nullish(),
        message: z.string().nullish(),
      }),
    )
    .nullish(),
});

/** Shared by create and order search: both answer with the order's waybills and route label. */
function toWaybillResult(data: z.infer<typeof waybillSchema>): WaybillResult {
  // filterResult 3 = not serviceable (筛单, §1.4): a waybill for it would never be delivered.
  if (String(data.filterResult) === "3") {
    throw new CourierError(
      "UNSERVICEABLE",
      "FILTER_3",
      "SF does not serve this address: choose another courier",
      data.remark || undefined,
    );
  }
  // waybillType 1 = master; 2 child and 3 sign-back are not what goes on the parcel.
  const master = data.waybillNoInfoList?.find((w) => String(w.waybillType) === "1");
  if (!master) throw sfMalformed(`no master waybill in ${JSON.stringify(data)}`);
  // routeLabelInfo code "1000" = label computed; otherwise `message` says why and there is none.
  const label =
    data.routeLabelInfo?.find(
      (info) => info.routeLabelData && String(info.code ?? "1000") === "1000",
    )?.routeLabelData ?? {};
  const labelData: Record<string, string> = {};
  for (const [key, value] of Object.entries(label)) {
    if (key === "waybillNo") continue;
    if (typeof value === "string" || typeof value === "number") labelData[key] = String(value);
  }
  return {
    trackingNo: master.waybillNo,
    // destRouteLabel (e.g. "020W-F0-CK") is the large routing code printed on SF labels.
    sortingCode: labelData.destRouteLabel || undefined,
    // SF labels have no 集包地 field; the destination transfer hub is where parcels are bagged to.
    packageCenter: labelData.destTransferCode || undefined,
    originCode: data.originCode || labelData.sourceCityCode || undefined,
    destCode: data.destCode || labelData.destCityCode || undefined,
    labelData,
  };
}

/** The WaybillResult of a create-order or order-search reply, or the mapped CourierError. */
export const sfWaybillResult = (response: WireResponse): WaybillResult =>
  toWaybillResult(sfParse(response, waybillSchema));
