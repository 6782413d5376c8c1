import type { WaybillOrder } from "./contract";

/**
 * The sample shipment for dry runs and sandbox test waybills: realistic Chinese data, including
 * characters that expose encoding mistakes (spaces, full-width punctuation, 号/路).
 */
export function sampleOrder(now: Date): WaybillOrder {
  return {
    orderId: `SAMPLE${now.getTime()}`,
    sender: {
      name: "王仓管",
      mobile: "13800138000",
      company: "杭州示例电商仓",
      province: "浙江省",
      city: "杭州市",
      district: "余杭区",
      address: "仓前街道文一西路 1500 号 3 号库",
    },
    recipient: {
      name: "张三",
      mobile: "13912345678",
      province: "广东省",
      city: "深圳市",
      district: "南山区",
      address: "科技园科苑路 15 号（南门）",
    },
    weightG: 1200,
    lengthMm: 300,
    widthMm: 200,
    heightMm: 150,
    goods: [{ name: "保温杯 500ml", quantity: 2, unitValueFen: 8900 }],
    remark: "易碎，轻放",
  };
}
