import {
  FIELDS,
  REQUIRED_FIELDS,
  STRUCTURED_ADDRESS,
  type ColumnMapping,
  type Field,
} from "./fields";

// Re-exported so callers keep one import site for everything about columns.
export { FIELD_LABELS, FIELDS, REQUIRED_FIELDS, type ColumnMapping, type Field } from "./fields";
export { templateFile, templateHeaders } from "./template";

export type PresetId = "taobao" | "jd" | "pdd" | "douyin" | "express-console";
export type Preset = {
  id: PresetId;
  label: { zh: string; en: string };
  /** Header aliases per field, most specific first. Compared after normalizeHeader. */
  columns: Partial<Record<Field, string[]>>;
};

/*
 * Header names were checked against public code that parses real exports (importers, ERP
 * adapters, analysis scripts found via code search), not against the live back offices, which
 * need a seller login. Platforms rename columns every few years, so each preset lists old and
 * new names; anything else can still be mapped by hand.
 */
export const PRESETS: readonly Preset[] = [
  {
    // 千牛/卖家中心「已卖出的宝贝 → 批量导出」订单报表 (one row per order) and 宝贝报表 (one row
    // per item: 标题, 价格, 购买数量, 外部系统编号, 商家编码), often merged by sellers.
    id: "taobao",
    label: { zh: "淘宝/天猫（千牛订单报表）", en: "Taobao / Tmall (Qianniu order report)" },
    columns: {
      orderNo: ["订单编号", "主订单编号"],
      recipientName: ["收货人姓名"],
      recipientMobile: ["联系手机", "联系电话"],
      fullAddress: ["收货地址"],
      sku: ["商家编码", "外部系统编号"],
      itemName: ["宝贝标题", "商品标题", "标题"],
      quantity: ["购买数量", "宝贝总数量"],
      unitPrice: ["价格", "商品价格"],
      buyerRemark: ["买家留言", "主订单买家留言"],
      sellerRemark: ["订单备注", "商家备注"],
      paidAt: ["订单付款时间"],
      shopName: ["店铺名称"],
    },
  },
  {
    // 京东商家后台「订单管理 → 订单导出」. 订单备注 is the customer's note; 商家SKUID/货号 are
    // the merchant's own codes (often blank), 商品ID is JD's SKU id.
    id: "jd",
    label: { zh: "京东（商家后台订单导出）", en: "JD (merchant back office export)" },
    columns: {
      orderNo: ["订单号"],
      recipientName: ["客户姓名"],
      recipientMobile: ["联系电话"],
      fullAddress: ["客户地址"],
      sku: ["商家SKUID", "货号", "商品ID"],
      itemName: ["商品名称"],
      quantity: ["订购数量"],
      unitPrice: ["京东价"],
      buyerRemark: ["订单备注"],
      sellerRemark: ["商家备注"],
      paidAt: ["付款确认时间"],
      shopName: ["店铺名称"],
    },
  },
  {
    // 拼多多商家后台「订单查询 → 导出」. Older exports carry 收货人/手机/省/市/区/街道, where 街道
    // holds the street address; current ones drop name and phone for privacy and only keep
    // 街道/镇, so detection still works and missingRequired tells the user what is absent.
    id: "pdd",
    label: { zh: "拼多多（订单查询导出）", en: "Pinduoduo (order search export)" },
    columns: {
      orderNo: ["订单号"],
      recipientName: ["收货人", "收货人姓名"],
      recipientMobile: ["手机", "收货人手机", "收货人电话"],
      fullAddress: ["收货地址"],
      province: ["省"],
      city: ["市"],
      county: ["区"],
      addressDetail: ["详细地址", "街道", "街道/镇"],
      street: ["街道", "街道/镇"],
      sku: ["商家编码-SKU维度", "商家编码-规格维度", "商家编码-商品维度"],
      itemName: ["商品", "商品名称"],
      quantity: ["商品数量(件)"],
      buyerRemark: ["买家留言"],
      sellerRemark: ["商家备注"],
      paidAt: ["支付时间"],
      shopName: ["店铺名称"],
    },
  },
  {
    // 抖店「订单管理 → 批量导出」: one row per 子订单 (item); 主订单编号 groups them.
    id: "douyin",
    label: { zh: "抖店（订单批量导出）", en: "Douyin shop (order export)" },
    columns: {
      orderNo: ["主订单编号"],
      recipientName: ["收件人", "收件人姓名"],
      recipientMobile: ["收件人手机号", "收件人电话"],
      fullAddress: ["收件地址"],
      province: ["省"],
      city: ["市"],
      county: ["区"],
      addressDetail: ["详细地址"],
      street: ["街道"],
      sku: ["商家编码"],
      itemName: ["选购商品", "商品名称"],
      quantity: ["商品数量"],
      unitPrice: ["商品单价"],
      buyerRemark: ["买家留言"],
      sellerRemark: ["商家备注"],
      paidAt: ["支付完成时间"],
      shopName: ["店铺名称"],
    },
  },
  {
    // Our own template (see templateHeaders); English aliases for hand-made sheets.
    id: "express-console",
    label: { zh: "快递控制台导入模板", en: "Express console template" },
    columns: {
      orderNo: ["订单号", "Order No", "Order number"],
      recipientName: ["收件人", "Recipient"],
      recipientMobile: ["手机号", "Mobile"],
      fullAddress: ["完整地址", "Full address"],
      province: ["省", "Province"],
      city: ["市", "City"],
      county: ["区", "District", "County"],
      addressDetail: ["详细地址", "Address"],
      sku: ["SKU"],
      itemName: ["商品名称", "Item name"],
      barcode: ["条码", "Barcode"],
      quantity: ["数量", "Quantity"],
      unitPrice: ["单价(元)", "单价", "Unit price"],
      weightG: ["重量(克)", "重量", "Weight (g)", "Weight"],
      isVirtual: ["虚拟商品(是/否)", "虚拟商品", "Virtual"],
      buyerRemark: ["买家留言", "Buyer remark"],
      sellerRemark: ["商家备注", "Seller remark"],
      paidAt: ["付款时间", "Paid at"],
      shopName: ["店铺", "Shop"],
    },
  },
];

