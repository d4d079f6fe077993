import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/factories.ts';
import { majorFinding, seedHazardWorld, step, uploadPhoto } from '../../../test/hazard-kit.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof seedHazardWorld>>['s'];
let enterpriseId: number;

interface Notice {
  kind: string;
  title: string;
  body: string;
  link: string;
  entityId: number;
}
const noticesOf = async (who: Session, hazardId: number): Promise<Notice[]> =>
  (await who.get('/api/v1/notifications?pageSize=50')).json().items.filter((n: Notice) => n.entityId === hazardId);

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  ({ s, enterpriseId } = await seedHazardWorld(t));
});
afterAll(() => t.close());

describe('the supervising unit is told what happens to its enterprises’ hazards', () => {
  it('gets a notice when a hazard is registered in an enterprise it supervises, and when 整改完成 is filed', async () => {
    const created = await s.inspector.post('/api/v1/hazards', {
      enterpriseId,
      channel: 'inspection',
      grade: 'general',
      category: 'thing',
      title: '灭火器压力不足',
      description: '仓库门口两具灭火器压力表指针在红区',
      deadline: '2026-03-10',
    });
    expect(created.statusCode, created.body).toBe(201);
    const h = created.json();

    const registered = await noticesOf(s.regulator, h.id);
    expect(registered).toEqual([
      expect.objectContaining({ kind: 'hazard.registered', title: '监管企业新登记隐患', link: `/hazards/${h.id}` }),
    ]);
    expect(registered[0]?.body).toContain('东村化工有限公司');
    // The enterprise is told to act, with the step one tap away; a unit that does not supervise it hears nothing.
    expect(await noticesOf(s.owner, h.id)).toEqual([
      expect.objectContaining({ kind: 'hazard.rectify', link: `/hazards/${h.id}?action=rectify` }),
    ]);
    expect(await noticesOf(s.market, h.id)).toEqual([]);
    // The finder is not told about their own registration.
    expect(await noticesOf(s.inspector, h.id)).toEqual([]);

    await step(s.owner, h.id, 'rectify', { version: h.version, note: '已更换两具灭火器', photos: [await uploadPhoto(s.owner)] });
    const done = { kind: 'hazard.rectify', title: '隐患整改完成待验收', link: `/hazards/${h.id}?action=accept` };
    // 整改完成: the finder who signs it off and the supervising unit, each once; not the enterprise that filed it.
    expect((await noticesOf(s.regulator, h.id)).filter((n) => n.kind === 'hazard.rectify')).toEqual([expect.objectContaining(done)]);
    expect(await noticesOf(s.inspector, h.id)).toEqual([expect.objectContaining(done)]);
    expect((await noticesOf(s.owner, h.id)).map((n) => n.title)).toEqual(['隐患待整改']);
    expect(await noticesOf(s.market, h.id)).toEqual([]);
  });

  it('a major hazard: the supervising unit is asked to 认定, with a link to the step', async () => {
    const created = await s.inspector.post('/api/v1/hazards', majorFinding(enterpriseId));
    expect(created.statusCode, created.body).toBe(201);
    const h = created.json();
    expect(await noticesOf(s.regulator, h.id)).toEqual([
      expect.objectContaining({ kind: 'hazard.confirm', title: '重大隐患待认定', link: `/hazards/${h.id}?action=confirm` }),
    ]);
  });
});
