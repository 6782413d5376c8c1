import { type DemoProduct, type DemoShop, type Platform, demoProducts, demoShops } from "./catalog";
import { randomMobile, randomName, randomStreetAddress } from "./people";
import { Rng, type Weighted, WeightedTable } from "./random";
import { RegionSampler } from "./regions";
import { shanghaiYmd } from "./shanghai";
import { Timeline } from "./timeline";

/**
 * Deterministic demo orders: same options and seed → identical orders, in paid-at order. The
 * generator is a stream so the benchmark can produce 100k orders while holding only the current
 * one and a small window of recent customers.
 */

export type DemoRecipient = {
  name: string;
  mobile: string;
  provinceCode: string;
  cityCode: string;
  countyCode: string;
  provinceName: string;
  cityName: string;
  countyName: string;
  /** Street address below the county, e.g. "文三路100号翠苑一期3栋2单元501室". */
  detail: string;
};

export type DemoOrderItem = {
  sku: string;
  name: string;
  barcode: string;
  quantity: number;
  unitPriceFen: number;
  weightG: number;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  isVirtual: boolean;
};

export type DemoOrder = {
  shopCode: string;
  platformOrderNo: string;
  paidAt: Date;
  recipient: DemoRecipient;
  buyerRemark: string | null;
  items: DemoOrderItem[];
};

export type OrderOptions = {
  count: number;
  seed: number | string;
  /** Paid-at times fall in [startAt, endAt), denser in the evening as on real shops. */
  startAt: Date;
  endAt: Date;
  shops?: readonly DemoShop[];
  products?: readonly DemoProduct[];
};

/** Share of orders re-using a recent recipient, so merge suggestions have something to find. */
const REPEAT_RATE = 0.03;
/** Recent recipients a repeat is drawn from: small, so repeats land close in time (mergeable). */
const RECENT_WINDOW = 64;
const VIRTUAL_ONLY_RATE = 0.03;
const MIXED_RATE = 0.05;
const REMARK_RATE = 0.12;

/** Channel mix of a typical multi-platform brand; tmall/taobao lead, the own site is small. */
const PLATFORM_WEIGHT: Record<Platform, number> = {
  tmall: 30,
  taobao: 30,
  jd: 22,
  pdd: 22,
  douyin: 16,
  own: 10,
};

const ITEM_COUNT: readonly Weighted<number>[] = [
  [1, 72],
  [2, 18],
  [3, 7],
  [4, 3],
];
const QUANTITY: readonly Weighted<number>[] = [
  [1, 82],
  [2, 12],
  [3, 4],
  [5, 1],
  [10, 1],
];

/**
 * What buyers actually type. A few contain an ASCII comma, quotes or a line break, as real ones
 * do, so CSV export and import paths are exercised on every demo file.
 */
const REMARKS = [
  "请尽快发货",
  "不要放快递柜",
  "放门卫室就行，谢谢",
  "周末家里没人，请工作日送",
  "送人的，不要放价格单和发票",
  "易碎品，麻烦多包几层",
  "能发顺丰吗？可以补运费",
  "到了请先打电话",
  "和上一单一起发",
  "豆子帮忙磨成手冲粉",
  "生日礼物，请附一张贺卡",
  "请放丰巢,谢谢",
  '快递员请放"菜鸟驿站"',
  "尽快发货\n急用",
  "发票抬头：杭州码头网络科技有限公司",
  "不要敲门，宝宝在睡觉",
];

/**
 * Orders one at a time, in non-decreasing paidAt. Options are checked here, eagerly: a generator
 * body would only throw on the first next(), far from the call that passed them.
 */
