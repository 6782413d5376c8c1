/**
 * The time-lapse's trajectory steps in each courier's own vocabulary, as PROTOCOLS.md gives it:
 * SF opCodes (§1.5), Kuaidi100 `state` (§2.1, §2.2), Kdniao State / StateEx-as-Action (§3.4,
 * §3.5), ZTO push actions (§4.3) and J&T scanType texts (§5.1). A step a courier has no word for
 * is simply absent from its table, so e.g. an SF parcel that goes missing just falls silent.
 * YTO is not here: it pushes nothing.
 */

/** Couriers whose sandbox pushes trajectories. */
export const TIMELAPSE_COURIERS = ["sf", "zto", "jt", "kdniao", "kuaidi100"] as const;
export type TimelapseCourier = (typeof TIMELAPSE_COURIERS)[number];

/** A courier-neutral trajectory step; each courier words (or omits) it in its own vocabulary. */
export type StepKind =
  | "collected"
  | "sorted"
  | "departed"
  | "arrived"
  | "assigned"
  | "out_for_delivery"
  | "delivered"
  | "delivery_failed"
  | "refused"
  | "returning"
  | "returned"
  | "lost"
  | "locker_in"
  | "locker_out";

/** What a step's wording may mention. Cities are full names ("杭州市"). */
export type StepContext = {
  trackingNo: string;
  city: string;
  facility: string;
  /** Where a sorted / departed / returning parcel goes next. */
  next?: { city: string; facility: string };
  /** The facility is in the recipient's city (Kdniao 201 到达派件城市). */
  inDestinationCity: boolean;
  /** The courier who collects (origin) or delivers (destination). */
  staff: { name: string; phone: string };
  /** The locker or station of a locker delivery: brand ("丰巢智能快递柜") and full name. */
  locker: { brand: string; name: string };
};

/** One step in a courier's words. */
export type VocabEvent = {
  /**
   * The courier's own code: SF opCode, ZTO action (or the older scanType where no action is
   * documented), J&T scanType text, Kdniao Action (= StateEx, whose first digit is the State),
   * Kuaidi100 state.
   */
  code: string;
  description: string;
  /** Extra fields of the courier's wire object (SF reasonName, ZTO courier, J&T staffName, …). */
  extra?: Record<string, string>;
};

type Render = (c: StepContext) => VocabEvent;

/** How one courier names its facilities, which lockers it uses, and how it words each step. */
export type CourierVocabulary = {
  hub: (shortCity: string) => string;
  outlet: (shortCity: string, district: string) => string;
  lockerBrands: readonly [string, ...string[]];
  steps: Partial<Record<StepKind, Render>>;
};

/** "杭州市" → "杭州", as facilities are named. */
export const shortCity = (city: string): string => city.replace(/市$/, "") || city;

const nextName = (c: StepContext): string => c.next?.facility ?? c.facility;
const staffText = (c: StepContext): string => `${c.staff.name}(${c.staff.phone})`;
const ev = (code: string, description: string, extra?: Record<string, string>): VocabEvent =>
  extra ? { code, description, extra } : { code, description };

/** SF return waybills get a new number (648 "新单号为"); derived so it is stable. */
const sfReturnNo = (no: string): string => `SF${[...no.replace(/\D/g, "")].reverse().join("")}`;

const sf: CourierVocabulary = {
  hub: (city) => `${city}中转场`,
  outlet: (city, district) => `${city}${district}营业点`,
  lockerBrands: ["丰巢智能快递柜"],
  steps: {
    collected: () => ev("50", "顺丰速运 已收取快件"),
    sorted: (c) => ev("30", `快件在【${c.facility}】完成分拣,准备发往 【${nextName(c)}】`),
    departed: (c) => ev("36", `快件已发车,离开【${c.facility}】`),
    arrived: (c) => ev("31", `快件到达 【${c.facility}】`),
    assigned: (c) => ev("204", `快件交给${c.staff.name},正在派送途中(联系电话:${c.staff.phone})`),
    out_for_delivery: (c) =>
      ev("44", `正在派送途中,请您准备签收(派件人:${c.staff.name},电话:${c.staff.phone})`),
    delivered: () => ev("80", "已签收,感谢使用顺丰,期待再次为您服务"),
    delivery_failed: () =>
      ev("70", "由于联系不上收件人,派件不成功,快件将再次派送", { reasonName: "联系不上收件人" }),
    refused: () => ev("33", "派件异常原因:收方客户拒收快件", { reasonName: "客户拒收" }),
    returning: (c) => ev("648", `快件已退回/转寄,新单号为:${sfReturnNo(c.trackingNo)}`),
    returned: () => ev("631", "快件已退回,已由寄件人签收"),
    locker_in: (c) => ev("125", `快件已派送至【${c.locker.name}】,请凭取件码及时取件`),
    locker_out: (c) => ev("80", `已签收,签收人凭取件码在【${c.locker.name}】签收,感谢使用顺丰`),
  },
};

