import { describe, expect, it } from "vitest";
import {
  goodsSummary,
  labelView,
  regionLine,
  shanghaiMinute,
  type LabelSource,
} from "./label-data";

const parcel: LabelSource["parcel"] = {
  id: 42,
  recipientName: "张三丰",
  recipientMobile: "13812345678",
  recipientMobileExt: null,
  regionText: "浙江省 杭州市 西湖区",
  addressDetail: "文三路100号",
  weightG: 1250,
  items: [
    { name: "意式拼配豆 500g", quantity: 2 },
    { name: "陶瓷马克杯", quantity: 1 },
  ],
  remarks: ["易碎，轻放", ""],
  orderNos: ["3712345678901234567"],
};

const sender: LabelSource["sender"] = {
  name: "仓管王",
  mobile: "13900139000",
  regionText: "浙江省 杭州市 余杭区",
  address: "仓前街道文一西路 1500 号",
  company: "码头咖啡天猫店",
};

function source(
  courier: string,
  driver: string,
  labelData: Record<string, string>,
  codes: { sortingCode?: string; packageCenter?: string } = {},
): LabelSource {
  return {
    template: "100x180",
    waybill: {
      id: 7,
      courier,
      driver,
      trackingNo: "SF1400000000001",
      sortingCode: codes.sortingCode ?? null,
      packageCenter: codes.packageCenter ?? null,
      labelData,
    },
    parcel,
    sender,
    printedAt: new Date("2026-11-24T10:03:59Z"),
    privacy: true,
  };
}

/** label_data as each driver's WaybillResult carries it (see server/couriers/drivers/*). */
const cases = [
  {
    name: "SF: route QR, product and 进港映射码",
    src: source(
      "sf",
      "sf",
      {
        destRouteLabel: "020WA-012",
        destTransferCode: "020WA",
        sourceTransferCode: "571W",
        codingMapping: "K12",
        proCode: "标快",
        twoDimensionCode: "MMM={'k1':'020WA','k5':'SF1400000000001'}",
      },
      { sortingCode: "020WA-012", packageCenter: "020WA" },
    ),
    expect: {
      courier: { code: "sf", nameZh: "顺丰速运", mark: "顺丰" },
      via: null,
      product: "标快",
      secondary: { kind: "qr", value: "MMM={'k1':'020WA','k5':'SF1400000000001'}" },
      extras: [
        { caption: "进港映射码", value: "K12" },
        { caption: "始发中转", value: "571W" },
      ],
    },
  },
  {
    name: "ZTO: 网点 beside the 大头笔; mark and bagAddr not repeated",
    src: source(
      "zto",
      "zto",
      { mark: "310- A01 02", bagAddr: "广州中心", siteName: "杭州", orderCode: "42" },
      { sortingCode: "310- A01 02", packageCenter: "广州中心" },
    ),
    expect: { product: null, secondary: null, extras: [{ caption: "网点", value: "杭州" }] },
  },
  {
    name: "YTO: nothing beyond the codes",
    src: source("yto", "yto", { shortAddress: "200-300-12" }, { sortingCode: "200-300-12" }),
    expect: { extras: [], secondary: null },
  },
  {
    name: "EMS: route code printed small when the 大头笔 is the destination name",
    src: source(
      "ems",
      "ems",
      {
        routeCode: "510-12-34",
        markDestinationName: "广州 天河",
        packageCodeName: "广州邮区中心局",
      },
      { sortingCode: "广州 天河", packageCenter: "广州邮区中心局" },
    ),
    expect: { extras: [{ caption: "路由", value: "510-12-34" }] },
  },
  {
    name: "STO: 安全号",
    src: source(
      "sto",
      "sto",
      { bigWord: "001-002-003", packagePlace: "广州转运中心", safeNo: "95000000000001" },
      { sortingCode: "001-002-003", packageCenter: "广州转运中心" },
    ),
    expect: { extras: [{ caption: "安全号", value: "95000000000001" }] },
  },
  {
    name: "J&T: sorting code and centre only",
    src: source("jt", "jt", { sortingCode: "A1-B2", lastCenterName: "广州转运中心" }),
    expect: { extras: [], courier: { nameZh: "极兔速递" } },
  },
  {
    name: "Cainiao (aggregator): the carrier's brand, routed via 菜鸟",
    src: source("yto", "cainiao", { routeCode: "512 A07", consolidationCode: "000123" }),
    expect: {
      courier: { code: "yto", nameZh: "圆通速递" },
      via: "菜鸟",
      extras: [
        { caption: "路由码", value: "512 A07" },
        { caption: "集包编码", value: "000123" },
      ],
    },
  },
  {
    name: "Kdniao: 分拣码 and 集包编码; a QRCode field becomes the QR",
    src: source("sf", "kdniao", { SortingCode: "101-01", PackageCode: "P001", QRCode: "Q-1" }),
    expect: {
      courier: { code: "sf" },
      via: "快递鸟",
      secondary: { kind: "qr", value: "Q-1" },
      extras: [
        { caption: "分拣码", value: "101-01" },
        { caption: "集包编码", value: "P001" },
      ],
    },
  },
  {
    name: "Kdniao as issuance stores it (courier = account's): the carrier from ShipperCode",
    src: source("kdniao", "kdniao", { ShipperCode: "ZTO", MarkDestination: "上海 浦东" }),
    expect: { courier: { code: "zto", nameZh: "中通快递" }, via: "快递鸟" },
  },
  {
    name: "Kdniao with an unknown ShipperCode: the aggregator's own name",
    src: source("kdniao", "kdniao", { ShipperCode: "NOPE" }),
    expect: { courier: { code: "kdniao", nameZh: "快递鸟" }, via: null },
  },
  {
    name: "Kuaidi100: destSortingCode and pkgCode",
    src: source("zto", "kuaidi100", { destSortingCode: "120-20", pkgCode: "P020", taskId: "T1" }),
    expect: {
      via: "快递100",
      extras: [
        { caption: "分拣码", value: "120-20" },
        { caption: "集包编码", value: "P020" },
      ],
    },
  },
  {
    name: "Yunda (profile): 格口",
    src: source("yunda", "yunda", { positionNo: "A-12", orderSerialNo: "9" }),
    expect: { extras: [{ caption: "格口", value: "A-12" }] },
  },
  {
    name: "Deppon (profile): nothing printed from label data",
    src: source("deppon", "deppon", { logisticID: "X42" }),
    expect: { extras: [], courier: { nameZh: "德邦快递" } },
  },
  {
    name: "a courier outside the catalog still prints, under its code",
    src: source("acme", "acme", { anything: "1" }),
    expect: { courier: { code: "acme", nameZh: "acme", mark: "AC" }, extras: [], via: null },
  },
];

