import type { CSSProperties } from "react";
import type { LabelView } from "@/server/printing/label-data";
import { Code128, QrCode } from "./barcode";
import { PAD_MM, fitFont, geometry } from "./label-styles";

/**
 * One e-waybill label at its exact physical size. The texts are Chinese whatever the console's
 * language: the label is read by couriers and sorting centres in China, as their own labels are.
 * No hooks, so it renders on the server (print sheet, bench) and in the browser (preview).
 */
export function Label({ view }: { view: LabelView }) {
  const g = geometry[view.template];
  const inner = g.widthMm - 2 * PAD_MM - 0.7;
  const rowWidth = inner - 2.4;
  const [header, , , , party, sender] = g.rows;
  const sortText = view.sortingCode ?? "";
  const badge = Math.min(party, g.widthMm < 90 ? 6 : 7.5);
  const who = rowWidth - badge - 1.5;
  const qr = view.secondary?.kind === "qr" ? view.secondary.value : null;
  const second = view.secondary?.kind === "code128" ? view.secondary.value : null;
  const goodsWidth = rowWidth - (qr ? g.qrMm + 1.5 : 0);
  const style = {
    width: `${g.widthMm}mm`,
    height: `${g.heightMm}mm`,
    "--f-small": `${g.font.small}mm`,
    "--f-stub": `${g.font.stub}mm`,
  } as CSSProperties;
  const px = (mm: number) => `${mm.toFixed(2)}mm`;

  return (
    <div className="wl" style={style} data-template={view.template} data-parcel={view.parcelId}>
      <div className="wl-main" style={{ gridTemplateRows: g.rows.map((r) => `${r}mm`).join(" ") }}>
        <div className="wl-row">
          <span
            className="wl-mark"
            style={{
              width: px(header - 2.4),
              height: px(header - 2.4),
              fontSize: px((header - 2.4) * (view.courier.mark.length > 2 ? 0.3 : 0.4)),
            }}
          >
            {view.courier.mark}
          </span>
          <span className="wl-brand">
            <b style={{ fontSize: px(g.font.name) }}>{view.courier.nameZh}</b>
            <span>
              {view.courier.nameEn}
              {view.via ? ` · 经${view.via}` : ""}
            </span>
          </span>
          <span className="wl-spacer" />
          {view.product ? (
            <span className="wl-product" style={{ fontSize: px(g.font.name) }}>
              {view.product}
            </span>
          ) : null}
        </div>
        <div
          className="wl-row wl-sort"
          style={{ fontSize: px(fitFont(sortText, g.font.sort, rowWidth)) }}
        >
          {sortText}
        </div>
        <div className="wl-row wl-center">
          <span className="wl-small">集包地</span>
          <b
            style={{
              fontSize: px(fitFont(view.packageCenter ?? "", g.font.center, rowWidth * 0.55)),
            }}
          >
            {view.packageCenter ?? ""}
          </b>
          <span className="wl-extras">
            {view.extras.map((e) => (
              <span key={e.caption}>
                {e.caption} <b>{e.value}</b>
              </span>
            ))}
          </span>
        </div>
        <div className="wl-row wl-barcode" data-testid="label-barcode">
          <Code128 value={view.trackingNo} maxWidthMm={rowWidth} heightMm={g.barcodeMm} />
          <span className="wl-track" style={{ fontSize: px(g.font.track) }}>
            {view.trackingNo}
          </span>
        </div>
        <div className="wl-row wl-party">
          <span className="wl-badge solid" style={{ width: px(badge), fontSize: px(badge * 0.6) }}>
            收
          </span>
          <span className="wl-who">
            <b style={{ fontSize: px(g.font.name) }}>
              {view.recipient.name} {view.recipient.mobile}
            </b>
            <span
              className="wl-addr"
              style={{
                fontSize: px(fitFont(view.recipient.address, g.font.addr, who, 3, 2.2)),
                fontWeight: 600,
              }}
            >
              {view.recipient.address}
            </span>
          </span>
        </div>
        <div className="wl-row wl-party">
          <span className="wl-badge" style={{ width: px(badge), fontSize: px(badge * 0.5) }}>
            寄
          </span>
          <span className="wl-who" style={{ fontSize: px(g.font.small) }}>
            <b>
              {view.sender.name} {view.sender.mobile}
              {view.sender.company ? ` ${view.sender.company}` : ""}
            </b>
            <span
              className="wl-addr"
              style={{
                fontSize: px(fitFont(view.sender.address, g.font.small, who, sender > 13 ? 2 : 1)),
              }}
            >
              {view.sender.address}
            </span>
          </span>
        </div>
        <div className="wl-row wl-goods">
          <div className="wl-goods-text">
            <p>
              内件：{view.goods.summary}
              <b> 共{view.goods.count}件</b>
              {view.weightG ? ` · ${(view.weightG / 1000).toFixed(2)}kg` : ""}
            </p>
            {view.remark ? (
              <p>
                备注：<b>{view.remark}</b>
              </p>
            ) : null}
            {second ? (
              <Code128 value={second} maxWidthMm={goodsWidth} heightMm={g.stubBarcodeMm} />
            ) : null}
          </div>
          {qr ? (
            <span className="wl-secondary">
              <QrCode value={qr} sizeMm={g.qrMm} />
            </span>
          ) : null}
        </div>
        <div className="wl-row wl-footer">
          <span>打印时间 {view.printedAt}</span>
          <span>
            P{view.parcelId}
            {view.orderNos[0] ? ` · ${view.orderNos[0]}` : ""}
            {view.orderNos.length > 1 ? ` 等${view.orderNos.length}单` : ""}
          </span>
        </div>
      </div>
      <Stub view={view} rowWidth={rowWidth} />
    </div>
  );
}

/** The tear-off part: the tracking number again, smaller, with who and what, for the sender. */
function Stub({ view, rowWidth }: { view: LabelView; rowWidth: number }) {
  const g = geometry[view.template];
  return (
    <div className="wl-stub">
      <div className="wl-stub-code">
        <Code128 value={view.trackingNo} maxWidthMm={rowWidth * 0.62} heightMm={g.stubBarcodeMm} />
        <span className="wl-track">{view.trackingNo}</span>
      </div>
      <p>
        <b>收</b> {view.recipient.name} {view.recipient.mobile} {view.recipient.address}
      </p>
      <p>
        <b>寄</b> {view.sender.name} {view.sender.mobile} {view.sender.address}
      </p>
      <p>
        内件：{view.goods.summary} <b>共{view.goods.count}件</b>
        {view.remark ? ` · 备注：${view.remark}` : ""}
      </p>
      <p>
        P{view.parcelId}
        {view.orderNos.length ? ` · 订单 ${view.orderNos.join("、")}` : ""} · 打印 {view.printedAt}
      </p>
      {g.signature ? (
        <div className="wl-sign">
          <span>签收人：</span>
          <span>签收时间：</span>
        </div>
      ) : null}
    </div>
  );
}
