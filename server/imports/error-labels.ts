import type { RowErrorCode } from "./rows";

/**
 * Short labels for row errors in the rejected-rows file, in the downloader's language. The detail
 * after the label is the validator's own message, which names the exact value and fix.
 */
export const rowErrorLabels: Record<RowErrorCode, { "zh-CN": string; en: string }> = {
  missing_field: { "zh-CN": "缺少必填项", en: "Missing field" },
  invalid_mobile: { "zh-CN": "手机号无效", en: "Invalid mobile" },
  unknown_region: { "zh-CN": "地址无法识别", en: "Unknown region" },
  bad_quantity: { "zh-CN": "数量有误", en: "Bad quantity" },
  bad_weight: { "zh-CN": "重量有误", en: "Bad weight" },
  bad_price: { "zh-CN": "价格有误", en: "Bad price" },
  bad_date: { "zh-CN": "时间格式有误", en: "Bad date" },
  bad_flag: { "zh-CN": "是/否取值有误", en: "Bad yes/no value" },
  duplicate_in_file: { "zh-CN": "文件内重复", en: "Duplicate in file" },
  conflicting_order: { "zh-CN": "同一订单收件信息不一致", en: "Conflicting order rows" },
  order_has_errors: { "zh-CN": "同一订单其他行有误", en: "Other rows of the order have errors" },
  already_imported: { "zh-CN": "已导入", en: "Already imported" },
};

export const errorColumnHeader = { "zh-CN": "错误原因", en: "Errors" } as const;
