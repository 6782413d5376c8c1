import { describe, expect, it } from "vitest";
import { kdniaoDriver } from "./kdniao";
import { account, ctx, reply, requestData } from "./kdniao-testing";

describe("kdniao queryTrack and subscribe", () => {
  it("sends the phone digits for SF only", () => {
    const sf = requestData(
      kdniaoDriver.queryTrack.build(
        { trackingNo: "SF1", orderId: "P-1", phoneLast4: "1234", productCode: "SF" },
        account,
        ctx,
      ),
    );
    expect(sf).toEqual({
      OrderCode: "P-1",
      ShipperCode: "SF",
      LogisticCode: "SF1",
      CustomerName: "1234",
    });
    const zto = requestData(
      kdniaoDriver.queryTrack.build(
        { trackingNo: "Z1", phoneLast4: "1234", productCode: "ZTO" },
        account,
        ctx,
      ),
    );
    expect(zto).toEqual({ OrderCode: "", ShipperCode: "ZTO", LogisticCode: "Z1" });
    const sub = requestData(
      kdniaoDriver.subscribe.build(
        { trackingNo: "Z1", callbackUrl: "https://x.test/p", productCode: "ZTO" },
        account,
        ctx,
      ),
    );
    expect(sub).toEqual({ ShipperCode: "ZTO", LogisticCode: "Z1" });
  });

  it("turns traces into events, oldest first, the newest carrying the State", () => {
    const traces = [
      { AcceptTime: "2024-05-01 10:00:00", AcceptStation: "已揽收", Remark: "" },
      { AcceptTime: "2024-05-02 08:30:00", AcceptStation: "已签收", Remark: "", Location: "上海" },
    ];
    const body = {
      EBusinessID: "1237100",
      ShipperCode: "ZTO",
      LogisticCode: "Z1",
      Success: true,
      Reason: null,
      State: "3",
      Traces: traces,
    };
    expect(kdniaoDriver.queryTrack.parse(reply(body), { trackingNo: "Z1" }, account)).toEqual([
      {
        trackingNo: "Z1",
        time: "2024-05-01T10:00:00+08:00",
        code: "",
        description: "已揽收",
        raw: traces[0],
      },
      {
        trackingNo: "Z1",
        time: "2024-05-02T08:30:00+08:00",
        code: "3",
        description: "已签收",
        location: "上海",
        raw: traces[1],
      },
    ]);
  });

  it("a number without traces yet is an empty list", () => {
    const body = { Success: false, Reason: "暂无轨迹信息", State: "0", Traces: [] };
    expect(kdniaoDriver.queryTrack.parse(reply(body), { trackingNo: "Z1" }, account)).toEqual([]);
  });

  it("cancel sends OrderCode and ExpNo and accepts success", () => {
    const request = kdniaoDriver.cancelWaybill.build(
      { orderId: "P-1", trackingNo: "ZTO1", productCode: "ZTO" },
      account,
      ctx,
    );
    expect(requestData(request)).toEqual({ ShipperCode: "ZTO", OrderCode: "P-1", ExpNo: "ZTO1" });
    const ok = reply({
      EBusinessID: "1237100",
      Success: true,
      ResultCode: "100",
      Reason: "取消成功",
    });
    expect(
      kdniaoDriver.cancelWaybill.parse(ok, { orderId: "P-1", trackingNo: "ZTO1" }, account),
    ).toBeUndefined();
  });
});
