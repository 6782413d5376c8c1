import { type Rng, type Weighted, WeightedTable } from "./random";

/**
 * Plausible mainland recipients: names, mobile numbers and street addresses. Realism matters
 * because the demo data feeds search (surname prefixes, last-4 mobile digits), duplicate and
 * merge detection, and screenshots; uniform random characters would look fake and would not
 * produce the clusters of common surnames that real order lists have.
 */

/**
 * Surnames with their share of the population in units of 0.01 %, after the Ministry of Public
 * Security's 2020 household-register report (top 100) and older census estimates for the
 * compound surnames. The long tail beyond these ~85 names is ~13 % of people; it is simply left
 * out, which slightly over-represents the common ones.
 */
// prettier-ignore
const SURNAMES: readonly Weighted<string>[] = [
  ["王", 712], ["李", 700], ["张", 674], ["刘", 538], ["陈", 453], ["杨", 308], ["黄", 223],
  ["赵", 229], ["吴", 205], ["周", 193], ["徐", 145], ["孙", 138], ["马", 129], ["朱", 128],
  ["胡", 116], ["郭", 113], ["何", 106], ["林", 97], ["高", 100], ["罗", 91], ["郑", 84],
  ["梁", 83], ["谢", 76], ["宋", 64], ["唐", 63], ["许", 62], ["韩", 60], ["冯", 60], ["邓", 58],
  ["曹", 55], ["彭", 55], ["曾", 53], ["肖", 52], ["田", 50], ["董", 49], ["袁", 47], ["潘", 46],
  ["于", 45], ["蒋", 45], ["蔡", 44], ["余", 43], ["杜", 42], ["叶", 41], ["程", 40], ["苏", 39],
  ["魏", 38], ["吕", 38], ["丁", 37], ["任", 36], ["沈", 35], ["姚", 34], ["卢", 34], ["姜", 33],
  ["崔", 32], ["钟", 31], ["谭", 30], ["陆", 30], ["汪", 29], ["范", 29], ["金", 28], ["石", 28],
  ["廖", 27], ["贾", 27], ["夏", 26], ["韦", 26], ["付", 25], ["方", 25], ["白", 24], ["邹", 24],
  ["孟", 24], ["熊", 23], ["秦", 23], ["邱", 22], ["江", 22], ["尹", 21], ["薛", 21], ["闫", 20],
  ["段", 20], ["雷", 19], ["侯", 19], ["龙", 19], ["史", 18], ["陶", 17], ["黎", 17], ["贺", 17],
  ["顾", 16], ["毛", 16], ["郝", 16], ["欧阳", 3], ["司马", 0.5], ["诸葛", 0.5], ["上官", 0.5],
  ["慕容", 0.2], ["东方", 0.3], ["皇甫", 0.3],
];

/** Whole given names popular across generations (建国 and 秀英 for older buyers, 子轩 for newer). */
const COMMON_GIVEN = (
  "子轩 浩宇 宇轩 梓涵 欣怡 一诺 诗涵 雨桐 思远 俊杰 浩然 子涵 雨萱 佳怡 梓萱 若曦 " +
  "建国 建华 秀英 桂英 玉兰 淑珍 志强 国华 海燕 丽娟 晓明 文静 春梅 红霞 志刚 永红 " +
  "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 桂兰 秀兰 晓东 晓燕 " +
  "佳琪 嘉欣 文博 明轩 天佑 一鸣 振华 志伟 婷婷 丹丹 欢欢 晨曦 梦琪 思琪 雅婷 紫涵"
).split(" ");

/** First and second characters for composed two-character names, split by usual gender feel. */
const LEAD = "子 浩 宇 俊 文 明 志 嘉 思 雨 欣 梓 佳 晓 一 天 家 建 国 海 春 雅 诗 若 紫 梦".split(
  " ",
);
const MALE =
  "伟 强 磊 军 洋 勇 杰 涛 斌 超 辉 鹏 华 飞 鑫 波 凯 健 帆 旭 宁 龙 林 阳 晨 峰 成 博 坤 亮 毅 昊 轩 然 睿 哲 泽 瑞".split(
    " ",
  );
const FEMALE =
  "芳 娜 敏 静 丽 艳 娟 霞 燕 玲 婷 雪 琳 倩 颖 慧 洁 晶 萍 红 梅 兰 欣 怡 悦 雯 璐 琪 蕾 薇 莉 萱 彤 涵 瑶 婉 菲".split(
    " ",
  );

const surnameTable = new WeightedTable(SURNAMES);

export function randomName(rng: Rng): string {
  const surname = surnameTable.sample(rng);
  const r = rng.next();
  if (r < 0.35) return surname + rng.pick(COMMON_GIVEN);
  if (r < 0.5) return surname + rng.pick(rng.chance(0.5) ? MALE : FEMALE);
  return surname + rng.pick(LEAD) + rng.pick(rng.chance(0.5) ? MALE : FEMALE);
}

/**
 * Mobile number segments in use by China Mobile, Unicom, Telecom, Broadnet and the virtual
 * operators (170/171), weighted so the old 13x/15x/18x blocks dominate as they do in practice.
 * 154 and 174 (satellite) are never allocated to consumers and are left out on purpose.
 */
