import { expect, signIn, test, type DemoRole } from "./fixtures";

const navByRole: Record<DemoRole, string[]> = {
  admin: [
    "工作台",
    "订单",
    "订单导入",
    "发货",
    "打印",
    "运费计算",
    "物流跟踪",
    "异常工单",
    "分析",
    "设置",
  ],
  manager: [
    "工作台",
    "订单",
    "订单导入",
    "发货",
    "打印",
    "运费计算",
    "物流跟踪",
    "异常工单",
    "分析",
    "设置",
  ],
  warehouse: ["工作台", "订单导入", "发货", "打印", "运费计算"],
  cs: ["工作台", "订单", "订单导入", "运费计算", "物流跟踪", "异常工单"],
};

for (const [role, items] of Object.entries(navByRole) as [DemoRole, string[]][]) {
  test(`${role} signs in and sees their navigation`, async ({ page, signedInAs }) => {
    await signedInAs(role);
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link")).toHaveText(items);
    await expect(page.getByRole("heading", { name: "工作台", level: 1 })).toBeVisible();
  });
}

test("a role that may not open a page gets 403", async ({ page, signedInAs }) => {
  await signedInAs("warehouse");
  const response = await page.goto("/orders");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  const users = await page.goto("/settings/users");
  expect(users?.status()).toBe(403);
});

test("an anonymous visitor is sent to sign-in, and the API answers 401", async ({
  page,
  request,
}) => {
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/sign-in$/);
  const api = await request.get("/api/trpc/users.list");
  expect(api.status()).toBe(401);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, "cs", "wrong-password");
  await expect(page.getByRole("alert").filter({ hasText: "邮箱或密码不正确。" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("the language switch sticks to the user across sign-outs", async ({ page, signedInAs }) => {
  await signedInAs("manager");
  await page.getByRole("combobox", { name: "语言" }).selectOption("en");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Orders", exact: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.context().clearCookies();
  await signIn(page, "manager");
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();

  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(
    page
      .getByRole("navigation", { name: "主导航" })
      .getByRole("link", { name: "订单", exact: true }),
  ).toBeVisible();
});

test("sign out ends the session", async ({ page, signedInAs }) => {
  await signedInAs("cs");
  await page.getByRole("button", { name: "账号" }).click();
  await page.getByRole("menuitem", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("sign out everywhere ends the other sessions too", async ({ page, browser, signedInAs }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "warehouse");
  await expect(otherPage).toHaveURL(/\/dashboard$/);

  await signedInAs("warehouse");
  await page.getByRole("button", { name: "账号" }).click();
  await page.getByRole("menuitem", { name: "退出所有设备" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await otherPage.goto("/shipping");
  await expect(otherPage).toHaveURL(/\/sign-in$/);
  await other.close();
});
