import { writeTable, type TableFormat } from "./table";

/** Header row of our downloadable template, in column order. */
export const templateHeaders: readonly string[] = [
  "订单号",
  "收件人",
  "手机号",
  "省",
  "市",
  "区",
  "详细地址",
  "完整地址",
  "SKU",
  "商品名称",
  "条码",
  "数量",
  "单价(元)",
  "重量(克)",
  "虚拟商品(是/否)",
  "买家留言",
  "商家备注",
  "付款时间",
  "店铺",
];

/**
 * Two example rows: one with the structured address, one with only 完整地址, which is how the
 * template shows that either form works. The sample mobile 13800138000 is the well-known
 * documentation number. XLSX by default because Excel keeps long order numbers as typed text
 * there; the CSV variant is UTF-8 with BOM so Excel on Windows opens the Chinese correctly.
 */
export function templateFile(format: TableFormat = "xlsx"): Promise<Uint8Array> {
  const examples: Record<string, string>[] = [
    {
      订单号: "EC202406180001",
      收件人: "张三",
      手机号: "13800138000",
      省: "浙江省",
      市: "杭州市",
      区: "西湖区",
      详细地址: "文三路 90 号 8 幢 501",
      SKU: "TSHIRT-W-M",
      商品名称: "纯棉T恤 白色 M",
      条码: "6901234567892",
      数量: "2",
      "单价(元)": "59.90",
      "重量(克)": "250",
      "虚拟商品(是/否)": "否",
      买家留言: "请尽快发货",
      付款时间: "2024-06-18 20:15:00",
      店铺: "旗舰店",
    },
    {
      订单号: "EC202406180002",
      收件人: "李四",
      手机号: "13900139000",
      完整地址: "广东省深圳市南山区科技园南区 1 栋 3 层",
      SKU: "GIFTCARD-100",
      商品名称: "100元电子礼品卡",
      数量: "1",
      "单价(元)": "100.00",
      "虚拟商品(是/否)": "是",
      商家备注: "VIP 客户",
      付款时间: "2024-06-18 21:03:27",
      店铺: "旗舰店",
    },
  ];
  return writeTable({
    format,
    encoding: format === "csv" ? "utf-8-bom" : null,
    headers: [...templateHeaders],
    rows: examples.map((example) => templateHeaders.map((h) => example[h] ?? "")),
  });
}
