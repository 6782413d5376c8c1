import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { COURIERS, EXAMPLES, expectedFen, XINJIANG, yuan, type Courier } from "./freight-examples";

/**
 * Issue 6 in the browser: the freight calculator, the template editor and the rate-card preview,
 * with amounts derived from the example templates (see freight-examples.ts).
 */

/** Opens the calculator from the menu, shipping from the Hangzhou warehouse the examples price. */
async function openCalculator(page: Page) {
  await page
    .getByRole("navigation", { name: "主导航" })
    .getByRole("link", { name: "运费计算" })
    .click();
  await expect(page.getByRole("heading", { name: "运费计算器", level: 1 })).toBeVisible();
  await chooseHangzhou(page);
}

async function chooseHangzhou(page: Page) {
  const origin = page.getByLabel("发货仓");
  const hangzhou = origin.locator("option", { hasText: "杭州余杭仓" });
  const value = await hangzhou.getAttribute("value");
  expect(value).toBeTruthy();
  await origin.selectOption(value ?? "");
}

test("the calculator quotes every courier side by side for a Xinjiang address, with each breakdown", async ({
  page,
  signedInAs,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signedInAs("warehouse");
  await openCalculator(page);
  await page.getByLabel("收货地址").fill(XINJIANG);
  await page.getByLabel("重量").fill("2.3");
  await page.getByLabel("声明价值（保价）").fill("500");
  await expect(page.getByTestId("calc-destination")).toContainText("乌鲁木齐市");
  await expect(page.getByTestId("calc-destination")).toContainText("天山区");

  // 新疆 is in every example template's 偏远 tier; only 德邦 adds a transfer fee and fuel on top.
  const parcel = { weightG: 2300, declaredFen: 50_000 };
  const expected = Object.fromEntries(
    COURIERS.map((c) => [c, expectedFen(c, "remote", parcel)]),
  ) as Record<Courier, ReturnType<typeof expectedFen>>;
  for (const c of COURIERS) {
    await expect(page.getByTestId(`quote-total-sandbox-${c}`)).toHaveText(yuan(expected[c].total));
  }
  // Side by side, cheapest first.
  const byTotal = [...COURIERS].sort((a, b) => expected[a].total - expected[b].total);
  const rows = page.getByTestId("quotes-table").locator("tbody tr[data-testid^='quote-sandbox-']");
  await expect(rows).toHaveCount(COURIERS.length);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-testid")))).toEqual(
    byTotal.map((c) => `quote-sandbox-${c}`),
  );
  await expect(rows.first()).toContainText("最低");

  // 德邦: 3 kg first weight, the 新疆 transfer fee, 3 % fuel on freight + fee, insurance minimum.
  const dep = expected.deppon;
  expect(dep).toMatchObject({
    freight: 3500,
    remote: 2000,
    fuel: 165,
    insurance: 200,
    total: 5865,
  });
  await page.getByRole("button", { name: "德邦快递 运费明细" }).click();
  const deppon = page.getByTestId("quote-breakdown-sandbox-deppon");
  await expect(deppon.locator("li").filter({ hasText: "首重 3kg" })).toContainText(yuan(3500));
  await expect(
    deppon.locator("li").filter({ hasText: "偏远地区附加费（新疆维吾尔自治区）" }),
  ).toContainText(yuan(dep.remote));
  await expect(deppon.locator("li").filter({ hasText: "燃油附加费 3%" })).toContainText(
    yuan(dep.fuel),
  );
  await expect(deppon.locator("li").filter({ hasText: "保价费" })).toContainText(
    yuan(dep.insurance),
  );
  await expect(deppon.locator("li").filter({ hasText: "运费合计" })).toContainText(yuan(dep.total));

  // 顺丰: 2.3 kg → 2.5 kg (0.5 kg steps): 1 kg first + 2 started kilos, insurance 0.5 %.
  const sf = expected.sf;
  expect(sf).toMatchObject({ chargeableG: 2500, units: 2, insurance: 250 });
  await page.getByRole("button", { name: "顺丰速运 运费明细" }).click();
  const sfLines = page.getByTestId("quote-breakdown-sandbox-sf");
  await expect(sfLines.locator("li").filter({ hasText: "首重 1kg" })).toContainText(
    yuan(EXAMPLES.sf.tiers.remote.firstFen),
  );
  await expect(sfLines.locator("li").filter({ hasText: "续重 2 × ¥18.00/1kg" })).toContainText(
    yuan(2 * 1800),
  );
  await expect(sfLines.locator("li").filter({ hasText: "保价费" })).toContainText(yuan(250));
  // Priced by its 偏远 zone (no separate surcharge on this template).
  await expect(page.getByTestId("quote-sandbox-sf")).toContainText("浙江省内 → 偏远地区");

  if (process.env.E2E_SCREENSHOTS) {
    await page.screenshot({
      path: `${process.env.E2E_SCREENSHOTS}/calculator.png`,
      fullPage: true,
    });
  }

  // The ship-from warehouse is remembered on this computer.
  await page.reload();
  await expect(page.getByLabel("发货仓").locator("option:checked")).toHaveText(/杭州余杭仓/);
});

