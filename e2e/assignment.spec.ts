import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { COURIERS, expectedFen, XINJIANG, yuan, type Courier } from "./freight-examples";

const DEMO_KEY = "demo-api-key-0000000000000000";

/** A fresh order of the demo shop (ships from 杭州, objective 最便宜) to Xinjiang: one 1.5 kg item. */
async function xinjiangOrder(request: APIRequestContext, prefix: string) {
  const created = await request.post("/api/v1/orders", {
    headers: { authorization: `Bearer ${DEMO_KEY}` },
    data: {
      shop: "demo-shop",
      platformOrderNo: `${prefix}${Date.now()}`,
      paidAt: new Date().toISOString(),
      recipient: { name: "阿依古丽", mobile: "13899912345", address: XINJIANG },
      items: [
        {
          sku: "E2E-ASSIGN-GRINDER",
          name: "手摇磨豆机",
          quantity: 1,
          unitPriceFen: 8800,
          weightG: 1500,
        },
      ],
    },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as { id: number; parcels: { id: number }[] };
}

/** The calculator's short courier names the explanation uses ("韵达", not "韵达快递"). */
const SHORT_ZH: Record<Courier, string> = {
  sf: "顺丰",
  zto: "中通",
  yto: "圆通",
  yunda: "韵达",
  jt: "极兔",
  ems: "EMS",
  deppon: "德邦",
};
const ACCOUNT_ZH: Record<Courier, string> = {
  sf: "顺丰速运 沙箱",
  zto: "中通快递 沙箱",
  yto: "圆通速递 沙箱",
  yunda: "韵达快递 沙箱",
  jt: "极兔速递 沙箱",
  ems: "EMS 沙箱",
  deppon: "德邦快递 沙箱",
};

test("assigns a parcel on the order page with the objective and the reason, then overrides it only with a reason", async ({
  page,
  request,
  signedInAs,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const order = await xinjiangOrder(request, "ASSIGN");
  const parcel = `P${order.parcels[0]!.id}`;

  // The engine quotes the unpacked parcel at its goods' weight, declared at the goods' value.
  const total = (c: Courier) =>
    expectedFen(c, "remote", { weightG: 1500, declaredFen: 8800 }).total;
  // Ties (圆通 and 中通 both cost the same, both promise 5 days to 偏远) go by account id.
  const ranked = [...COURIERS].sort((a, b) => total(a) - total(b) || a.localeCompare(b));
  const [first, second] = [ranked[0]!, ranked[1]!];

  await signedInAs("manager");
  await page.goto(`/orders/${order.id}`);
  const section = page.getByRole("region", { name: `${parcel} 的快递分配` });
  await expect(section).toContainText("未分配");
  await expect(section).toContainText("尚未分配快递。");
  await section.getByRole("button", { name: "分配快递" }).click();

  // Chosen: the cheapest (the demo shop's objective), in plain words, with its quote breakdown.
  await expect(section.getByText(`${parcel} 快递分配`).locator("..")).toContainText(
    `${ACCOUNT_ZH[first]} · ${first.toUpperCase()}`,
  );
  await expect(section).toContainText(
    `选择 ${SHORT_ZH[first]}：最便宜（${yuan(total(first))}，比次优的${SHORT_ZH[second]}便宜 ${yuan(total(second) - total(first))}）`,
  );
  await expect(section.getByText("最便宜", { exact: true })).toBeVisible();
  await expect(section.getByText("首重 1kg")).toBeVisible();

  // Alternatives in objective order with their prices; couriers without a template excluded.
  const alternatives = section.getByRole("region", { name: "可选快递（按目标排序）" });
  const rows = alternatives.locator("tbody tr");
  await expect(rows).toHaveCount(COURIERS.length);
  for (const [i, c] of ranked.entries()) {
    await expect(rows.nth(i)).toContainText(ACCOUNT_ZH[c]);
    await expect(rows.nth(i)).toContainText(yuan(total(c)));
  }
  const excluded = section.getByRole("region", { name: "已排除" });
  await expect(excluded.locator("li", { hasText: "申通快递 沙箱" })).toContainText(
    "未设置运费模板",
  );

  if (process.env.E2E_SCREENSHOTS) {
    await section.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/assignment.png` });
  }

  // 改派: refused without a reason, recorded with one.
  await section.getByRole("button", { name: "改派" }).click();
  const dialog = page.getByRole("dialog", { name: `改派 ${parcel}` });
  await dialog.getByLabel("快递账号").selectOption({ label: `${ACCOUNT_ZH.sf} (SF)` });
  await dialog.getByRole("button", { name: "确认改派" }).click();
  await expect(dialog.getByText("请填写改派原因")).toBeVisible();
  await dialog.getByLabel("改派原因").fill("   ");
  await dialog.getByRole("button", { name: "确认改派" }).click();
  await expect(dialog.getByText("请填写改派原因")).toBeVisible();

  await dialog.getByLabel("改派原因").fill("客户来电要求顺丰");
  await dialog.getByRole("button", { name: "确认改派" }).click();
  await expect(dialog).toBeHidden();
  await expect(section).toContainText(`${ACCOUNT_ZH.sf} · SF`);
  await expect(section).toContainText("人工改派：客户来电要求顺丰");
  // The engine's view stays available, folded away.
  await expect(section.getByText("系统原本的分配结果")).toBeVisible();

  await page.reload();
  await expect(section).toContainText("人工改派：客户来电要求顺丰");
});

test("the assignment explanation reads in English", async ({ page, request, signedInAs }) => {
  const order = await xinjiangOrder(request, "ASSIGNEN");
  const parcel = `P${order.parcels[0]!.id}`;
  await signedInAs("manager");
  await page.goto(`/orders/${order.id}`);
  await page.getByRole("combobox", { name: "语言" }).selectOption("en");
  try {
    const section = page.getByRole("region", { name: `Courier assignment of ${parcel}` });
    await section.getByRole("button", { name: "Assign courier" }).click();
    await expect(section.getByText("Cheapest", { exact: true })).toBeVisible();
    await expect(section).toContainText("Chose EMS: cheapest");
    await expect(section.getByText("First weight 1kg")).toBeVisible();
    await expect(section.getByRole("region", { name: "Excluded" })).toBeVisible();
    // Account names are the merchant's data and stay as typed; no message key leaks through.
    await expect(section).not.toContainText("assignment.");
  } finally {
    await page.getByRole("combobox", { name: /^(语言|Language)$/ }).selectOption("zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  }
});
