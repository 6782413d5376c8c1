import type { PackingSlip } from "@/server/printing/service";
import { Code128 } from "./barcode";

/** A4 with the margins office printers need; one slip per page. */
export const packingSlipPageCss = "@page{size:A4;margin:12mm}";

const css = `
.ps{box-sizing:border-box;width:186mm;min-height:120mm;color:#000;background:#fff;font-size:10.5pt;line-height:1.4;
font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
break-after:page;page-break-after:always;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.ps:last-child{break-after:auto;page-break-after:auto}
.ps *{box-sizing:border-box}
.ps-head{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:.6mm solid #000;padding-bottom:2mm}
.ps-head h2{margin:0;font-size:20pt;letter-spacing:.2em}
.ps-meta{display:grid;grid-template-columns:1fr 1fr;gap:1mm 6mm;margin:3mm 0}
.ps-meta b{font-weight:600}
.ps table{width:100%;border-collapse:collapse;margin-top:2mm}
.ps th,.ps td{border:.25mm solid #555;padding:1.2mm 2mm;text-align:left;vertical-align:top}
.ps th{background:#eee;font-weight:600}
.ps .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.ps .mono{font-family:"DejaVu Sans Mono",monospace;font-size:9pt}
.ps-remark{margin-top:3mm;border:.25mm dashed #555;padding:2mm}
.ps-foot{margin-top:6mm;display:flex;justify-content:space-between;font-size:9pt;color:#333}
`;

const shanghai = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/**
 * 发货单: what is in this parcel, per order, for the buyer and for the packer's final check.
 * Chinese whatever the console language: it travels in the box to a buyer in China. The
 * recipient comes masked from the server (the slip is read by anyone handling the box).
 */
export function PackingSlips({ slips, printedAt }: { slips: PackingSlip[]; printedAt: Date }) {
  return (
    <div className="ps-sheet">
      <style>{css}</style>
      {slips.map((s) => (
        <section key={s.parcelId} className="ps" data-parcel={s.parcelId}>
          <div className="ps-head">
            <div>
              <h2>发货单</h2>
              <div>{[...new Set(s.orders.map((o) => o.shopName))].join(" / ")}</div>
            </div>
            <div style={{ textAlign: "right" }}>
              <Code128 value={`P${s.parcelId}`} maxWidthMm={50} heightMm={10} />
              <div className="mono">P{s.parcelId}</div>
            </div>
          </div>
          <div className="ps-meta">
            <div>
              收件人：<b>{s.recipient.name}</b> {s.recipient.mobile}
            </div>
            <div>
              运单号：<b className="mono">{s.trackingNo ?? "—"}</b>
            </div>
            <div>地址：{s.recipient.address}</div>
            <div>发货仓：{s.warehouseName}</div>
          </div>
          {s.orders.map((o) => (
            <div key={o.id}>
              <div>
                订单号 <b className="mono">{o.platformOrderNo}</b> · 付款时间{" "}
                {shanghai.format(new Date(o.paidAt))}
              </div>
              <table>
                <thead>
                  <tr>
                    <th style={{ width: "8mm" }}>#</th>
                    <th style={{ width: "32mm" }}>商品编码</th>
                    <th>商品名称</th>
                    <th style={{ width: "34mm" }}>条码</th>
                    <th className="num" style={{ width: "16mm" }}>
                      数量
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {o.lines.map((l, i) => (
                    <tr key={`${l.sku}-${i}`}>
                      <td className="num">{i + 1}</td>
                      <td className="mono">{l.sku}</td>
                      <td>{l.name}</td>
                      <td className="mono">{l.barcode ?? ""}</td>
                      <td className="num">
                        <b>{l.quantity}</b>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {o.buyerRemark ? <div className="ps-remark">买家留言：{o.buyerRemark}</div> : null}
            </div>
          ))}
          <div style={{ marginTop: "2mm", textAlign: "right" }}>
            合计 <b>{s.units}</b> 件
          </div>
          <div className="ps-foot">
            <span>感谢您的购买！如有问题请联系店铺客服。</span>
            <span>打印时间 {shanghai.format(printedAt)}</span>
          </div>
        </section>
      ))}
    </div>
  );
}
