import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from "@zxing/library";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from "pdf-lib";
import { PNG } from "pngjs";
import { expect, test } from "./fixtures";

const DEMO_KEY = "demo-api-key-0000000000000000";
const auth = { authorization: `Bearer ${DEMO_KEY}` };
const MM_PT = 72 / 25.4;

/**
 * Graphics states in a PDF that stroke with line width 0, i.e. a one-device-dot hairline. Chromium
 * (Skia) writes one for any stroke thinner than 1 pt: a stroked QR module of 0.81 pt came out so,
 * and printed as thin lines no scanner reads.
 */
function hairlineStates(pdf: PDFDocument): number {
  const seen = new Set<unknown>();
  let found = 0;
  const visit = (value: unknown) => {
    const obj = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    if (!obj || seen.has(obj)) return;
    seen.add(obj);
    if (obj instanceof PDFDict) {
      const lw = obj.get(PDFName.of("LW"));
      if (lw instanceof PDFNumber && lw.asNumber() === 0) found += 1;
      for (const [, v] of obj.entries()) visit(v);
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i += 1) visit(obj.get(i));
    }
  };
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) visit(obj);
  return found;
}

/** Reads the Code 128 in a PNG screenshot with ZXing, as a scanner at the sorting centre would. */
function decodeCode128(png: Buffer): string {
  const { width, height, data } = PNG.sync.read(png);
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0; i < width * height; i += 1) {
    luminance[i] = (data[i * 4]! * 299 + data[i * 4 + 1]! * 587 + data[i * 4 + 2]! * 114) / 1000;
  }
  const reader = new MultiFormatReader();
  reader.setHints(
    new Map<DecodeHintType, unknown>([
      [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
      [DecodeHintType.TRY_HARDER, true],
    ]),
  );
  const bitmap = new BinaryBitmap(
    new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)),
  );
  return reader.decode(bitmap).getText();
}