export function orderStream(options: OrderOptions): Generator<DemoOrder, void, undefined> {
  const { count, startAt, endAt } = options;
  const shops = options.shops ?? demoShops;
  const products = options.products ?? demoProducts;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be >= 0: ${count}`);
  if (!(endAt.getTime() >= startAt.getTime())) throw new RangeError("endAt is before startAt");
  if (shops.length === 0 || products.length === 0) throw new RangeError("no shops or products");
  return generate(options, shops, products);
}

function* generate(
  options: OrderOptions,
  shops: readonly DemoShop[],
  products: readonly DemoProduct[],
): Generator<DemoOrder, void, undefined> {
  const { count, startAt, endAt } = options;
  const rng = new Rng(options.seed);
  const regions = new RegionSampler();
  const timeline = new Timeline(startAt.getTime(), endAt.getTime());
  const shopTable = new WeightedTable(
    shops.map((s): Weighted<DemoShop> => [s, PLATFORM_WEIGHT[s.platform]]),
  );
  const picker = new ItemPicker(products);
  const recent: { shop: DemoShop; recipient: DemoRecipient }[] = [];
  // Order numbers embed i scrambled into 6 digits (see scramble), offset per seed so two seeds
  // rarely collide; within one run they are unique up to a million orders.
  const seqOffset = rng.int(0, 999_999);
  let remembered = 0;
  let ownDay = "";
  let ownSeq = 0;

  for (let i = 0; i < count; i++) {
    const ms = Math.min(timeline.at((i + rng.next()) / count), endAt.getTime() - 1);
    // Platforms record whole seconds; never round below startAt.
    const paidAt = new Date(Math.max(startAt.getTime(), Math.floor(ms / 1000) * 1000));

    let shop: DemoShop;
    let recipient: DemoRecipient;
    const again = recent.length > 0 && rng.chance(REPEAT_RATE) ? rng.pick(recent) : null;
    if (again) {
      // Mostly the same shop again: that is the case a merge suggestion can act on.
      shop = rng.chance(0.8) ? again.shop : shopTable.sample(rng);
      recipient = { ...again.recipient };
    } else {
      shop = shopTable.sample(rng);
      recipient = {
        name: randomName(rng),
        mobile: randomMobile(rng),
        ...regions.sample(rng),
        detail: randomStreetAddress(rng),
      };
      recent[remembered++ % RECENT_WINDOW] = { shop, recipient };
    }

    const seq = scramble(i, seqOffset);
    let platformOrderNo: string;
    if (shop.platform === "own") {
      const day = shanghaiYmd(paidAt);
      ownSeq = day === ownDay ? ownSeq + 1 : 1;
      ownDay = day;
      platformOrderNo = `EC${day}${String(ownSeq).padStart(5, "0")}`;
    } else {
      platformOrderNo = platformNumber(shop.platform, rng, seq, paidAt);
    }

    yield {
      shopCode: shop.code,
      platformOrderNo,
      paidAt,
      recipient,
      buyerRemark: rng.chance(REMARK_RATE) ? rng.pick(REMARKS) : null,
      items: picker.items(rng),
    };
  }
}

/** All orders in an array; use orderStream for large counts. */
export function generateOrders(options: OrderOptions): DemoOrder[] {
  return Array.from(orderStream(options));
}

/**
 * A bijection on 0…999 999 (multiplying by a number coprime to 10^6 permutes the residues), so
 * consecutive orders get unique but unrelated-looking tails instead of …0001, …0002.
 */
function scramble(i: number, offset: number): string {
  const n = ((i % 1_000_000) * 738_217 + offset) % 1_000_000;
  return String(n).padStart(6, "0");
}

/**
 * Order numbers in each platform's public shape: Taobao/Tmall and Douyin 19 digits, JD 12
 * digits, Pinduoduo "YYMMDD-" plus 15 digits (its date is the local order date).
 */
function platformNumber(platform: Exclude<Platform, "own">, rng: Rng, seq: string, paidAt: Date) {
  switch (platform) {
    case "taobao":
    case "tmall":
      return `${rng.int(1, 4)}${rng.digits(12)}${seq}`;
    case "jd":
      return `${rng.int(2, 3)}${rng.digits(5)}${seq}`;
    case "pdd":
      return `${shanghaiYmd(paidAt).slice(2)}-${rng.digits(9)}${seq}`;
    case "douyin":
      return `6${rng.int(8, 9)}${rng.digits(11)}${seq}`;
  }
}

/** Picks an order's lines: distinct SKUs, mostly one physical item. */
class ItemPicker {
  private readonly physical: WeightedTable<DemoProduct> | null;
  private readonly physicalCount: number;
  /** Standalone virtual purchases lean to cards and courses… */
  private readonly virtualAlone: WeightedTable<DemoProduct> | null;
  /** …while add-ons to a parcel lean to cheap extras such as shipping insurance. */
  private readonly virtualAddOn: WeightedTable<DemoProduct> | null;

  constructor(products: readonly DemoProduct[]) {
    const physical = products.filter((p) => !p.isVirtual);
    const virtual = products.filter((p) => p.isVirtual);
    const yuan = (p: DemoProduct) => Math.max(1, p.unitPriceFen / 100);
    // Catalogues list best-sellers first, and cheap goods sell more often than machines:
    // popularity falls off with both list position and price.
    const rank = new Map(physical.map((p, i) => [p, i]));
    this.physical = table(
      physical,
      (p) => 1 / (Math.sqrt((rank.get(p) ?? 0) + 4) * yuan(p) ** 0.3),
    );
    this.physicalCount = physical.length;
    this.virtualAlone = table(virtual, (p) => Math.sqrt(yuan(p)));
    this.virtualAddOn = table(virtual, (p) => 1 / Math.sqrt(yuan(p)));
  }

  items(rng: Rng): DemoOrderItem[] {
    const r = rng.next();
    if (this.virtualAlone && (r < VIRTUAL_ONLY_RATE || !this.physical)) {
      return this.distinct(rng, this.virtualAlone, rng.chance(0.9) ? 1 : 2, true);
    }
    if (!this.physical) return [];
    const n = Math.min(rng.weighted(ITEM_COUNT), this.physicalCount);
    if (this.virtualAddOn && r < VIRTUAL_ONLY_RATE + MIXED_RATE) {
      const lines = this.distinct(rng, this.physical, Math.min(n, 3), false);
      const [addOn] = this.distinct(rng, this.virtualAddOn, 1, true);
      return addOn ? [...lines, addOn] : lines;
    }
    return this.distinct(rng, this.physical, n, false);
  }

  private distinct(rng: Rng, from: WeightedTable<DemoProduct>, n: number, virtual: boolean) {
    const chosen = new Map<string, DemoOrderItem>();
    // Bounded retries: with a tiny custom catalogue we settle for fewer lines, never loop forever.
    for (let tries = 0; chosen.size < n && tries < n * 20; tries++) {
      const p = from.sample(rng);
      if (chosen.has(p.sku)) continue;
      // Expensive goods and virtual goods are bought one at a time; consumables by the few.
      const quantity = virtual || p.unitPriceFen >= 20_000 ? 1 : rng.weighted(QUANTITY);
      chosen.set(p.sku, {
        sku: p.sku,
        name: p.name,
        barcode: p.barcode,
        quantity,
        unitPriceFen: p.unitPriceFen,
        weightG: p.weightG,
        lengthMm: p.lengthMm,
        widthMm: p.widthMm,
        heightMm: p.heightMm,
        isVirtual: p.isVirtual,
      });
    }
    return [...chosen.values()];
  }
}

function table(products: DemoProduct[], weight: (p: DemoProduct) => number) {
  return products.length === 0
    ? null
    : new WeightedTable(products.map((p): Weighted<DemoProduct> => [p, weight(p)]));
}
