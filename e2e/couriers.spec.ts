import { expect, test } from "./fixtures";

test("an admin sees the demo sandbox accounts masked and adds an SF account", async ({
  page,
  signedInAs,
}) => {
  await signedInAs("admin");
  await page.goto("/settings");
  await page.getByRole("link", { name: /快递账号/ }).click();
  await expect(page.getByRole("heading", { name: "快递账号", level: 1 })).toBeVisible();

  const sf = page.getByTestId("account-sandbox-sf");
  await expect(sf).toContainText("EXPRESS_DEMO");
  await expect(sf).toContainText("sand••••cdef");
  await expect(sf).not.toContainText("sandboxCheckWord0123456789abcdef");
  await expect(sf.getByRole("button", { name: /\/api\/couriers\/sandbox-sf\/push/ })).toBeVisible();

  // Test connection: the real SF driver over HTTP against the console's own courier sandbox.
  await sf.getByRole("button", { name: "测试连接" }).click();
  await expect(page.getByText(/顺丰速运 沙箱：连接正常/)).toBeVisible();

  await page.getByRole("button", { name: "新建账号" }).click();
  const dialog = page.getByRole("dialog", { name: "新建账号" });
  await dialog.getByLabel("快递公司").selectOption("sf");
  await dialog.getByLabel("账号 ID").fill("SF Main");
  await dialog.getByLabel("名称").fill("顺丰月结主账号");
  await dialog.getByRole("button", { name: "新建" }).click();
  await expect(dialog.getByText("小写字母、数字和连字符，3–40 个字符")).toBeVisible();
  await expect(dialog.getByText("必填")).toHaveCount(3);

  await dialog.getByLabel("账号 ID").fill("sf-main");
  await dialog.getByLabel("partnerID").fill("MY_PARTNER");
  await dialog.getByLabel("checkWord").fill("myCheckWord-abcdefghijklmnop1234");
  await dialog.getByLabel("monthlyCard").fill("7550000000");
  await dialog.getByRole("button", { name: "新建" }).click();
  await expect(dialog).toBeHidden();
  const created = page.getByTestId("account-sf-main");
  await expect(created).toContainText("myCh••••1234");
  await expect(created).toContainText("MY_PARTNER");

  // A customer code SF never issued: refused as an account problem (A1004).
  await created.getByRole("button", { name: "测试连接" }).click();
  await expect(page.getByText("顺丰月结主账号：账号无权限或环境不符（沙箱 / 生产）")).toBeVisible();

  await created.getByRole("button", { name: "停用" }).click();
  await expect(created).toContainText("已停用");
});

test("a manager sees courier accounts read-only", async ({ page, signedInAs }) => {
  await signedInAs("manager");
  await page.goto("/settings/couriers");
  await expect(page.getByTestId("account-sandbox-sf")).toBeVisible();
  await expect(page.getByRole("button", { name: "新建账号" })).toHaveCount(0);
});
