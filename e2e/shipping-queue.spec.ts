import { expect, test } from "./fixtures";

test("selects every parcel matching the filter, beyond the loaded page", async ({
  page,
  signedInAs,
}) => {
  await signedInAs("warehouse");
  await page.goto("/shipping");
  const rows = page.locator('[data-testid^="parcel-row-P"]');
  await expect(rows).toHaveCount(100);
  await page.getByRole("checkbox", { name: "选择本页全部包裹" }).check();
  await expect(page.getByText(/^已选 100 个包裹/)).toBeVisible();
  await page.getByRole("button", { name: /选择全部符合筛选的包裹/ }).click();
  // The demo seeds 300 orders; every awaiting parcel is now loaded and selected.
  const selected = page.getByText(/^已选 \d+ 个包裹/);
  await expect(selected).not.toHaveText(/^已选 100 个包裹/);
  const count = Number(/已选 (\d+)/.exec((await selected.textContent()) ?? "")![1]);
  expect(count).toBeGreaterThan(100);
  await expect(rows).toHaveCount(count);
  await expect(page.getByRole("button", { name: /选择全部符合筛选的包裹/ })).toHaveCount(0);
});