// GOT … SIGNED are §4.3's push actions; 问题件 / 退件 / 退件签收 are ZTO's older scanType strings
// (same section), used only for the exceptions no push action is documented for.
const zto: CourierVocabulary = {
  hub: (city) => `${city}中转部`,
  outlet: (city, district) => `${city}${district}`,
  lockerBrands: ["兔喜生活", "丰巢智能快递柜"],
  steps: {
    collected: (c) =>
      ev("GOT", `【${c.city}】【${c.facility}】的业务员${staffText(c)}已揽收`, {
        courier: c.staff.name,
        courierPhone: c.staff.phone,
      }),
    departed: (c) =>
      ev("DEPARTURE", `【${c.city}】快件离开【${c.facility}】已发往【${nextName(c)}】`, {
        nextNodeName: nextName(c),
        nextCity: c.next?.city ?? c.city,
      }),
    arrived: (c) => ev("ARRIVAL", `【${c.city}】快件已到达【${c.facility}】`),
    out_for_delivery: (c) =>
      ev(
        "DISPATCH",
        `【${c.city}】【${c.facility}】的业务员${staffText(c)}正在派件【95720为中通快递员外呼专属号码，请放心接听】`,
        { courier: c.staff.name, courierPhone: c.staff.phone },
      ),
    delivered: (c) =>
      ev(
        "SIGNED",
        `【${c.city}】快件已由【本人】签收，签收网点：【${c.facility}】。感谢使用中通快递，期待再次为您服务！`,
        { expressSigner: "本人" },
      ),
    locker_in: (c) =>
      ev("INBOUND", `【${c.city}】快件已被【${c.locker.name}】代收，请及时取件`, {
        comName: c.locker.brand,
      }),
    locker_out: (c) =>
      ev("DEPARTURE_SIGNED", `【${c.city}】快件已由收件人凭取件码在【${c.locker.name}】签收`),
    delivery_failed: (c) =>
      ev("问题件", `【${c.city}】快件派送不成功，原因：联系不上收件人，业务员将再次派送`),
    refused: (c) => ev("问题件", `【${c.city}】收件人拒收，快件将退回寄件人`),
    returning: (c) => ev("退件", `【${c.city}】快件已退回，正在返回【${nextName(c)}】`),
    returned: (c) => ev("退件签收", `【${c.city}】退回件已由寄件人签收`),
    lost: (c) => ev("问题件", `【${c.city}】快件在【${c.facility}】遗失，客服将联系您处理理赔`),
  },
};

/** J&T scanType text → trace node number (§5.1); 退件 is node 14, which lists no scan text. */
export const JT_SCAN_CODES: Readonly<Record<string, string>> = {
  快件揽收: "1",
  发件扫描: "3",
  到件扫描: "4",
  出仓扫描: "5",
  入库扫描: "6",
  代理点收入扫描: "7",
  快件取出扫描: "8",
  出库扫描: "9",
  快件签收: "10",
  问题件扫描: "11",
  退件: "14",
};

const jtStaff = (c: StepContext) => ({ staffName: c.staff.name, staffContact: c.staff.phone });

