import { type Enterprise, enterpriseReportPath } from '@anzhi/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export const REPORT_HOTLINE = '12350';

function useQrDataUrl(text: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: 360 }).then(
      (u) => live && setUrl(u),
      () => live && setUrl(null),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return url;
}

function Cell({ value }: { value: string | null }) {
  return value?.trim() ? value : <span className="card-pending">（待明确）</span>;
}

/** 安全生产“三个责任人”公示牌: what hangs at the gate, with the QR code to the public report page. */
export function ResponsibilityCard({ enterprise: e }: { enterprise: Enterprise }) {
  const reportUrl = `${window.location.origin}${enterpriseReportPath(e.publicCode)}`;
  const qr = useQrDataUrl(reportUrl);
  const unit = e.supervisingUnitName ? `（${e.supervisingUnitName}）` : '';
  const rows: Array<[string, string | null, string | null]> = [
    ['行政领导责任人', e.townshipLeader, e.townshipLeaderPhone],
    [`部门监管责任人${unit}`, e.unitSupervisor, e.unitSupervisorPhone],
    ['企业主要负责人', e.principal, e.principalPhone],
  ];
  return (
    <article className="responsibility-card" data-testid="responsibility-card">
      <h1 className="card-title">安全生产“三个责任人”公示牌</h1>
      <div className="card-enterprise">
        <div className="card-name">{e.name}</div>
        {e.address ? <div className="card-address">地址：{e.address}</div> : null}
      </div>
      <table className="card-table">
        <thead>
          <tr>
            <th style={{ width: '38%' }}>责任类别</th>
            <th>姓名</th>
            <th>联系电话</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([role, name, phone]) => (
            <tr key={role}>
              <th scope="row">{role}</th>
              <td>
                <Cell value={name} />
              </td>
              <td>{name?.trim() ? <Cell value={phone} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="card-footer">
        <div className="card-hotline">
          <div>举报投诉电话</div>
          <div className="card-hotline-number">{REPORT_HOTLINE}</div>
          <p className="card-note">发现安全隐患或违法生产经营行为，欢迎拨打电话或扫码举报。</p>
        </div>
        <figure className="card-qr">
          {qr ? <img src={qr} alt="举报二维码" data-testid="card-qr" /> : <div className="card-qr-placeholder" />}
          <figcaption>扫码举报安全隐患（可匿名）</figcaption>
        </figure>
      </div>
    </article>
  );
}
