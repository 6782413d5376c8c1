import enApi from "./en/api.json";
import enAssignment from "./en/assignment.json";
import enBase from "./en/base.json";
import enFreight from "./en/freight.json";
import enImports from "./en/imports.json";
import enOrders from "./en/orders.json";
import enPrinting from "./en/printing.json";
import enSettingsOrders from "./en/settings-orders.json";
import enShipping from "./en/shipping.json";
import enWaybills from "./en/waybills.json";
import zhApi from "./zh-CN/api.json";
import zhAssignment from "./zh-CN/assignment.json";
import zhBase from "./zh-CN/base.json";
import zhFreight from "./zh-CN/freight.json";
import zhImports from "./zh-CN/imports.json";
import zhOrders from "./zh-CN/orders.json";
import zhPrinting from "./zh-CN/printing.json";
import zhSettingsOrders from "./zh-CN/settings-orders.json";
import zhShipping from "./zh-CN/shipping.json";
import zhWaybills from "./zh-CN/waybills.json";
import type { Locale } from "../config";

type Messages = Record<string, unknown>;

/**
 * One catalogue per feature and language, merged at the top level (each feature file owns its own
 * top-level keys), so features can grow their texts without touching one giant file.
 */
function merge(...parts: Messages[]): Messages {
  const out: Messages = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      if (k in out) throw new Error(`Message namespace "${k}" is defined twice`);
      out[k] = v;
    }
  }
  return out;
}

export const catalogues: Record<Locale, Messages> = {
  "zh-CN": merge(
    zhBase,
    zhOrders,
    zhShipping,
    zhImports,
    zhSettingsOrders,
    zhApi,
    zhWaybills,
    zhPrinting,
    zhFreight,
    zhAssignment,
  ),
  en: merge(
    enBase,
    enOrders,
    enShipping,
    enImports,
    enSettingsOrders,
    enApi,
    enWaybills,
    enPrinting,
    enFreight,
    enAssignment,
  ),
};
