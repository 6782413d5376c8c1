/**
 * Bench: 500 labels to a print-ready page in Chromium. The page is what the print-sheet route
 * serves: label views mapped from waybill rows, rendered by the same React components to HTML
 * (barcodes encoded by bwip-js on the server), loaded in Chromium, fonts ready and laid out.
 * The clock covers mapping + render + load + layout; Chromium's start is not counted (a console
 * user's browser is already open). Turning the page into a 500-page PDF is reported beside it.
 */
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PrintSheet } from "@/components/labels/print-sheet";
import { labelView, type LabelSource, type LabelTemplate } from "@/server/printing/label-data";
import type { Figure } from "./harness";

const CITIES = [
  ["广东省 广州市 天河区", "天河路385号太古汇写字楼12层"],
  ["北京市 北京市 朝阳区", "建国路88号SOHO现代城3号楼2单元1801"],
  ["四川省 成都市 武侯区", "人民南路四段27号商鼎国际1栋"],
  ["新疆维吾尔自治区 乌鲁木齐市 天山区", "解放北路209号"],
  ["浙江省 杭州市 西湖区", "文三路100号"],
] as const;

let run = 0;

/** Realistic label sources: `courier`'s label data, unique tracking numbers per run. */
export function benchSources(count: number, courier: "sf" | "zto"): LabelSource[] {
  run += 1;
  return Array.from({ length: count }, (_, i) => {
    const [region, street] = CITIES[i % CITIES.length]!;
    const trackingNo =
      courier === "sf"
        ? `SF${String(1_400_000_000_000 + run * 100_000 + i)}`
        : `78${String(700_000_000_000 + run * 100_000 + i)}`;
    const labelData: Record<string, string> =
      courier === "sf"
        ? {
            proCode: "标快",
            codingMapping: `K${10 + (i % 90)}`,
            twoDimensionCode: `MMM={'k1':'020WA','k2':'020AF','k3':'','k4':'T801','k5':'${trackingNo}','k6':'','k7':'${(i * 7919).toString(16)}'}`,
          }
        : { siteName: "杭州", mark: "310- A01 02", bagAddr: "广州中心" };
    return {
      template: courier === "sf" ? "100x150" : "76x130",
      waybill: {
        id: i + 1,
        courier,
        driver: courier,
        trackingNo,
        sortingCode: courier === "sf" ? `020W${"ABCDEFGH"[i % 8]}-0${i % 90}` : "310- A01 02",
        packageCenter: courier === "sf" ? "020WA" : "广州中心",
        labelData,
      },
      parcel: {
        id: 100_000 + i,
        recipientName: ["张三丰", "欧阳娜娜", "李四", "王小明"][i % 4]!,
        recipientMobile: `138${String(10_000_000 + i).padStart(8, "0")}`,
        recipientMobileExt: null,
        regionText: region,
        addressDetail: street,
        weightG: 500 + (i % 40) * 50,
        items: [
          { name: "码头咖啡 意式拼配豆 500g", quantity: 1 + (i % 3) },
          ...(i % 2 ? [{ name: "陶瓷马克杯 350ml", quantity: 1 }] : []),
        ],
        remarks: i % 5 === 0 ? ["请放门口，勿电联"] : [],
        orderNos: [`37${String(12_345_678_901_234_567n + BigInt(i))}`],
      },
      sender: {
        name: "仓管王",
        mobile: "13900139000",
        regionText: "浙江省 杭州市 余杭区",
        address: "仓前街道文一西路1500号",
        company: "码头咖啡",
      },
      printedAt: new Date(),
      privacy: true,
    };
  });
}

/** The print-sheet page as the route serves it, from label sources. */
export function sheetHtml(sources: LabelSource[], template: LabelTemplate): string {
  const labels = sources.map(labelView);
  const body = renderToStaticMarkup(createElement(PrintSheet, { labels, template }));
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>labels</title></head><body style="margin:0">${body}</body></html>`;
}

const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** Seconds from label data to a laid-out page with every barcode in place; then to PDF. */
export async function labelBench(count = 500): Promise<Figure[]> {
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const figures: Figure[] = [];
  try {
    const page = await browser.newPage();
    // Warm-up, as a running console is: the first renders pay for compiling bwip-js's encoders
    // and loading the CJK font, once per process. Tracking numbers differ per run, so the
    // measured batches hit no barcode cache.
    for (const courier of ["sf", "zto"] as const) {
      const warm = benchSources(50, courier);
      await page.setContent(sheetHtml(warm, warm[0]!.template));
    }
    for (const [courier, what] of [
      ["sf", "SF 100×150 with route QR"],
      ["zto", "ZTO 76×130"],
    ] as const) {
      const sources = benchSources(count, courier);
      const template = sources[0]!.template;
      const started = performance.now();
      const html = sheetHtml(sources, template);
      const rendered = performance.now();
      await page.setContent(html, { waitUntil: "load" });
      const barcodes = await page.evaluate(async () => {
        await document.fonts.ready;
        void document.body.offsetHeight;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return document.querySelectorAll('svg[data-barcode="code128"]').length;
      });
      const ready = performance.now();
      if (barcodes !== count * 2) throw new Error(`${barcodes} barcodes for ${count} labels`);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const printed = performance.now();
      figures.push(
        {
          group: "printing",
          name: `${count} labels to a print-ready page in Chromium (${what})`,
          value: (ready - started) / 1000,
          unit: "s",
          budget: { op: "<", value: 3 },
          note: `server render ${((rendered - started) / 1000).toFixed(2)} s, ${(html.length / 1e6).toFixed(1)} MB HTML`,
        },
        {
          group: "printing",
          name: `then ${count}-page PDF (${what})`,
          value: (printed - ready) / 1000,
          unit: "s",
          note: `${(pdf.length / 1e6).toFixed(1)} MB`,
        },
      );
    }
  } finally {
    await browser.close();
  }
  return figures;
}

// Standalone: npx tsx server/bench/labels.ts
if (process.argv[1]?.endsWith("server/bench/labels.ts")) {
  const { formatTable } = await import("./harness");
  console.log(formatTable(await labelBench()));
}