const jt: CourierVocabulary = {
  hub: (city) => `${city}转运中心`,
  outlet: (city, district) => `${city}${district}网点`,
  lockerBrands: ["菜鸟驿站", "丰巢智能快递柜"],
  steps: {
    collected: (c) =>
      ev("快件揽收", `快件已由【${c.facility}】揽收，揽收员：${staffText(c)}`, jtStaff(c)),
    departed: (c) => ev("发件扫描", `快件离开【${c.facility}】，已发往【${nextName(c)}】`),
    arrived: (c) => ev("到件扫描", `快件到达【${c.facility}】`),
    out_for_delivery: (c) =>
      ev("出仓扫描", `【${c.facility}】的快递员${staffText(c)}正在为您派件`, jtStaff(c)),
    delivered: (c) =>
      ev("快件签收", `快件已签收，签收人：本人。如有疑问请联系快递员${staffText(c)}`, jtStaff(c)),
    locker_in: (c) => ev("代理点收入扫描", `快件已到达【${c.locker.name}】，请凭取件码及时取件`),
    locker_out: (c) => ev("快件取出扫描", `快件已从【${c.locker.name}】取出，签收人凭取件码签收`),
    delivery_failed: (c) =>
      ev("问题件扫描", "快件派送不成功，原因：联系不上收件人，快递员将再次派送", jtStaff(c)),
    refused: () => ev("问题件扫描", "收件人拒收快件，快件将退回寄件人"),
    returning: (c) => ev("退件", `快件已发起退件，正在退回【${nextName(c)}】`),
    returned: () => ev("快件签收", "退回件已由寄件人签收，感谢使用极兔速递"),
    lost: (c) => ev("问题件扫描", `快件在【${c.facility}】遗失，客服将联系您处理理赔`),
  },
};

const kdniao: CourierVocabulary = {
  hub: (city) => `${city}转运中心`,
  outlet: (city, district) => `${city}${district}营业点`,
  lockerBrands: ["菜鸟驿站", "丰巢智能快递柜"],
  steps: {
    collected: (c) => ev("1", `【${shortCity(c.city)}】${c.facility}快递员已揽收`),
    departed: (c) => ev("2", `快件已从【${c.facility}】发出，下一站【${nextName(c)}】`),
    arrived: (c) => ev(c.inDestinationCity ? "201" : "2", `快件已到达【${c.facility}】`),
    out_for_delivery: (c) =>
      ev("202", `【${c.facility}】快递员${c.staff.name}正在派件，电话：${c.staff.phone}`),
    delivered: () => ev("3", "快件已签收，签收人：本人，感谢使用"),
    locker_in: (c) => ev("211", `快件已放入【${c.locker.name}】，请凭取件码及时取件`),
    locker_out: (c) => ev("311", `快件已从【${c.locker.name}】取出，已签收`),
    delivery_failed: () => ev("4", "派送失败：联系不上收件人，快递员将再次派送"),
    refused: () => ev("404", "收件人拒收，快件将退回寄件人"),
    returning: (c) => ev("404", `快件退回中，正在返回【${nextName(c)}】`),
    returned: () => ev("404", "退回件已由寄件人签收"),
    lost: (c) => ev("4", `快件在【${c.facility}】遗失，请联系快递公司处理`),
  },
};

/** Kuaidi100 state codes and their names (§2.1). */
export const KUAIDI100_STATES: Readonly<Record<string, string>> = {
  "0": "在途",
  "1": "揽收",
  "2": "疑难",
  "3": "签收",
  "4": "退签",
  "5": "派件",
  "6": "退回",
  "7": "转投",
  "14": "拒签",
};

const kuaidi100: CourierVocabulary = {
  hub: kdniao.hub,
  outlet: kdniao.outlet,
  lockerBrands: kdniao.lockerBrands,
  steps: {
    collected: (c) => ev("1", `【${shortCity(c.city)}】${c.facility}快递员已揽收`),
    departed: (c) => ev("0", `快件离开【${c.facility}】，已发往【${nextName(c)}】`),
    arrived: (c) => ev("0", `快件已到达【${c.facility}】`),
    out_for_delivery: (c) =>
      ev("5", `【${c.facility}】快递员${c.staff.name}正在为您派件，电话：${c.staff.phone}`),
    delivered: () => ev("3", "您的快件已签收，签收人：本人。感谢使用"),
    locker_in: (c) => ev("5", `您的快件已放入【${c.locker.name}】，请凭取件码及时取件`),
    locker_out: (c) => ev("3", `您的快件已从【${c.locker.name}】取出，已签收`),
    delivery_failed: () => ev("2", "快件派送不成功，原因：联系不上收件人"),
    refused: () => ev("14", "收件人拒收，快件将退回寄件人"),
    returning: (c) => ev("6", `快件退回中，正在返回【${nextName(c)}】`),
    returned: () => ev("4", "退回件已由寄件人签收"),
    lost: (c) => ev("2", `快件在【${c.facility}】遗失，请联系快递公司处理`),
  },
};

/** Every pushing courier's vocabulary. */
export const VOCABULARIES: Readonly<Record<TimelapseCourier, CourierVocabulary>> = {
  sf,
  zto,
  jt,
  kdniao,
  kuaidi100,
};
