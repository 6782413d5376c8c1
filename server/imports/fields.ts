/**
 * Canonical import fields. `street` (optional) exists because Douyin and some PDD versions
 * export 街道 (town/subdistrict) and 详细地址 as separate columns; dropping 街道 would lose part
 * of the address, so validation prefixes it to `addressDetail`.
 * Order matters for mappingFor: `addressDetail` claims a lone 街道 column before `street` does.
 */
export const FIELDS = [
  "orderNo",
  "recipientName",
  "recipientMobile",
  "fullAddress",
  "province",
  "city",
  "county",
  "addressDetail",
  "street",
  "sku",
  "itemName",
  "barcode",
  "quantity",
  "unitPrice",
  "weightG",
  "isVirtual",
  "buyerRemark",
  "sellerRemark",
  "paidAt",
  "shopName",
] as const;
export type Field = (typeof FIELDS)[number];

/** Column index (0-based, into Table.headers) for each mapped field. */
export type ColumnMapping = Partial<Record<Field, number>>;

export const FIELD_LABELS: Record<Field, { zh: string; en: string }> = {
  orderNo: { zh: "订单号", en: "Order number" },
  recipientName: { zh: "收件人", en: "Recipient name" },
  recipientMobile: { zh: "手机号", en: "Recipient mobile" },
  fullAddress: { zh: "完整地址", en: "Full address" },
  province: { zh: "省", en: "Province" },
  city: { zh: "市", en: "City" },
  county: { zh: "区/县", en: "District/county" },
  addressDetail: { zh: "详细地址", en: "Address detail" },
  street: { zh: "街道/镇", en: "Street/town" },
  sku: { zh: "SKU", en: "SKU" },
  itemName: { zh: "商品名称", en: "Item name" },
  barcode: { zh: "条码", en: "Barcode" },
  quantity: { zh: "数量", en: "Quantity" },
  unitPrice: { zh: "单价(元)", en: "Unit price (yuan)" },
  weightG: { zh: "重量(克)", en: "Weight (g)" },
  isVirtual: { zh: "虚拟商品", en: "Virtual item" },
  buyerRemark: { zh: "买家留言", en: "Buyer remark" },
  sellerRemark: { zh: "商家备注", en: "Seller remark" },
  paidAt: { zh: "付款时间", en: "Paid at" },
  shopName: { zh: "店铺", en: "Shop" },
};

/** Always required; the address is required too, as fullAddress or the four structured parts. */
export const REQUIRED_FIELDS = [
  "orderNo",
  "recipientName",
  "recipientMobile",
  "sku",
  "itemName",
  "quantity",
] as const satisfies readonly Field[];
/** The structured alternative to fullAddress. */
export const STRUCTURED_ADDRESS = ["province", "city", "county", "addressDetail"] as const;