/**
 * Header text as compared: NFKC folds full-width （元） and Ａ to ASCII, whitespace and the
 * "*" that templates put on required columns are dropped, Latin letters are lower-cased.
 */
export function normalizeHeader(header: string): string {
  return header.normalize("NFKC").replace(/[\s*]/g, "").toLowerCase();
}

/** Maps fields to columns: for each field, the first alias present and not already taken. */
export function mappingFor(preset: Preset, headers: string[]): ColumnMapping {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of FIELDS) {
    for (const alias of preset.columns[field] ?? []) {
      const i = index.get(normalizeHeader(alias));
      if (i !== undefined && !taken.has(i)) {
        mapping[field] = i;
        taken.add(i);
        break;
      }
    }
  }
  return mapping;
}

/**
 * Required fields the mapping lacks. For the address: nothing mapped → ["fullAddress"];
 * some structured parts mapped → the missing parts (the user is evidently going that way).
 */
export function missingRequired(mapping: ColumnMapping): Field[] {
  const missing: Field[] = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  if (mapping.fullAddress === undefined) {
    const absent = STRUCTURED_ADDRESS.filter((f) => mapping[f] === undefined);
    if (absent.length === STRUCTURED_ADDRESS.length) missing.push("fullAddress");
    else missing.push(...absent);
  }
  return missing;
}

/** Required groups: the six required fields plus "an address". */
const REQUIRED_GROUPS = REQUIRED_FIELDS.length + 1;

/**
 * Best preset for a header row by how many required groups it covers; ties go to the one that
 * maps more columns, then to list order (platforms before our permissive template). Returns
 * null below a majority of required groups: then it is not that export and the user maps by
 * hand. A majority (not all) so a PDD export without recipient columns is still recognised.
 */
export function detectPreset(headers: string[]): Preset | null {
  let best: { preset: Preset; covered: number; mapped: number } | null = null;
  for (const preset of PRESETS) {
    const mapping = mappingFor(preset, headers);
    const covered = coveredGroups(mapping);
    const mapped = Object.keys(mapping).length;
    if (!best || covered > best.covered || (covered === best.covered && mapped > best.mapped)) {
      best = { preset, covered, mapped };
    }
  }
  return best && best.covered * 2 > REQUIRED_GROUPS ? best.preset : null;
}

function coveredGroups(mapping: ColumnMapping): number {
  const fields = REQUIRED_FIELDS.filter((f) => mapping[f] !== undefined).length;
  const address =
    mapping.fullAddress !== undefined || STRUCTURED_ADDRESS.every((f) => mapping[f] !== undefined);
  return fields + (address ? 1 : 0);
}