test("a light big box is billed by its volumetric weight, and the calculator says so", async ({
  page,
  signedInAs,
}) => {
  await signedInAs("cs");
  await openCalculator(page);
  await page.getByRole("radio", { name: "选择地区" }).check();
  await page.getByRole("combobox", { name: "省份" }).selectOption({ label: "上海市" });
  await page.getByRole("combobox", { name: "城市" }).selectOption({ label: "上海市" });
  await page.getByRole("combobox", { name: "区县" }).selectOption({ label: "黄浦区" });
  await page.getByLabel("重量").fill("1");
  await page.getByLabel("长", { exact: true }).fill("60");
  await page.getByLabel("宽", { exact: true }).fill("40");
  await page.getByLabel("高", { exact: true }).fill("40");

  const volumeMm3 = 600 * 400 * 400;
  const sf = expectedFen("sf", "jzh", { weightG: 1000, volumeMm3 });
  // 600×400×400 mm ÷ 12000 = 8 kg volumetric against 1 kg actual.
  expect(sf.chargeableG).toBe(8000);
  await expect(page.getByTestId("quote-total-sandbox-sf")).toHaveText(yuan(sf.total));
  await expect(page.getByTestId("quote-sandbox-sf")).toContainText("8 kg");
  await expect(page.getByTestId("quote-sandbox-sf")).toContainText("按体积重");
  const zto = expectedFen("zto", "jzh", { weightG: 1000, volumeMm3 });
  await expect(page.getByTestId("quote-total-sandbox-zto")).toHaveText(yuan(zto.total));

  await page.getByRole("button", { name: "顺丰速运 运费明细" }).click();
  await expect(page.getByTestId("quote-breakdown-sandbox-sf")).toContainText(
    "按体积重计费：体积重 8kg 大于实重 1kg（600×400×400 mm ÷ 12000）",
  );
});

type StoredTemplate = { template: { zones: unknown[] }; enabled: boolean };

async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await request.get(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function trpcMutation(request: APIRequestContext, path: string, input: unknown) {
  const res = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.ok()).toBe(true);
}

test("a manager edits a zone's first-weight price: bad values are refused, the saved price reprices the calculator", async ({
  page,
  signedInAs,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signedInAs("manager");
  const id = EXAMPLES.ems.id;
  // Other specs quote with the example prices: put this template back as it was, whatever happens.
  const before = await trpcQuery<StoredTemplate>(page.request, "freight.template", { id });
  try {
    await page.goto("/settings");
    await page
      .getByRole("link", { name: /运费模板/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/settings\/freight$/);
    await page.getByRole("link", { name: `编辑 ${EXAMPLES.ems.name}` }).click();
    await expect(page.getByRole("heading", { name: "编辑运费模板", level: 1 })).toBeVisible();

    // The 偏远 row is the third zone of the EMS example.
    const remoteRow = 2;
    const row = remoteRow + 1;
    const price = page.getByLabel(`第 ${row} 行首重价格`);
    const original = EXAMPLES.ems.tiers.remote.firstFen;
    await expect(price).toHaveValue((original / 100).toFixed(2));

    await price.fill("-5");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByTestId("editor-errors")).toHaveText("有 1 处需要修改。");
    await expect(price).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId(`zone-row-${remoteRow}`)).toContainText(
      "请输入金额，最多 2 位小数",
    );

    await price.fill("");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByTestId(`zone-row-${remoteRow}`)).toContainText("必填");

    // Nothing was saved.
    await page.reload();
    await expect(page.getByLabel(`第 ${row} 行首重价格`)).toHaveValue((original / 100).toFixed(2));

    await page.getByLabel(`第 ${row} 行首重价格`).fill("16.8");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText(`已保存「${EXAMPLES.ems.name}」`)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel(`第 ${row} 行首重价格`)).toHaveValue("16.80");

    if (process.env.E2E_SCREENSHOTS) {
      await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/editor.png` });
    }

    // The calculator quotes the new price: 2.3 kg to 新疆 on EMS = first + 3 × 0.5 kg steps.
    await page.getByRole("link", { name: "运费计算器" }).click();
    await chooseHangzhou(page);
    await page.getByLabel("收货地址").fill(XINJIANG);
    await page.getByLabel("重量").fill("2.3");
    const old = expectedFen("ems", "remote", { weightG: 2300 });
    const now = old.total - original + 1680;
    await expect(page.getByTestId("quote-total-sandbox-ems")).toHaveText(yuan(now));
  } finally {
    await trpcMutation(page.request, "freight.saveTemplate", {
      id,
      template: before.template,
      enabled: before.enabled,
    });
  }
});

test("a rate card with one bad row previews the row-level error and imports nothing", async ({
  page,
  signedInAs,
}) => {
  await signedInAs("manager");
  const t = EXAMPLES.zto;
  const before = await trpcQuery<StoredTemplate>(page.request, "freight.template", { id: t.id });
  await page.goto(`/settings/freight/${t.id}`);
  await page.getByRole("button", { name: "导入价格表" }).click();
  const dialog = page.getByRole("dialog", { name: `导入价格表：${t.name}` });
  await dialog.locator("#rc-file").setInputFiles({
    name: "zto-2026.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "目的地,首重(kg),首重(元),续重(元/kg),时效(天)\n江浙沪,1,3.2,1,1\n火星,1,9,6,9\n其他,1,4.8,4,3\n",
    ),
  });
  await expect(dialog.getByTestId("rc-valid")).toHaveText("有效 2 行");
  await expect(dialog.getByTestId("rc-errors")).toHaveText("错误 1 处");
  const errors = dialog.getByRole("table", { name: "有错误的行" });
  await expect(errors.locator("tbody tr")).toHaveCount(1);
  await expect(errors.locator("tbody tr")).toContainText("3");
  await expect(errors.locator("tbody tr")).toContainText("无法识别的目的地");
  await expect(dialog.getByRole("button", { name: "导入", exact: true })).toBeDisabled();
  await dialog.getByRole("button", { name: "取消" }).click();

  const after = await trpcQuery<StoredTemplate>(page.request, "freight.template", { id: t.id });
  expect(after.template.zones).toEqual(before.template.zones);
});
