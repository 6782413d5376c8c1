import { readFile } from "node:fs/promises";
import iconv from "iconv-lite";
import { expect, test } from "./fixtures";

/** A Taobao (千牛) order report, as the platform exports it: GBK, quoted cells, one row per item. */
const headers = [
  "订单编号",
  "买家会员名",
  "收货人姓名",
  "收货地址",
  "联系手机",
  "宝贝标题",
  "商家编码",
  "购买数量",
  "订单付款时间",
  "买家留言",
];
const run = Date.now().toString().slice(-8);
const good = [
  [
    `37${run}0001`,
    "tb_a",
    "张三",
    "浙江省 杭州市 西湖区 文三路100号",
    "13800138000",
    "意式拼配豆 500g",
    "MT-BEAN-500",
    "2",
    "2026-11-24 10:00:00",
    "尽快发货",
  ],
  [
    `37${run}0001`,
    "tb_a",
    "张三",
    "浙江省 杭州市 西湖区 文三路100号",
    "13800138000",
    "陶瓷马克杯",
    "MT-MUG",
    "1",
    "2026-11-24 10:00:00",
    "尽快发货",
  ],
  [
    `37${run}0002`,
    "tb_b",
    "李四",
    "广东省深圳市南山区科技园南区1栋",
    "13900139000",
    "挂耳咖啡 10片",
    "MT-DRIP-10",
    "3",
    "2026-11-24 11:30:00",
    "",
  ],
];
const bad = [
  [
    `37${run}0003`,
    "tb_c",
    "王五",
    "北京市朝阳区建国路88号",
    "138****5678",
    "冷萃咖啡",
    "MT-COLD",
    "1",
    "2026-11-24 12:00:00",
    "",
  ],
  [
    `37${run}0004`,
    "tb_d",
    "赵六",
    "火星省奥林匹斯市1号",
    "13700137000",
    "冷萃咖啡",
    "MT-COLD",
    "1",
    "2026-11-24 12:00:00",
    "",
  ],
];
const gbkCsv = (rows: string[][]) =>
  iconv.encode([headers, ...rows].map((r) => r.map((c) => `"${c}"`).join(",")).join("\r\n"), "gbk");

test("imports a platform export, hands back the bad rows, and takes them fixed", async ({
  page,
  signedInAs,
}) => {
  await signedInAs("warehouse");
  await page
    .getByRole("navigation", { name: "主导航" })
    .getByRole("link", { name: "订单导入" })
    .click();
  await page.getByLabel("店铺").selectOption("demo-shop");
  await page.getByLabel("订单文件").setInputFiles({
    name: "淘宝订单.csv",
    mimeType: "text/csv",
    buffer: gbkCsv([...good, ...bad]),
  });

  await expect(page.getByTestId("count-total")).toHaveText("5");
  await expect(page.getByTestId("count-valid")).toHaveText("3");
  await expect(page.getByTestId("count-rejected")).toHaveText("2");
  await expect(page.getByText("手机号无效").first()).toBeVisible();
  await expect(page.getByText("地址无法识别").first()).toBeVisible();

  const downloadPromise = page.waitForEvent("download");
  await page
    .getByRole("link", { name: "下载错误行" })
    .or(page.getByRole("button", { name: "下载错误行" }))
    .click();
  const download = await downloadPromise;
  const rejected = iconv.decode(await readFile(await download.path()), "gb18030");
  const lines = rejected.trim().split(/\r?\n/);
  expect(lines[0]).toContain("错误原因");
  expect(lines).toHaveLength(3);

  await page.getByRole("button", { name: /^导入/ }).click();
  await expect(page.getByTestId("count-created")).toHaveText("2");

  // The file is kept for audit exactly as uploaded.
  const originalPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载原文件", exact: true }).click();
  const original = await readFile(await (await originalPromise).path());
  expect(original.equals(gbkCsv([...good, ...bad]))).toBe(true);

  // Fix the two rows in the returned file (drop the error column) and import them.
  const fixed = lines.slice(1).map((l) => {
    const cells = l.split(",").map((c) => c.replace(/^"|"$/g, ""));
    cells.pop();
    return cells;
  });
  fixed[0]![4] = "13800001234";
  fixed[1]![3] = "北京市海淀区中关村大街1号";
  await page.goto("/imports");
  await page.getByLabel("店铺").selectOption("demo-shop");
  await page
    .getByLabel("订单文件")
    .setInputFiles({ name: "淘宝订单-已修正.csv", mimeType: "text/csv", buffer: gbkCsv(fixed) });
  await expect(page.getByTestId("count-valid")).toHaveText("2");
  await expect(page.getByTestId("count-rejected")).toHaveText("0");
  await page.getByRole("button", { name: /^导入/ }).click();
  await expect(page.getByTestId("count-created")).toHaveText("2");

  // The original file again: everything already imported, nothing new.
  await page.goto("/imports");
  await page.getByLabel("店铺").selectOption("demo-shop");
  await page.getByLabel("订单文件").setInputFiles({
    name: "淘宝订单.csv",
    mimeType: "text/csv",
    buffer: gbkCsv([...good, ...bad]),
  });
  await expect(page.getByTestId("count-skipped")).toHaveText("3");
  await expect(page.getByTestId("count-valid")).toHaveText("0");
});
