import fs from 'node:fs';
import path from 'node:path';
import type { PlanDraft } from '@anzhi/core';
import type { Session } from './app.ts';
import { multipart } from './factories.ts';

/** Seed 003 (曲梁镇安全生产治本攻坚三年行动实施方案), a real township plan as text. */
export const seed003 = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/plans/plan-003.txt'));

export async function importFile(s: Session, content: Buffer, fileName: string, url = '/api/v1/plans/import') {
  return s.request({ method: 'POST', url, ...multipart(content, fileName) });
}

/**
 * Settles every undecided name: units the test township has (by the best suggestion) are taken, the rest are not
 * tracked; tasks left without a lead go to the office's unit unless `toOffice` is false. Returns the draft after the edit.
 */
export async function settleMappings(s: Session, draft: PlanDraft, opts: { toOffice?: boolean } = {}): Promise<PlanDraft> {
  const mappings = draft.mappings
    .filter((m) => !m.decided)
    .map((m) =>
      m.suggestions[0] && m.suggestions[0].score >= 0.8
        ? { name: m.name, unitId: m.suggestions[0].unitId }
        : { name: m.name, ignored: true },
    );
  const res = await s.patch(`/api/v1/plans/${draft.plan.id}/draft`, {
    version: draft.plan.version,
    mappings,
    ...(opts.toOffice === false ? {} : { assignUnledToOffice: true }),
  });
  if (res.statusCode !== 200) throw new Error(`settle mappings: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Imports seed 003 as the township office and publishes it. */
export async function publishedSeed003(office: Session): Promise<PlanDraft> {
  const imported = await importFile(office, seed003, '003.txt');
  if (imported.statusCode !== 201) throw new Error(`import: ${imported.statusCode} ${imported.body}`);
  const draft = await settleMappings(office, imported.json());
  const res = await office.post(`/api/v1/plans/${draft.plan.id}/publish`, { version: draft.plan.version });
  if (res.statusCode !== 200) throw new Error(`publish: ${res.statusCode} ${res.body}`);
  return { ...draft, plan: { ...draft.plan, version: res.json().version, status: 'published' } };
}
