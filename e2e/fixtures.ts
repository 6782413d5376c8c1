import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";
export type DemoRole = "admin" | "manager" | "warehouse" | "cs";

export async function signIn(page: Page, role: DemoRole, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel(/邮箱|Email/).fill(`${role}@demo.local`);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
}

export const test = base.extend<{ signedInAs: (role: DemoRole) => Promise<void> }>({
  signedInAs: async ({ page }, use) => {
    await use(async (role) => {
      await signIn(page, role);
      await expect(page).toHaveURL(/\/dashboard$/);
    });
  },
});

export { expect };
