import { expect, test } from "./fixtures";

const DEMO_KEY = "demo-api-key-0000000000000000";

test("packs an order at the pack station by scanning, refusing a wrong item", async ({
  page,
  request,
  signedInAs,
}) => {
  const platformOrderNo = `PACK${Date.now()}`;
  const created = await request.post("/api/v1/orders", {
    headers: { authorization: `Bearer ${DEMO_KEY}` },
    data: {
      shop: "demo-shop",
      platformOrderNo,
      paidAt: new Date().toISOString(),
      recipient: { name: "钱七", mobile: "13800138123", address: "江苏省南京市鼓楼区中山路1号" },
      items: [
        {
          sku: "E2E-BEAN",
          name: "意式拼配豆 500g",
          barcode: "6970000000011",
          quantity: 2,
          unitPriceFen: 8800,
          weightG: 520,
        },
        {
          sku: "E2E-MUG",
          name: "陶瓷马克杯",
          barcode: "6970000000028",
          quantity: 1,
          unitPriceFen: 3900,
          weightG: 350,
        },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const order = (await created.json()) as { id: number };

  await signedInAs("warehouse");
  await page.goto("/shipping/pack");
  const scan = page.getByLabel("扫描单号或商品条码");
  await scan.fill(platformOrderNo);
  await scan.press("Enter");
  await expect(page.getByText("意式拼配豆 500g")).toBeVisible();

  await scan.fill("6970000000011");
  await scan.press("Enter");
  await scan.fill("6900000009999");
  await scan.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "6900000009999" })).toBeVisible();

  await scan.fill("6970000000011");
  await scan.press("Enter");
  await scan.fill("6970000000028");
  await scan.press("Enter");
  await page.getByLabel("重量（克）").fill("1250");
  await page.getByLabel("长（毫米）").fill("300");
  await page.getByLabel("宽（毫米）").fill("200");
  await page.getByLabel("高（毫米）").fill("150");
  await page.getByRole("button", { name: "完成打包" }).click();

  await expect
    .poll(async () => {
      const res = await request.get(`/api/v1/orders/${order.id}`, {
        headers: { authorization: `Bearer ${DEMO_KEY}` },
      });
      return ((await res.json()) as { status: string }).status;
    })
    .toBe("PACKED");
});
