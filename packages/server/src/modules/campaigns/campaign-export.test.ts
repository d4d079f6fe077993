import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureObjectType, makeCampaign, makeCampaignCheck, makeLedgerObject } from '../../../test/campaign-kit.ts';
import {
  codes,
  login,
  loginAs,
  makeEnterprise,
  makeHazard,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';

/** The 情况报告 (.docx) and the 统计表 (.xlsx) open with the libraries and carry the progress numbers. */
let t: TestApp;
let office: Session;
let id: number;
const docText = (payload: Buffer) =>
  strFromU8(unzipSync(new Uint8Array(payload))['word/document.xml'] as Uint8Array).replace(/<[^>]+>/g, '');

beforeAll(async () => {
  t = await startTestApp(new Date('2026-04-10T02:00:00Z'));
  const org = await seedOrg(t.database);
  const db = t.database.db;
  const type = await ensureObjectType(db, 'selfBuiltHouse');
  const created = new Date('2026-01-05T01:00:00Z');
  const a = await makeLedgerObject(db, { typeId: type.id, regionCode: codes.village1, name: '东村一号楼', createdAt: created });
  const b = await makeLedgerObject(db, { typeId: type.id, regionCode: codes.village1, name: '东村二号楼', createdAt: created });
  await makeLedgerObject(db, { typeId: type.id, regionCode: codes.village2, name: '西村三号楼', createdAt: created });
  const { campaign, rounds } = await makeCampaign(db, {
    regionCode: codes.town,
    title: '经营性自建房专项整治',
    scope: { kind: 'ledger', typeId: type.id, villageCodes: [] },
    rounds: [
      { startsOn: '2026-03-01', dueOn: '2026-03-31', status: 'closed' },
      { startsOn: '2026-04-01', dueOn: '2026-04-30', status: 'open' },
    ],
  });
  id = campaign.id;
  const anchor = await makeEnterprise(t.database, { name: '挂靠企业', regionCode: codes.village1 });
  const hazard = (status: 'closed' | 'rectifying', deadline: string) =>
    makeHazard(t.database, {
      enterprise: anchor,
      foundBy: org.users.village.id,
      status,
      enterpriseId: null,
      deadline,
      channel: 'campaign',
    });
  const [r1, r2] = rounds;
  if (!r1 || !r2) throw new Error('no rounds');
  const by = org.users.village.id;
  await makeCampaignCheck(db, { campaignId: id, roundId: r1.id, target: { objectId: a.id }, regionCode: codes.village1, checkedBy: by });
  const h1 = await hazard('closed', '2026-03-20');
  const h2 = await hazard('rectifying', '2026-04-01');
  await makeCampaignCheck(db, {
    campaignId: id,
    roundId: r1.id,
    target: { objectId: b.id },
    regionCode: codes.village1,
    checkedBy: by,
    hazardIds: [h1.id, h2.id],
  });
  await makeCampaignCheck(db, { campaignId: id, roundId: r2.id, target: { objectId: a.id }, regionCode: codes.village1, checkedBy: by });
  office = await loginAs(t.app, 'office');
});
afterAll(() => t.close());

describe('campaign exports', () => {
  it('情况报告 .docx: title, the four sections, the numbers per round, the open round’s next step', async () => {
    const res = await office.get(`/api/v1/campaigns/${id}/summary.docx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(String(res.headers['content-disposition'])).toContain(`campaign-${id}-summary-2026-04-10.docx`);
    const text = docText(res.rawPayload);
    expect(text).toContain('关于经营性自建房专项整治工作开展情况的报告');
    for (const heading of ['一、基本情况', '二、工作开展情况', '三、存在的问题', '四、下一步工作']) expect(text).toContain(heading);
    expect(text).toContain('应检查经营性自建房 3 栋，已检查 2 栋，覆盖率 66.7%；发现问题 1 栋，形成隐患 2 项，已整改销号 1 项');
    expect(text).toContain('应检查经营性自建房 3 栋，已检查 1 栋，覆盖率 33.3%');
    expect(text).toContain('尚有 1 项隐患未销号，其中 1 项已超过整改期限');
    expect(text).toContain('1 栋从未检查到（西村三号楼）');
    expect(text).toContain('抓紧推进第2轮检查，于2026年4月30日前完成剩余 2 栋经营性自建房的检查');
  });

  it('统计表 .xlsx: a row per village and 合计, seven columns per round; the objects sheet lists every target', async () => {
    const res = await office.get(`/api/v1/campaigns/${id}/table.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('统计表');
    if (!sheet) throw new Error('no sheet');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows[0]?.[0]).toBe('经营性自建房专项整治统计表');
    expect(rows[3]?.slice(2, 9)).toEqual(['应检查', '已检查', '覆盖率', '发现问题', '隐患数', '已销号', '未销号']);
    const byName = new Map(rows.map((r) => [r[1] === '' || r[1] === undefined ? String(r[0]) : String(r[1]), r]));
    expect(byName.get('东村')?.slice(2, 16)).toEqual([2, 2, '100.0%', 1, 2, 1, 1, 2, 1, '50.0%', 0, 0, 0, 0]);
    expect(byName.get('西村')?.slice(2, 9)).toEqual([1, 0, '0.0%', 0, 0, 0, 0]);
    expect(byName.get('合计')?.slice(2, 16)).toEqual([3, 2, '66.7%', 1, 2, 1, 1, 3, 1, '33.3%', 0, 0, 0, 0]);
    const objects = wb.getWorksheet('对象明细');
    expect(objects?.rowCount).toBe(1 + 3 + 3);
  });

  it('is refused outside the township', async () => {
    const other = await login(t.app, 'otheroffice');
    expect((await other.get(`/api/v1/campaigns/${id}/table.xlsx`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/campaigns/${id}/summary.docx`)).statusCode).toBe(404);
  });
});
