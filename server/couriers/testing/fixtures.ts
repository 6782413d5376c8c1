import type { CallContext, Party } from "@/server/couriers/contract";

/**
 * Shared fixtures of the courier driver and sandbox tests: one clock and one sender/recipient
 * pair (the parties of SF's published sample order), so each test states only what it varies.
 */
export const T0 = Date.parse("2025-05-22T09:00:00+08:00");
export const HOUR = 3_600_000;
export const at = (ms: number): CallContext => ({ now: new Date(ms), requestId: `req-${ms}` });

export const demoSender: Party = {
  name: "杨犁",
  mobile: "15685585514",
  province: "广东省",
  city: "广州市",
  district: "黄埔区",
  address: "骏业路255号",
};

export const demoRecipient: Party = {
  name: "董航",
  mobile: "13500000000",
  province: "河南省",
  city: "郑州市",
  district: "高新区",
  address: "科学大道100号",
};
