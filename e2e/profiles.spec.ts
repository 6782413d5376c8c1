import { expect, test } from "./fixtures";

test("an admin adds a courier by profile, previews its signed request, and issues a waybill with it against the sandbox", async ({
  page,
  signedInAs,
  baseURL,
}) => {
  await signedInAs("admin");
  await page.goto("/settings/couriers/profiles");
  await expect(
    page.getByRole("heading", { name: "快递配置（免开发接入）", level: 1 }),
  ).toBeVisible();
  const list = page.getByRole("list", { name: "配置" });
  await expect(list.getByRole("button", { name: /韵达快递/ })).toContainText("内置");

  // Start from the built-in Yunda profile and make it a courier of our own.
  await list.getByRole("button", { name: /韵达快递/ }).click();
  const editor = page.getByLabel("配置 JSON");
  const yunda = JSON.parse(await editor.inputValue()) as Record<string, unknown>;

  await editor.fill(
    JSON.stringify(
      {
        ...yunda,
        code: "ydpartner",
        nameZh: "韵达合作网点",
        nameEn: "Yunda partner",
        statusMap: { X: "NOT_A_STATUS" },
      },
      null,
      2,
    ),
  );
  await page.getByRole("button", { name: "保存配置" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "配置有误" })).toContainText("statusMap");

  await editor.fill(
    JSON.stringify(
      { ...yunda, code: "ydpartner", nameZh: "韵达合作网点", nameEn: "Yunda partner" },
      null,
      2,
    ),
  );
  await page.getByLabel("appKey").fill("express-demo-yunda");
  await page.getByLabel("appSecret").fill("sandbox-yunda-app-secret-00000000");
  await page.getByLabel("partnerId").fill("201700101001");
  await page.getByLabel("secret", { exact: true }).fill("sandbox-bm-pass");
  await page.getByRole("button", { name: "预览请求（试运行）" }).click();
  await expect(page.getByTestId("dry-run-line")).toContainText("POST https://courier.example/");
  await expect(page.getByTestId("dry-run-body")).toContainText("张三");
  await expect(page.getByTestId("dry-run-headers")).toContainText(/sign: [0-9a-f]{32}/);

  await page.getByRole("button", { name: "保存配置" }).click();
  await expect(page.getByText("已保存配置 ydpartner")).toBeVisible();
  await expect(list.getByRole("button", { name: /韵达合作网点/ })).toContainText("自定义");

  // An account for the new courier, pointed at the built-in Yunda sandbox.
  await page.goto("/settings/couriers");
  await page.getByRole("button", { name: "新建账号" }).click();
  const dialog = page.getByRole("dialog", { name: "新建账号" });
  await dialog.getByLabel("快递公司").selectOption("ydpartner");
  await dialog.getByLabel("账号 ID").fill("ydpartner-sandbox");
  await dialog.getByLabel("名称").fill("韵达合作 沙箱");
  await dialog.getByLabel("接口地址（可选，覆盖默认）").fill(`${baseURL}/api/sandbox/yunda`);
  await dialog.getByLabel("appKey").fill("express-demo-yunda");
  await dialog.getByLabel("appSecret").fill("sandbox-yunda-app-secret-00000000");
  await dialog.getByLabel("partnerId").fill("201700101001");
  await dialog.getByLabel("secret", { exact: true }).fill("sandbox-bm-pass");
  await dialog.getByRole("button", { name: "新建" }).click();
  await expect(dialog).toBeHidden();

  const account = page.getByTestId("account-ydpartner-sandbox");
  await account.getByRole("button", { name: "测试连接" }).click();
  await expect(page.getByText(/韵达合作 沙箱：连接正常/)).toBeVisible();
  await account.getByRole("button", { name: "试下单" }).click();
  await expect(page.getByText(/韵达合作 沙箱：运单号 4312\d{9}/)).toBeVisible();
});
