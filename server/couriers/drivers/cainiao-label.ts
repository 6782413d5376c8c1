/**
 * The TMS_WAYBILL_GET request body and the reading of its reply (PROTOCOLS.md §9 names the
 * msg_type; the fields follow Cainiao's cloud-print e-waybill API as public clients send it [?]).
 * The reply carries one `waybillCloudPrintResponseList` item per order, whose `printData` is the
 * cloud-print JSON; its `data.routingInfo` holds the 大头笔 (`sortation.name`), the 集包地
 * (`consolidation.name`) and the route code when the data is not encrypted.
 */
import { z } from "zod";
import type {
  CourierAccountConfig,
  Party,
  WaybillOrder,
  WaybillResult,
} from "@/server/couriers/contract";
import { cainiaoMalformed } from "./cainiao-errors";

const address = (p: Party) => ({
  province: p.province,
  city: p.city,
  district: p.district,
  detail: p.address,
});

const contact = (p: Party) => ({ name: p.name, mobile: p.mobile, address: address(p) });

/**
 * The request body: one trade order, our order id as both the trade order number and the
 * package id, weight in grams, and `needEncrypt` false so the label data comes back readable.
 * `templateUrl` and `userId` are sent when the account configures them.
 */
export function cainiaoWaybillPayload(
  order: WaybillOrder,
  cpCode: string,
  account: CourierAccountConfig,
) {
  const { templateUrl, userId } = account.credentials;
  return {
    cpCode,
    sender: contact(order.sender),
    tradeOrderInfoDtos: [
      {
        objectId: "1",
        orderInfo: { orderChannelsType: "OTHERS", tradeOrderList: [order.orderId] },
        packageInfo: {
          id: order.orderId,
          items: order.goods.map((item) => ({ name: item.name, count: item.quantity })),
          weight: order.weightG,
        },
        recipient: contact(order.recipient),
        ...(templateUrl ? { templateUrl } : {}),
        ...(userId && /^\d+$/.test(userId) ? { userId: Number(userId) } : {}),
      },
    ],
    needEncrypt: false,
  };
}

/** The TMS_WAYBILL_GET reply: at least one issued waybill. */
export const waybillReplySchema = z.looseObject({
  waybillCloudPrintResponseList: z
    .array(
      z.looseObject({
        objectId: z.string().nullish(),
        waybillCode: z.string().min(1),
        printData: z.string().nullish(),
      }),
    )
    .min(1),
});

const named = z.object({ name: z.string().nullish(), code: z.string().nullish() }).nullish();
const printDataSchema = z.looseObject({
  templateURL: z.string().nullish(),
  data: z
    .looseObject({
      routingInfo: z
        .looseObject({
          sortation: named,
          consolidation: named,
          origin: named,
          routeCode: z.string().nullish(),
        })
        .nullish(),
    })
    .nullish(),
});

function readPrintData(text: string | null | undefined): z.infer<typeof printDataSchema> {
  if (!text) return {};
  try {
    const parsed = printDataSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    // Encrypted or otherwise opaque print data still prints; only the routing is unknown.
    return {};
  }
}

/** The waybill of the reply's first item, with the routing read from its print data. */
export function cainiaoWaybillResult(reply: z.infer<typeof waybillReplySchema>): WaybillResult {
  const item = reply.waybillCloudPrintResponseList[0];
  if (!item) throw cainiaoMalformed("TMS_WAYBILL_GET reply without a waybill");
  const print = readPrintData(item.printData);
  const routing = print.data?.routingInfo;
  const fields = {
    printData: item.printData,
    templateURL: print.templateURL,
    routeCode: routing?.routeCode,
    consolidationCode: routing?.consolidation?.code,
  };
  const labelData: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (value) labelData[key] = value;
  return {
    trackingNo: item.waybillCode,
    sortingCode: routing?.sortation?.name || undefined,
    packageCenter: routing?.consolidation?.name || undefined,
    originCode: routing?.origin?.code || undefined,
    labelData,
  };
}
