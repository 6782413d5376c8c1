import { describe, it } from "vitest";
import { parseAddress } from "./address";
import { BJ_CY, check, HZ_XH, ok, type Err, type Ok } from "./expect-address";

describe("parseAddress", () => {
  const cases: [string, string, Ok | Err][] = [
    // Full names, short names, separators.
    ["full names", "浙江省杭州市西湖区文三路100号", ok(HZ_XH, "文三路100号")],
    ["short names", "浙江杭州西湖区文三路100号", ok(HZ_XH, "文三路100号")],
    [
      "Taobao spaces + postcode",
      "浙江省 杭州市 西湖区 文三路100号(310012)",
      ok(HZ_XH, "文三路100号"),
    ],
    ["postcode after a space", "浙江省杭州市西湖区文三路100号 310012", ok(HZ_XH, "文三路100号")],
    ["邮编 label", "浙江省杭州市西湖区文三路100号 邮编:310012", ok(HZ_XH, "文三路100号")],
    [
      "full-width spaces, parens, digits",
      "浙江省　杭州市　西湖区　文三路（近学院路）１００号（310012）",
      ok(HZ_XH, "文三路(近学院路)100号"),
    ],
    ["commas and slashes between parts", "浙江省,杭州市/西湖区,文三路", ok(HZ_XH, "文三路")],
    ["leading 中国", "中国 浙江省杭州市西湖区文三路", ok(HZ_XH, "文三路")],
    ["leading 中国大陆", "中国大陆浙江省杭州市西湖区文三路", ok(HZ_XH, "文三路")],
    [
      "detail repeating the regions",
      "浙江省 杭州市 西湖区 浙江省杭州市西湖区文三路",
      ok(HZ_XH, "文三路"),
    ],
    ["内蒙古", "内蒙古呼和浩特市新城区xx路", ok(["150000", "150100", "150102"], "xx路")],
    ["广西", "广西南宁市青秀区民族大道1号", ok(["450000", "450100", "450103"], "民族大道1号")],
    ["新疆", "新疆乌鲁木齐市天山区xx路", ok(["650000", "650100", "650102"], "xx路")],
    ["宁夏", "宁夏银川市兴庆区xx路", ok(["640000", "640100", "640104"], "xx路")],
    ["西藏", "西藏拉萨市城关区xx路", ok(["540000", "540100", "540102"], "xx路")],
    ["自治州 short 州 form", "四川省凉山州西昌市xx路", ok(["510000", "513400", "513401"], "xx路")],
    ["地区 short form", "新疆阿克苏阿克苏市xx路", ok(["650000", "652900", "652901"], "xx路")],
    [
      "autonomous county common name",
      "湖北省宜昌市长阳县龙舟坪镇",
      ok(["420000", "420500", "420528"], "龙舟坪镇"),
    ],
    // Municipalities.
    ["北京市朝阳区", "北京市朝阳区建国路1号", ok(BJ_CY, "建国路1号")],
    ["北京 北京市 朝阳区", "北京 北京市 朝阳区 建国路1号", ok(BJ_CY, "建国路1号")],
    ["北京朝阳区", "北京朝阳区建国路1号", ok(BJ_CY, "建国路1号")],
    ["市辖区 as the city", "北京市市辖区朝阳区建国路1号", ok(BJ_CY, "建国路1号")],
    [
      "上海市上海市",
      "上海市上海市浦东新区世纪大道1号",
      ok(["310000", "310100", "310115"], "世纪大道1号"),
    ],
    [
      "重庆 county under 500200",
      "重庆 重庆市 忠县 xx路",
      ok(["500000", "500200", "500233"], "xx路"),
    ],
    [
      "municipality without district",
      "重庆市解放碑xx路",
      ok(["500000", "500100", null], "解放碑xx路"),
    ],
    // 省直辖 counties and cities without counties.
    [
      "省直辖 county after the province",
      "湖北省仙桃市xx路",
      ok(["420000", "429000", "429004"], "xx路"),
    ],
    ["省直辖 short name", "湖北仙桃xx路", ok(["420000", "429000", "429004"], "xx路")],
    [
      "省直辖 group name written",
      "湖北省省直辖县级行政区划潜江市xx",
      ok(["420000", "429000", "429005"], "xx"),
    ],
    [
      "东莞: town stays in the detail",
      "广东省东莞市长安镇xx路",
      ok(["440000", "441900", null], "长安镇xx路"),
    ],
    [
      "东莞 repeated as district",
      "广东省 东莞市 东莞市 长安镇xx路",
      ok(["440000", "441900", null], "长安镇xx路"),
    ],
    [
      "中山路 is not a repeat of 中山",
      "广东省中山市中山路1号",
      ok(["440000", "442000", null], "中山路1号"),
    ],
    ["儋州", "海南省儋州市那大镇xx", ok(["460000", "460400", null], "那大镇xx")],
    ["嘉峪关", "甘肃省嘉峪关市雄关街道xx", ok(["620000", "620200", null], "雄关街道xx")],
    // Prefix traps.
    ["吉林省 vs 吉林市", "吉林省吉林市船营区xx路", ok(["220000", "220200", "220204"], "xx路")],
    ["吉林市 without province", "吉林市船营区xx路", ok(["220000", "220200", "220204"], "xx路")],
    [
      "海南藏族自治州 is not 海南省",
      "青海省海南藏族自治州共和县xx",
      ok(["630000", "632500", "632521"], "xx"),
    ],
    ["海南省", "海南海口美兰区xx", ok(["460000", "460100", "460108"], "xx")],
    ["朝阳市 vs 朝阳区", "辽宁省朝阳市双塔区xx", ok(["210000", "211300", "211302"], "xx")],
    ["济南市中区 = 济南 + 市中区", "山东省济南市中区xx", ok(["370000", "370100", "370103"], "xx")],
    ["鼓楼区 under its city", "福建省福州市鼓楼区xx", ok(["350000", "350100", "350102"], "xx")],
    ["河北区 is in 天津, not 河北省", "河北区xx路", ok(["120000", "120100", "120105"], "xx路")],
    [
      "school named after the city is kept",
      "北京市朝阳区北京市第八十中学",
      ok(BJ_CY, "北京市第八十中学"),
    ],
    [
      "a street like a district is no typo",
      "浙江省杭州市西湖大道1号",
      ok(["330000", "330100", null], "西湖大道1号"),
    ],
    // Missing levels.
    ["county unique in province", "浙江省西湖区文三路", ok(HZ_XH, "文三路")],
    ["county unique nationally", "余杭区文一西路", ok(["330000", "330100", "330110"], "文一西路")],
    ["county-level city alone", "义乌市xx路", ok(["330000", "330700", "330782"], "xx路")],
    ["city without province", "长春市朝阳区xx", ok(["220000", "220100", "220104"], "xx")],
    ["province + city, no district", "浙江省杭州市xx路", ok(["330000", "330100", null], "xx路")],
    [
      "county in several cities of the province",
      "江苏省鼓楼区中山路",
      {
        reason: "ambiguous_region",
        message: /add the city/,
        suggest: ["江苏省 南京市 鼓楼区", "江苏省 徐州市 鼓楼区"],
      },
    ],
    [
      "county only, in two provinces",
      "朝阳区建国路1号",
      { reason: "ambiguous_region", suggest: ["北京市 朝阳区", "吉林省 长春市 朝阳区"] },
    ],
    [
      "county only, in four cities: 3 suggestions",
      "鼓楼区xx",
      { reason: "ambiguous_region", message: /4 regions/ },
    ],
    [
      "generic 城区 needs a province",
      "山西省城区xx",
      { reason: "ambiguous_region", message: /"城区"/ },
    ],
    [
      "省直辖 group without province",
      "省直辖县级行政区划xx",
      { reason: "ambiguous_region", message: /3 regions/ },
    ],
    // Unknown regions and suggestions.
    [
      "city of another province",
      "浙江省南京市鼓楼区xx",
      {
        reason: "unknown_region",
        message: /^No city "南京市" in 浙江省$/,
        suggest: ["江苏省 南京市 鼓楼区"],
      },
    ],
    [
      "typo in the city",
      "浙江省杭洲市西湖区xx",
      {
        reason: "unknown_region",
        message: /^No city "杭洲市" in 浙江省$/,
        suggest: ["浙江省 杭州市 西湖区"],
      },
    ],
    [
      "typo in the district",
      "浙江省杭州市西虎区xx",
      {
        reason: "unknown_region",
        message: /^No district "西虎区" in 杭州市$/,
        suggest: ["浙江省 杭州市 西湖区"],
      },
    ],
    [
      "district of another city",
      "杭州市鼓楼区xx",
      { reason: "unknown_region", message: /^No district "鼓楼区" in 杭州市$/ },
    ],
    [
      "city inside a municipality",
      "北京市杭州市西湖区xx",
      {
        reason: "unknown_region",
        message: /^No city "杭州市" in 北京市$/,
        suggest: ["浙江省 杭州市"],
      },
    ],
    [
      "typo in the province",
      "浙将省杭州市西湖区xx",
      { reason: "unknown_region", message: /"浙将省"/, suggest: ["浙江省 杭州市 西湖区"] },
    ],
    [
      "bare city name needs more",
      "杭州文三路",
      { reason: "unknown_region", suggest: ["浙江省 杭州市"] },
    ],
    [
      "no region at all",
      "xx路100号",
      { reason: "unknown_region", message: /No province, city or district/ },
    ],
    ["province only", "浙江省", { reason: "unknown_region", message: /^No city after 浙江省$/ }],
    [
      "香港",
      "香港九龙弥敦道1号",
      { reason: "unknown_region", message: /not a domestic region/, suggest: [] },
    ],
    ["澳门", "澳门氹仔xx", { reason: "unknown_region", message: /Hong Kong, Macau and Taiwan/ }],
    [
      "中国台湾省",
      "中国台湾省台北市xx",
      { reason: "unknown_region", message: /"台湾" is not a domestic region/ },
    ],
    [
      "中国 in a name is not the country",
      "中国人民银行xx",
      { reason: "unknown_region", message: /中国人民银行/ },
    ],
    // Empty and missing detail.
    ["empty", "", { reason: "empty" }],
    ["blank", " \u3000 ", { reason: "empty" }],
    [
      "regions only",
      "浙江省 杭州市 西湖区",
      { reason: "missing_detail", message: /浙江省 杭州市 西湖区/ },
    ],
    ["postcode only after regions", "浙江杭州西湖区(310012)", { reason: "missing_detail" }],
    ["municipality only", "重庆市", { reason: "missing_detail" }],
  ];

  it.each(cases)("%s: %s", (_label, input, expected) => {
    check(parseAddress(input), expected);
  });
});
