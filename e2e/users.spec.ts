import { expect, signIn, test } from "./fixtures";

test("an admin creates a user, who can then sign in with the right menu; deactivation locks them out", async ({
  page,
  browser,
  signedInAs,
}) => {
  await signedInAs("admin");
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "新建用户" }).click();
  const dialog = page.getByRole("dialog", { name: "新建用户" });
  await dialog.getByRole("button", { name: "新建" }).click();
  await expect(dialog.getByText("必填")).toBeVisible();
  await expect(dialog.getByText("请输入有效的邮箱地址")).toBeVisible();

  await dialog.getByLabel("姓名").fill("赵打包");
  await dialog.getByLabel("邮箱").fill("packer@demo.local");
  await dialog.getByLabel("角色").selectOption("warehouse");
  await dialog.getByLabel("初始密码").fill("packer-password");
  await dialog.getByRole("button", { name: "新建" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId("user-row-packer@demo.local");
  await expect(row).toContainText("赵打包");

  const other = await browser.newContext();
  const packer = await other.newPage();
  await packer.goto("/sign-in");
  await packer.getByLabel("邮箱").fill("packer@demo.local");
  await packer.getByLabel("密码").fill("packer-password");
  await packer.getByRole("button", { name: "登录" }).click();
  await expect(packer.getByRole("navigation", { name: "主导航" }).getByRole("link")).toHaveText([
    "工作台",
    "订单导入",
    "发货",
    "打印",
    "运费计算",
  ]);

  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "停用" }).click();
  await expect(row).toContainText("已停用");

  await packer.reload();
  await expect(packer).toHaveURL(/\/sign-in$/);
  await packer.getByLabel("邮箱").fill("packer@demo.local");
  await packer.getByLabel("密码").fill("packer-password");
  await packer.getByRole("button", { name: "登录" }).click();
  await expect(
    packer.getByRole("alert").filter({ hasText: "该账号已停用，请联系管理员。" }),
  ).toBeVisible();
  await other.close();

  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: "停用用户" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "新建用户" }).first()).toBeVisible();
});

test("a manager may read the audit log but not manage users", async ({ page }) => {
  await signIn(page, "manager");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/settings");
  await expect(page.getByRole("link", { name: /审计日志/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /^用户/ })).toHaveCount(0);
  const res = await page.goto("/settings/users");
  expect(res?.status()).toBe(403);
});
