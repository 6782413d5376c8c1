import {
  isDirectCountyGroup,
  isMunicipality,
  provinceOf,
  regionByCode,
  regionIndex,
  type Region,
} from "./data";

/**
 * The names an address may use for each region (full names, short names, common aliases) in a
 * character trie, so the parser finds every region name starting at a position with one walk
 * instead of testing 3,400 names.
 *
 * A name is "weak" when it carries no administrative suffix ("杭州", "仙桃") or is a generic word
 * ("城区", "郊区"): it only counts when an enclosing region anchors it, otherwise "中山路1号"
 * would resolve to 中山市 and "城区大道" to some 城区.
 */

export interface NameEntry {
  readonly region: Region;
  readonly weak: boolean;
}

export interface NameMatch {
  /** Index just past the matched name. */
  readonly end: number;
  readonly entries: readonly NameEntry[];
}

/** A name and whether it is weak (see above). */
type Alias = [name: string, weak: boolean];

interface TrieNode {
  next: Map<number, TrieNode> | null;
  entries: NameEntry[] | null;
}

const PROVINCE_SHORT: Readonly<Record<string, readonly string[]>> = {
  内蒙古自治区: ["内蒙古"],
  广西壮族自治区: ["广西", "广西自治区"],
  西藏自治区: ["西藏"],
  宁夏回族自治区: ["宁夏", "宁夏自治区"],
  新疆维吾尔自治区: ["新疆", "新疆自治区"],
};

/**
 * Ethnic groups named in autonomous prefectures/counties, longest first. Single-character
 * names are only stripped with "族" so place names such as 白沙/水城 are never cut.
 */
const ETHNIC = (
  "柯尔克孜 达斡尔 鄂伦春 鄂温克 哈萨克 塔吉克 维吾尔 布依 朝鲜 傈僳 景颇 拉祜 纳西 普米 仫佬 毛南 " +
  "仡佬 撒拉 东乡 保安 裕固 独龙 布朗 哈尼 土家 蒙古 锡伯 各 回 藏 苗 彝 壮 满 侗 瑶 白 傣 黎 佤 畲 水 土 羌 怒"
).split(" ");

/** "恩施土家族苗族" -> "恩施": strip trailing ethnic group names. */
export function stripEthnic(name: string): string {
  let s = name;
  for (let changed = true; changed;) {
    changed = false;
    for (const e of ETHNIC) {
      if (s.endsWith(`${e}族`)) s = s.slice(0, -(e.length + 1));
      else if (e.length > 1 && s.endsWith(e)) s = s.slice(0, -e.length);
      else continue;
      changed = true;
      break;
    }
  }
  return s;
}

function provinceNames(p: Region): Alias[] {
  const short = PROVINCE_SHORT[p.name] ?? [p.name.replace(/[省市]$/, "")];
  return [[p.name, false], ...short.map((n): Alias => [n, false])];
}

function cityNames(c: Region, province: Region): Alias[] {
  if (isMunicipality(province)) {
    // "北京 北京市 朝阳区", "上海市市辖区…": exports repeat the municipality as the city.
    const names: Alias[] = [
      [province.name, false],
      [province.name.slice(0, -1), true],
    ];
    if (c.code.endsWith("0100")) names.push(["市辖区", true]);
    return names;
  }
  if (isDirectCountyGroup(c)) {
    // The data says 行政区划; people also write 行政单位.
    return [
      [c.name, false],
      [c.name.replace("行政区划", "行政单位"), false],
    ];
  }
  const names: Alias[] = [[c.name, false]];
  const n = c.name;
  if (n.endsWith("自治州")) {
    const base = stripEthnic(n.slice(0, -3));
    names.push([`${base}州`, false], [base, true]);
  } else if (n.endsWith("地区")) names.push([n.slice(0, -2), true]);
  else if (n.endsWith("市") || n.endsWith("盟")) names.push([n.slice(0, -1), true]);
  return names;
}

function countyNames(k: Region, city: Region): Alias[] {
  const n = k.name;
  // 2-character districts (城区, 郊区, 矿区, 东区, 西区) are ordinary words in addresses.
  const names: Alias[] = [[n, n.length === 2 && n.endsWith("区")]];
  const m = /^(.+)自治([县旗])$/.exec(n);
  if (m?.[1] && m[2]) names.push([`${stripEthnic(m[1])}${m[2]}`, false]); // 长阳土家族自治县 -> 长阳县
  // Province-administered units act as cities, so "湖北仙桃…" is common.
  if (isDirectCountyGroup(city)) names.push([n.replace(/(市|林区)$/, ""), true]);
  return names;
}

function insert(root: TrieNode, name: string, entry: NameEntry): void {
  let node = root;
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    node.next ??= new Map();
    let child = node.next.get(ch);
    if (!child) {
      child = { next: null, entries: null };
      node.next.set(ch, child);
    }
    node = child;
  }
  node.entries ??= [];
  const existing = node.entries.find((e) => e.region === entry.region);
  // The same string can come from two rules (e.g. alias equal to full name): keep the strong one.
  if (!existing) node.entries.push(entry);
  else if (existing.weak && !entry.weak)
    node.entries.splice(node.entries.indexOf(existing), 1, entry);
}

let trie: TrieNode | undefined;

function namesFor(region: Region): Alias[] {
  if (region.level === 1) return provinceNames(region);
  if (region.level === 2) return cityNames(region, provinceOf(region));
  return countyNames(region, regionByCode(region.parentCode ?? "") ?? region);
}

function buildTrie(): TrieNode {
  const root: TrieNode = { next: null, entries: null };
  for (const region of regionIndex().all) {
    for (const [name, weak] of namesFor(region)) {
      if (name.length >= 2) insert(root, name, { region, weak });
    }
  }
  return root;
}

const aliases = new Map<Region, readonly string[]>();

/** Every name the parser accepts for a region (for typo suggestions), memoised. */
export function aliasesOf(region: Region): readonly string[] {
  let names = aliases.get(region);
  if (!names) {
    names = namesFor(region)
      .map(([name]) => name)
      .filter((name) => name.length >= 2);
    aliases.set(region, names);
  }
  return names;
}

/** Every known name starting at `pos`, shortest first. */
export function matchNames(s: string, pos: number): NameMatch[] {
  trie ??= buildTrie();
  const out: NameMatch[] = [];
  let node: TrieNode | undefined = trie;
  for (let i = pos; i < s.length && node?.next; i++) {
    node = node.next.get(s.charCodeAt(i));
    if (node?.entries) out.push({ end: i + 1, entries: node.entries });
  }
  return out;
}

/** Regions whose name (any alias) is exactly `text`. */
export function regionsNamed(text: string): readonly NameEntry[] {
  const last = matchNames(text, 0).at(-1);
  return last && last.end === text.length ? last.entries : [];
}
