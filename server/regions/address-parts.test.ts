import { describe, it } from "vitest";
import { parseAddressParts } from "./address";
import { BJ_CY, check, HZ_XH, ok, type Err, type Ok } from "./expect-address";

describe("parseAddressParts", () => {
  const cases: [string, Parameters<typeof parseAddressParts>[0], Ok | Err][] = [
    [
      "plain columns",
      { province: "浙江省", city: "杭州市", county: "西湖区", detail: "文三路100号" },
      ok(HZ_XH, "文三路100号"),
    ],
    [
      "short names",
      { province: "浙江", city: "杭州", county: "西湖区", detail: "文三路" },
      ok(HZ_XH, "文三路"),
    ],
    [
      "detail repeats the regions",
      {
        province: "浙江省",
        city: "杭州市",
        county: "西湖区",
        detail: "浙江省杭州市西湖区文三路100号",
      },
      ok(HZ_XH, "文三路100号"),
    ],
    [
      "detail repeats in short form",
      { province: "浙江", city: "杭州", county: "西湖区", detail: "浙江杭州西湖区文三路" },
      ok(HZ_XH, "文三路"),
    ],
    [
      "empty county found in the detail",
      { province: "浙江省", city: "杭州市", county: "", detail: "西湖区文三路100号" },
      ok(HZ_XH, "文三路100号"),
    ],
    [
      "empty county stays null",
      { province: "浙江省", city: "杭州市", detail: "文三路100号" },
      ok(["330000", "330100", null], "文三路100号"),
    ],
    [
      "only a province column, full detail",
      { province: "浙江省", city: "", county: "", detail: "浙江省杭州市西湖区文三路" },
      ok(HZ_XH, "文三路"),
    ],
    ["no province column", { city: "杭州市", county: "西湖区", detail: "xx" }, ok(HZ_XH, "xx")],
    ["no columns at all", { detail: "浙江省杭州市西湖区文三路" }, ok(HZ_XH, "文三路")],
    [
      "municipality 市辖区",
      { province: "北京市", city: "市辖区", county: "朝阳区", detail: "xx" },
      ok(BJ_CY, "xx"),
    ],
    [
      "municipality named twice",
      { province: "北京", city: "北京市", county: "朝阳区", detail: "北京市第八十中学" },
      ok(BJ_CY, "北京市第八十中学"),
    ],
    [
      "重庆 county picks the city code",
      { province: "重庆", city: "重庆市", county: "忠县", detail: "xx" },
      ok(["500000", "500200", "500233"], "xx"),
    ],
    [
      "省直辖 county in the city column",
      { province: "湖北省", city: "仙桃市", county: "", detail: "xx" },
      ok(["420000", "429000", "429004"], "xx"),
    ],
    [
      "省直辖 with a town column",
      { province: "湖北省", city: "仙桃市", county: "沙嘴街道", detail: "xx" },
      ok(["420000", "429000", "429004"], "沙嘴街道xx"),
    ],
    [
      "东莞 town in the county column",
      { province: "广东省", city: "东莞市", county: "长安镇", detail: "xx路" },
      ok(["440000", "441900", null], "长安镇xx路"),
    ],
    [
      "东莞 repeated as county",
      { province: "广东省", city: "东莞市", county: "东莞市", detail: "长安镇xx路" },
      ok(["440000", "441900", null], "长安镇xx路"),
    ],
    [
      "columns that do not line up fall back to free text",
      { province: "浙江省杭州市", county: "西湖区", detail: "xx" },
      ok(HZ_XH, "xx"),
    ],
    [
      "full-width detail",
      { province: "广西", city: "南宁", county: "青秀区", detail: "  民族大道（1号）" },
      ok(["450000", "450100", "450103"], "民族大道(1号)"),
    ],
    [
      "unknown province",
      { province: "浙将省", city: "杭州市", county: "西湖区", detail: "xx" },
      { reason: "unknown_region", message: /^Unknown province "浙将省"$/, suggest: ["浙江省"] },
    ],
    [
      "HK province column",
      { province: "香港", detail: "xx" },
      { reason: "unknown_region", message: /not a domestic region/ },
    ],
    [
      "typo in the city column",
      { province: "浙江省", city: "杭洲市", county: "西湖区", detail: "xx" },
      {
        reason: "unknown_region",
        message: /^No city "杭洲市" in 浙江省$/,
        suggest: ["浙江省 杭州市"],
      },
    ],
    [
      "district of another city",
      { province: "浙江省", city: "杭州市", county: "鼓楼区", detail: "xx" },
      { reason: "unknown_region", message: /^No district "鼓楼区" in 杭州市$/ },
    ],
    [
      "retired district is not dropped silently",
      { province: "浙江省", city: "杭州市", county: "江干区", detail: "xx" },
      { reason: "unknown_region", message: /江干区/ },
    ],
    [
      "ambiguous county column",
      { province: "江苏省", county: "鼓楼区", detail: "xx" },
      { reason: "ambiguous_region" },
    ],
    [
      "province only, detail has no city",
      { province: "浙江省", detail: "文三路" },
      { reason: "unknown_region", message: /in 浙江省/ },
    ],
    [
      "missing detail",
      { province: "浙江省", city: "杭州市", county: "西湖区", detail: "" },
      { reason: "missing_detail" },
    ],
    [
      "detail only repeats the regions",
      { province: "浙江省", city: "杭州市", county: "西湖区", detail: "浙江省杭州市西湖区" },
      { reason: "missing_detail" },
    ],
    [
      "county-level name in the city column, several in the province",
      { province: "江苏省", city: "鼓楼区", detail: "xx" },
      { reason: "ambiguous_region", suggest: ["江苏省 南京市 鼓楼区", "江苏省 徐州市 鼓楼区"] },
    ],
    [
      "unknown city column without province",
      { city: "杭洲市", detail: "xx" },
      { reason: "unknown_region", message: /No province, city or district/ },
    ],
    [
      "county column from another province",
      { province: "浙江省", county: "朝阳区", detail: "xx" },
      {
        reason: "unknown_region",
        message: /^No district "朝阳区" in 浙江省$/,
        suggest: ["北京市 朝阳区", "吉林省 长春市 朝阳区"],
      },
    ],
    [
      "unknown county column alone",
      { county: "西虎区", detail: "xx" },
      { reason: "unknown_region", message: /西虎区/ },
    ],
    [
      "everything empty",
      { province: null, city: null, county: null, detail: " " },
      { reason: "empty" },
    ],
  ];

  it.each(cases)("%s", (_label, input, expected) => {
    check(parseAddressParts(input), expected);
  });
});