test("packs, issues, prints a label at its true size with a scannable barcode, and reprints with a reason", async ({
  page,
  request,
  browser,
  signedInAs,
}) => {
  test.setTimeout(120_000);
  const platformOrderNo = `PRINT${Date.now()}`;
  const created = await request.post("/api/v1/orders", {
    headers: auth,
    data: {
      shop: "demo-shop",
      platformOrderNo,
      paidAt: new Date().toISOString(),
      recipient: {
        name: "孙小美",
        mobile: "13800138456",
        address: "广东省广州市天河区天河路385号",
      },
      items: [
        {
          sku: "E2E-PRINT-BEAN",
          name: "意式拼配豆 500g",
          barcode: "6970000000035",
          quantity: 1,
          unitPriceFen: 8800,
          weightG: 520,
        },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const order = (await created.json()) as { id: number; parcels: { id: number }[] };
  const parcelId = order.parcels[0]!.id;

  // Pack it at the pack station, as pack.spec.ts does.
  await signedInAs("warehouse");
  await page.goto("/shipping/pack");
  const scan = page.getByLabel("扫描单号或商品条码");
  await scan.fill(platformOrderNo);
  await scan.press("Enter");
  await expect(page.getByText("意式拼配豆 500g")).toBeVisible();
  await scan.fill("6970000000035");
  await scan.press("Enter");
  await page.getByLabel("重量（克）").fill("600");
  await page.getByLabel("长（毫米）").fill("200");
  await page.getByLabel("宽（毫米）").fill("150");
  await page.getByLabel("高（毫米）").fill("100");
  await page.getByRole("button", { name: "完成打包" }).click();
  await expect
    .poll(async () => {
      const res = await request.get(`/api/v1/orders/${order.id}`, { headers: auth });
      return ((await res.json()) as { status: string }).status;
    })
    .toBe("PACKED");

  // Issue its waybill from the shipping queue's 已打包 tab (the issuance half's UI).
  await page.goto(`/shipping?tab=packed&q=P${parcelId}`);
  await page.getByTestId(`parcel-row-P${parcelId}`).getByRole("checkbox").check();
  await page.getByRole("button", { name: "获取面单" }).click();
  const issue = page.getByRole("dialog");
  // Named 开始获取 in the hand-over; the dialog as built says 获取 N 张面单: either starts it.
  await issue.getByRole("button", { name: /^(开始获取|获取 \d+ 张面单)$/ }).click();
  await expect(issue.getByText("已完成")).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press("Escape");

  // The shipping queue shows it as "waybill issued but not printed".
  await page.goto(`/shipping?tab=unprinted&q=P${parcelId}`);
  await expect(page.getByTestId(`parcel-row-P${parcelId}`)).toContainText("未打印");

  // Printing: the parcel waits under 未打印; preview, then print (recorded first).
  await page.goto("/printing");
  const row = page.getByTestId(`printable-row-P${parcelId}`);
  await expect(row).toContainText("未打印");
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "打印预览" }).click();
  const preview = page.getByRole("dialog", { name: "打印预览" });
  const barcode = preview.locator('svg[data-barcode="code128"]').first();
  await expect(barcode).toBeVisible();
  const trackingNo = (await barcode.getAttribute("data-value"))!;
  expect(trackingNo).toMatch(/^[A-Z0-9]{8,}$/);
  await expect(preview.getByText(trackingNo).first()).toBeVisible();
  // Privacy mode is on by default: the recipient is masked on the label.
  await expect(preview.getByText("孙*美 138****8456").first()).toBeVisible();
  await preview.getByRole("button", { name: /^打印 1 张$/ }).click();
  await expect(page.getByText(/已记录打印 1 张/)).toBeVisible();
  await page.keyboard.press("Escape");
  await page.goto(`/shipping?tab=unprinted&q=P${parcelId}`);
  await expect(page.getByTestId(`parcel-row-P${parcelId}`)).toHaveCount(0);
  await page.goto(`/shipping?tab=labelled&q=P${parcelId}`);
  await expect(page.getByTestId(`parcel-row-P${parcelId}`)).toContainText("已打印");

  // The print sheet in Chromium's PDF: one page of exactly 100 × 180 mm.
  const sheetUrl = `/printing/sheet?parcels=${parcelId}&template=100x180`;
  const sheet = await page.context().newPage();
  await sheet.goto(sheetUrl);
  await expect(sheet.locator(".wl")).toHaveCount(1);
  const pdf = await PDFDocument.load(await sheet.pdf({ preferCSSPageSize: true }));
  expect(pdf.getPageCount()).toBe(1);
  const { width, height } = pdf.getPage(0).getSize();
  expect(Math.abs(width - 100 * MM_PT)).toBeLessThanOrEqual(1);
  expect(Math.abs(height - 180 * MM_PT)).toBeLessThanOrEqual(1);
  // Every line on it prints at its width: no stroke collapsed into a hairline.
  expect(hairlineStates(pdf)).toBe(0);
  await sheet.close();

  // The barcode on the page decodes back to the tracking number (screenshot at 3× as a 300 dpi
  // printer would see it, decoded by ZXing).
  const hiDpi = await browser.newContext({
    deviceScaleFactor: 3,
    storageState: await page.context().storageState(),
  });
  const hiPage = await hiDpi.newPage();
  await hiPage.goto(sheetUrl);
  const png = await hiPage.getByTestId("label-barcode").locator("svg").screenshot();
  expect(decodeCode128(png)).toBe(trackingNo);
  await hiDpi.close();

  // Reprint: already printed, so a reason is required; it shows in the print history.
  await page.goto("/printing?tab=printed");
  const printedRow = page.getByTestId(`printable-row-P${parcelId}`);
  await expect(printedRow).toContainText("已打印 1 次");
  await printedRow.getByRole("checkbox").check();
  await page.getByRole("button", { name: "打印预览" }).click();
  const again = page.getByRole("dialog", { name: "打印预览" });
  await again.getByRole("button", { name: /^打印 1 张$/ }).click();
  await expect(again.getByText("请选择或填写重打原因")).toBeVisible();
  await again.getByRole("radio", { name: "卡纸" }).click();
  await again.getByRole("button", { name: /^打印 1 张$/ }).click();
  await expect(page.getByText(/已记录打印 1 张/).first()).toBeVisible();
  await page.keyboard.press("Escape");

  await page.getByRole("tab", { name: "打印记录" }).click();
  const history = page.getByRole("table", { name: "打印记录" });
  const reprint = history.locator("tr", { hasText: trackingNo }).filter({ hasText: "卡纸" });
  await expect(reprint).toHaveCount(1);
  await expect(reprint).toContainText("王仓管");
  await expect(history.locator("tr", { hasText: trackingNo })).toHaveCount(2);
});