const MOBILE_PREFIXES: readonly Weighted<string>[] = [
  ...["130", "131", "132", "133", "134", "135", "136", "137", "138", "139"].map(
    (p): Weighted<string> => [p, 3],
  ),
  ...["150", "151", "152", "153", "155", "156", "157", "158", "159"].map((p): Weighted<string> => [
    p,
    2.5,
  ]),
  ...["170", "171"].map((p): Weighted<string> => [p, 0.3]),
  ...["173", "175", "176", "177", "178"].map((p): Weighted<string> => [p, 1]),
  ...["180", "181", "182", "183", "184", "185", "186", "187", "188", "189"].map(
    (p): Weighted<string> => [p, 2.5],
  ),
  ...["190", "191", "192", "193", "195", "196", "197", "198", "199"].map((p): Weighted<string> => [
    p,
    0.8,
  ]),
];
const mobilePrefixTable = new WeightedTable(MOBILE_PREFIXES);

/** An 11-digit mainland mobile number. */
export function randomMobile(rng: Rng): string {
  return mobilePrefixTable.sample(rng) + rng.digits(8);
}

/** Road name stems: ideals, cities, rivers and landmarks are what Chinese roads are named after. */
const ROAD_STEMS = (
  "人民 解放 中山 建设 和平 文化 新华 胜利 东风 朝阳 光明 幸福 青年 友谊 团结 长江 黄河 " +
  "珠江 湖滨 滨江 滨河 学院 科技 创业 体育 育才 府前 迎宾 振兴 金桥 银河 南湖 翠微 桂花 " +
  "梧桐 紫荆 文三 天目山 延安 南京 北京 上海 广州 江南 凤凰 龙华 明珠 世纪 华夏 东方 兴华 " +
  "复兴 建国 民主 新城 望江 环城 工农 花园 红旗 海滨 沿江 西湖 春风 长安 金沙 锦绣 书院"
).split(" ");
const ROAD_KIND: readonly Weighted<string>[] = [
  ["路", 60],
  ["街", 18],
  ["大道", 12],
  ["大街", 6],
  ["巷", 4],
];
const DIRECTIONS = ["东", "西", "南", "北", "中"];
const ORDINALS = ["一", "二", "三", "四", "五", "六"];

const ESTATE_STEMS = (
  "阳光 碧桂园 万科 绿城 保利 金地 华润 中海 龙湖 融创 翠苑 锦绣 金色 书香 名仕 御景 东方 " +
  "丽都 和谐 春天 香榭 枫林 橡树湾 紫薇 天鹅湖 江南 水岸 银杏 桃源 海棠 星河 瑞景 世纪 文苑"
).split(" ");
const ESTATE_KIND =
  "花园 小区 家园 公寓 苑 府 新村 城 嘉园 雅苑 华庭 名邸 国际 佳苑 一期 二期".split(" ");
const BUILDING_KIND: readonly Weighted<string>[] = [
  ["栋", 5],
  ["幢", 3],
  ["号楼", 3],
];
const OFFICE_STEMS = "国贸 时代 金融 环球 科创 恒隆 汇金 中天 创新 银泰 海创 财富 华贸".split(" ");
const OFFICE_KIND = "大厦 中心 广场 科技园 写字楼 产业园".split(" ");
const VILLAGE_STEMS = "王家 李庄 张湾 陈家 杨柳 石桥 新塘 下沙 后街 河西 柳营 东岗".split(" ");

function roadName(rng: Rng): string {
  const stem = rng.pick(ROAD_STEMS);
  const kind = rng.weighted(ROAD_KIND);
  if (kind === "路" && rng.chance(0.25)) return stem + rng.pick(DIRECTIONS) + kind;
  if (kind === "路" && rng.chance(0.08)) return stem + rng.pick(ORDINALS) + kind;
  return stem + kind;
}

/** House number on a road: mostly small, sometimes into the thousands like long arterials. */
function houseNumber(rng: Rng): string {
  const n = rng.chance(0.75) ? rng.int(1, 300) : rng.int(301, 2999);
  return `${n}号`;
}

/** Flat number: floor (1–33) followed by a two-digit door (01–04), like 1502 or 302. */
function room(rng: Rng): string {
  return `${rng.int(1, rng.chance(0.7) ? 18 : 33)}0${rng.int(1, 4)}室`;
}

/**
 * The part of an address below the county: residential estates mostly, then offices, old
 * village addresses and the odd bare door number, in the shapes couriers see every day:
 * "文三路100号翠苑一期3栋2单元501室", "科创大厦A座1203室", "王家村5组18号".
 */
export function randomStreetAddress(rng: Rng): string {
  const road = roadName(rng) + houseNumber(rng);
  const r = rng.next();
  if (r < 0.68) {
    const estate = rng.pick(ESTATE_STEMS) + rng.pick(ESTATE_KIND);
    const building = `${rng.int(1, 36)}${rng.weighted(BUILDING_KIND)}`;
    const unit = rng.chance(0.7) ? `${rng.int(1, 6)}单元` : "";
    return road + estate + building + unit + room(rng);
  }
  if (r < 0.86) {
    const office = rng.pick(OFFICE_STEMS) + rng.pick(OFFICE_KIND);
    const tower = rng.chance(0.4) ? `${rng.pick(["A", "B", "C", "D"])}座` : "";
    const floor = rng.int(2, 40);
    return rng.chance(0.5)
      ? `${road}${office}${tower}${floor}${String(rng.int(1, 30)).padStart(2, "0")}室`
      : `${road}${office}${tower}${floor}楼`;
  }
  if (r < 0.95) {
    return `${rng.pick(VILLAGE_STEMS)}村${rng.int(1, 12)}组${rng.int(1, 120)}号`;
  }
  return road;
}