describe("labelView per courier", () => {
  it.each(cases)("$name", ({ src, expect: want }) => {
    expect(labelView(src)).toMatchObject(want);
  });
});

describe("labelView common fields", () => {
  it("masks the recipient in privacy mode but never the address", () => {
    const v = labelView(source("sf", "sf", {}));
    expect(v.recipient).toEqual({
      name: "张*丰",
      mobile: "138****5678",
      address: "浙江省杭州市西湖区文三路100号",
    });
    expect(v.privacy).toBe(true);
  });

  it("prints the recipient in full with privacy off, keeping a virtual-number extension", () => {
    const src = source("sf", "sf", {});
    const v = labelView({
      ...src,
      privacy: false,
      parcel: { ...parcel, recipientMobileExt: "1234" },
    });
    expect(v.recipient.name).toBe("张三丰");
    expect(v.recipient.mobile).toBe("13812345678-1234");
    const masked = labelView({ ...src, parcel: { ...parcel, recipientMobileExt: "1234" } });
    expect(masked.recipient.mobile).toBe("138****5678-1234");
  });

  it("carries sender, goods, remark, weight and the print time in Asia/Shanghai", () => {
    const v = labelView(source("zto", "zto", {}));
    expect(v.sender).toEqual({
      name: "仓管王",
      mobile: "13900139000",
      address: "浙江省杭州市余杭区仓前街道文一西路 1500 号",
      company: "码头咖啡天猫店",
    });
    expect(v.goods).toEqual({ summary: "意式拼配豆 500g×2，陶瓷马克杯×1", count: 3 });
    expect(v.remark).toBe("易碎，轻放");
    expect(v.weightG).toBe(1250);
    expect(v.printedAt).toBe("2026-11-24 18:03");
    expect(v).toMatchObject({ parcelId: 42, waybillId: 7, template: "100x180" });
  });

  it("cuts a long goods summary with an ellipsis and keeps the unit count", () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ name: `商品名称${i}`, quantity: 2 }));
    const g = goodsSummary(items);
    expect([...g.summary]).toHaveLength(60);
    expect(g.summary.endsWith("…")).toBe(true);
    expect(g.count).toBe(24);
  });

  it("prints a municipality once, as couriers do", () => {
    expect(regionLine("上海市 上海市 崇明区")).toBe("上海市崇明区");
    expect(regionLine("浙江省 杭州市 西湖区")).toBe("浙江省杭州市西湖区");
    const v = labelView({
      ...source("sf", "sf", {}),
      parcel: { ...parcel, regionText: "北京市 北京市 朝阳区", addressDetail: "建国路88号" },
    });
    expect(v.recipient.address).toBe("北京市朝阳区建国路88号");
  });

  it("formats minutes in Asia/Shanghai across midnight", () => {
    expect(shanghaiMinute(new Date("2026-12-31T16:30:00Z"))).toBe("2027-01-01 00:30");
  });
});
