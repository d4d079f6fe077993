import {
  addDays,
  computeReward,
  defaultMajorDeadline,
  imposedPenaltyStatuses,
  initialHazardStatus,
  type ReportChannel,
  type ReportEventKind,
  type ReportMatter,
  type ReportMessageKind,
  type ReportSource,
  type ReportStatus,
  reportDueOn,
  resolveSettingsValues,
  rewardClaimDueOn,
  trackingCodeAlphabet,
} from '@anzhi/core';
import { and, asc, eq, inArray, isNotNull, like } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { chinaToday } from '../lib/clock.ts';
import type { IdentityCipher } from '../lib/identity-cipher.ts';
import { enforcementPenalties } from '../modules/enforcement/enforcement.table.ts';
import { enterprises } from '../modules/enterprises/enterprise.table.ts';
import { hazardRepo } from '../modules/hazards/hazard.repo.ts';
import { hazardCode } from '../modules/hazards/hazard.service.ts';
import { hazards } from '../modules/hazards/hazard.table.ts';
import { reportEvents, reportMessages, reportRewards, reports } from '../modules/reports/report.table.ts';

/** The secret of every demo report (to try the reporter's tracking page with any demo tracking code). */
export const demoReportSecret = 'anzhi-demo-2026';

type Step = { kind: ReportEventKind; day: string; note?: string };
type Msg = { kind: ReportMessageKind; day: string; body: string; fromReporter?: boolean };
interface DemoReport {
  key: string;
  daysAgo: number;
  status: ReportStatus;
  channel: ReportChannel;
  source: ReportSource;
  matter: ReportMatter;
  description: string;
  enterprise: number;
  reporter?: { name: string; phone: string };
  acceptedDaysAgo?: number;
  extendedDays?: number;
  extensionReason?: string;
  decidedDaysAgo?: number;
  rejectReason?: string;
  duplicateOf?: string;
  messages?: Array<Omit<Msg, 'day'> & { daysAgo: number }>;
}

/**
 * 举报 of the demo township (issue 15): months of reports in every state, dated back from the demo clock's today —
 * received (one past the accept deadline), verifying (due soon, overdue, extended with a reason), founded (a new
 * hazard of channel 群众举报, a link to an existing 群众举报 hazard, a link to an imposed penalty with its reward computed
 * by core and paid, one with a reward approved and waiting to be claimed), unfounded with feedback, rejected, merged
 * duplicates; anonymous and named (SM4), internal and public, online, hotline and letter; with messages. Deadlines
 * from core's clock and rewards from core's rule, with the township's default settings.
 */
export async function seedDemoReports(
  tx: Tx,
  opts: { now: Date; identity: IdentityCipher; townshipCode: string; officeUserId: number },
): Promise<{ reports: number; rewards: number }> {
  const { now, identity } = opts;
  const today = chinaToday(now);
  const settings = resolveSettingsValues({});
  const config = settings.report;
  const ago = (n: number) => addDays(today, -n);
  const at = (day: string, hour = 2) => new Date(`${day}T${String(hour).padStart(2, '0')}:15:00Z`);
  const inTown = like(enterprises.regionCode, `${opts.townshipCode.slice(0, 9)}%`);
  const es = await tx
    .select()
    .from(enterprises)
    .where(and(inTown, isNotNull(enterprises.supervisingUnitId)))
    .orderBy(asc(enterprises.id))
    .limit(10);
  if (es.length < 4) return { reports: 0, rewards: 0 };
  const e = (k: number) => es[k % es.length] as (typeof es)[number];
  const [publicHazard] = await tx
    .select()
    .from(hazards)
    .where(and(eq(hazards.channel, 'publicReport'), like(hazards.regionCode, `${opts.townshipCode.slice(0, 9)}%`)))
    .orderBy(asc(hazards.id))
    .limit(1);
  const [penalty] = await tx
    .select()
    .from(enforcementPenalties)
    .where(and(inArray(enforcementPenalties.status, [...imposedPenaltyStatuses]), isNotNull(enforcementPenalties.amount)))
    .orderBy(asc(enforcementPenalties.id))
    .limit(1);
  // The enterprises of the linked hazard and penalty join the list, so those reports name the right enterprise.
  const wanted = [publicHazard?.enterpriseId, penalty?.enterpriseId].filter(
    (id): id is number => id != null && !es.some((x) => x.id === id),
  );
  if (wanted.length) es.push(...(await tx.select().from(enterprises).where(inArray(enterprises.id, wanted))));
  const enterpriseIndex = (id: number | null | undefined) =>
    Math.max(
      0,
      es.findIndex((x) => x.id === id),
    );

  const list: DemoReport[] = [
    {
      key: 'lateAccept',
      daysAgo: config.acceptDays + 3,
      status: 'received',
      channel: 'public',
      source: 'online',
      matter: 'hazard',
      description: '仓库门口堆满纸箱，消防通道被堵死，晚上还有人在里面抽烟。',
      enterprise: 0,
    },
    {
      key: 'fresh',
      daysAgo: 1,
      status: 'received',
      channel: 'public',
      source: 'hotline',
      matter: 'violation',
      description: '（12350 来电记录）反映该厂夜间偷偷开工，叉车司机没有证。',
      enterprise: 1,
      reporter: { name: '王秀英', phone: '13700001001' },
    },
    {
      key: 'dueSoon',
      daysAgo: config.verifyDays - 2,
      acceptedDaysAgo: config.verifyDays - 5,
      status: 'verifying',
      channel: 'public',
      source: 'online',
      matter: 'majorHazard',
      description: '液氨储罐区的可燃气体报警器一直是坏的，厂里说没钱换。',
      enterprise: 2,
      reporter: { name: '李建国', phone: '13700001002' },
      messages: [
        { kind: 'notice', daysAgo: config.verifyDays - 5, body: '您的举报已受理，我们将在规定期限内核查并反馈结果。' },
        { kind: 'question', daysAgo: 20, body: '请问报警器故障大约从什么时候开始？在储罐区哪一侧？' },
        { kind: 'answer', daysAgo: 18, body: '大概三个月前，靠近北门的那两个。', fromReporter: true },
      ],
    },
    {
      key: 'overdue',
      daysAgo: config.verifyDays + 8,
      acceptedDaysAgo: config.verifyDays + 5,
      status: 'verifying',
      channel: 'internal',
      source: 'online',
      matter: 'violation',
      description: '车间主任要求我们关掉冲床的光电保护装置赶产量，已经有人差点压到手。',
      enterprise: 3,
    },
    {
      key: 'extended',
      daysAgo: config.verifyDays + 18,
      acceptedDaysAgo: config.verifyDays + 15,
      extendedDays: Math.min(20, config.maxExtensionDays),
      extensionReason: '涉及多个租户，需会同市场监管所联合核查',
      status: 'verifying',
      channel: 'public',
      source: 'letter',
      matter: 'hazard',
      description: '（来信）出租厂房里住了人，电线乱拉，楼下就是仓库。',
      enterprise: 4,
      messages: [{ kind: 'extension', daysAgo: 10, body: '因涉及多个租户，需会同市场监管所联合核查，核查期限延长 20 天。' }],
    },
    {
      key: 'newHazard',
      daysAgo: 150,
      acceptedDaysAgo: 148,
      decidedDaysAgo: 125,
      status: 'founded',
      channel: 'public',
      source: 'online',
      matter: 'majorHazard',
      description: '厂区东侧喷漆房没有通风，工人都戴普通口罩。',
      enterprise: 5,
      reporter: { name: '张红梅', phone: '13700001003' },
      messages: [{ kind: 'feedback', daysAgo: 120, body: '经核查，您反映的问题属实，已责令企业限期整改并纳入隐患治理。感谢您的监督！' }],
    },
    {
      key: 'linkHazard',
      daysAgo: 130,
      acceptedDaysAgo: 128,
      decidedDaysAgo: 110,
      status: 'founded',
      channel: 'public',
      source: 'hotline',
      matter: 'hazard',
      description: publicHazard ? `（12350 来电记录）${publicHazard.title}` : '（12350 来电记录）配电房门锁坏了，小孩能进去。',
      enterprise: enterpriseIndex(publicHazard?.enterpriseId),
      messages: [{ kind: 'feedback', daysAgo: 105, body: '经核查属实，该问题已在隐患台账中督促整改。' }],
    },
    {
      key: 'penalty',
      daysAgo: 120,
      acceptedDaysAgo: 118,
      decidedDaysAgo: 90,
      status: 'founded',
      channel: 'internal',
      source: 'online',
      matter: 'violation',
      description: '公司让没有特种作业证的临时工上岗做电焊，出事就说是外包的。',
      enterprise: enterpriseIndex(penalty?.enterpriseId),
      reporter: { name: '赵志强', phone: '13700001004' },
      messages: [{ kind: 'feedback', daysAgo: 85, body: '经核查属实，已依法立案处罚。您可凭查询码领取举报奖励。' }],
    },
    {
      key: 'toClaim',
      daysAgo: 100,
      acceptedDaysAgo: 99,
      decidedDaysAgo: 40,
      status: 'founded',
      channel: 'public',
      source: 'online',
      matter: 'majorHazard',
      description: '危化品仓库里硝酸和有机溶剂混放在一起。',
      enterprise: 6,
      reporter: { name: '陈丽', phone: '13700001005' },
      messages: [{ kind: 'feedback', daysAgo: 38, body: '经核查，您反映的问题属实，已督促企业立即分区存放。' }],
    },
    {
      key: 'unfounded',
      daysAgo: 90,
      acceptedDaysAgo: 88,
      decidedDaysAgo: 60,
      status: 'unfounded',
      channel: 'public',
      source: 'online',
      matter: 'hazard',
      description: '听说这个厂的锅炉没有年检。',
      enterprise: 7,
      messages: [{ kind: 'feedback', daysAgo: 58, body: '经现场核查，该厂锅炉检验合格证在有效期内，反映的问题不属实。感谢您的关注。' }],
    },
    {
      key: 'rejected',
      daysAgo: 70,
      status: 'rejected',
      channel: 'public',
      source: 'online',
      matter: 'violation',
      description: '隔壁老板欠我工资不给。',
      enterprise: 8,
      rejectReason: '反映的是劳动报酬争议，不属于安全生产举报范围，请向劳动保障监察部门反映。',
    },
    {
      key: 'dup1',
      daysAgo: config.verifyDays + 6,
      status: 'merged',
      channel: 'public',
      source: 'hotline',
      matter: 'violation',
      description: '（12350 来电记录）冲床的安全装置被拆了。',
      enterprise: 3,
      duplicateOf: 'overdue',
    },
    {
      key: 'dup2',
      daysAgo: 127,
      status: 'merged',
      channel: 'public',
      source: 'online',
      matter: 'majorHazard',
      description: '喷漆房味道很大，没有排风。',
      enterprise: 5,
      duplicateOf: 'newHazard',
    },
    {
      key: 'internalFounded',
      daysAgo: 45,
      acceptedDaysAgo: 44,
      decidedDaysAgo: 20,
      status: 'founded',
      channel: 'internal',
      source: 'online',
      matter: 'hazard',
      description: '叉车的刹车坏了一个多月，班长说先凑合用。',
      enterprise: 9,
      messages: [{ kind: 'feedback', daysAgo: 18, body: '经核查属实，企业已停用该叉车并维修。' }],
    },
    {
      key: 'letterUnfounded',
      daysAgo: 30,
      acceptedDaysAgo: 29,
      decidedDaysAgo: 12,
      status: 'unfounded',
      channel: 'public',
      source: 'letter',
      matter: 'hazard',
      description: '（来信）工地塔吊晚上不关灯，怕倒下来。',
      enterprise: 2,
      messages: [{ kind: 'feedback', daysAgo: 10, body: '经核查，塔吊经检验合格，夜间照明为航空警示灯，不属实。' }],
    },
  ];

  const ids = new Map<string, number>();
  const rows = new Map<string, typeof reports.$inferSelect>();
  let serial = 0;
  let rewards = 0;
  for (const d of list) {
    const ent = e(d.enterprise);
    const receivedOn = ago(d.daysAgo);
    const acceptedOn = d.acceptedDaysAgo === undefined ? null : ago(d.acceptedDaysAgo);
    const decidedOn = d.decidedDaysAgo === undefined ? null : ago(d.decidedDaysAgo);
    const extendedDays = d.extendedDays ?? 0;
    const trackingCode = demoTrackingCode(++serial);
    const hazardId =
      d.key === 'newHazard'
        ? await newHazard(tx, ent, decidedOn as string, opts.officeUserId, d.description, now, settings)
        : d.key === 'linkHazard'
          ? (publicHazard?.id ?? null)
          : null;
    const [row] = await tx
      .insert(reports)
      .values({
        trackingCode,
        secretHash: identity.digest('secret', demoReportSecret),
        channel: d.channel,
        source: d.source,
        matter: d.matter,
        description: d.description,
        enterpriseId: ent.id,
        regionCode: ent.regionCode,
        industryCode: ent.industryCode,
        domains: ent.domains,
        assignedUnitId: d.status === 'received' || d.status === 'rejected' ? null : ent.supervisingUnitId,
        status: d.status,
        receivedAt: at(receivedOn),
        acceptedOn,
        dueOn: acceptedOn ? reportDueOn(acceptedOn, extendedDays, config) : null,
        extendedDays,
        extensionReason: d.extensionReason ?? null,
        decidedOn,
        outcomeNote: decidedOn ? '现场核查记录见附件（内部）' : null,
        feedbackAt: decidedOn ? at(addDays(decidedOn, 2), 6) : null,
        rejectReason: d.rejectReason ?? null,
        duplicateOfId: d.duplicateOf ? (ids.get(d.duplicateOf) ?? null) : null,
        hazardId,
        enforcementPenaltyId: d.key === 'penalty' ? (penalty?.id ?? null) : null,
        reporterNameEnc: d.reporter ? identity.encrypt(d.reporter.name) : null,
        reporterPhoneEnc: d.reporter ? identity.encrypt(d.reporter.phone) : null,
        named: Boolean(d.reporter),
        createdBy: d.source === 'online' ? null : opts.officeUserId,
        createdAt: at(receivedOn),
        updatedAt: now,
      })
      .returning();
    if (!row) continue;
    ids.set(d.key, row.id);
    rows.set(d.key, row);
    const steps: Step[] = [{ kind: 'received', day: receivedOn }];
    if (acceptedOn) steps.push({ kind: 'accepted', day: acceptedOn }, { kind: 'assigned', day: acceptedOn });
    if (d.extendedDays) steps.push({ kind: 'extended', day: ago(10), note: d.extensionReason });
    if (d.status === 'rejected') steps.push({ kind: 'rejected', day: ago(d.daysAgo - 2), note: d.rejectReason });
    if (d.status === 'merged') steps.push({ kind: 'merged', day: ago(d.daysAgo - 1) });
    if (decidedOn) steps.push({ kind: d.status === 'founded' ? 'founded' : 'unfounded', day: decidedOn });
    if (hazardId) steps.push({ kind: 'linkedHazard', day: decidedOn as string });
    if (d.key === 'penalty' && penalty) steps.push({ kind: 'linkedCase', day: decidedOn as string });
    await tx.insert(reportEvents).values(
      steps.map((s) => ({
        reportId: row.id,
        kind: s.kind,
        note: s.note ?? null,
        actorId: s.kind === 'received' ? null : opts.officeUserId,
        at: at(s.day, 3),
      })),
    );
    const msgs: Msg[] = (d.messages ?? []).map((m) => ({ ...m, day: ago(m.daysAgo) }));
    if (d.rejectReason) msgs.push({ kind: 'notice', day: ago(d.daysAgo - 2), body: `不予受理：${d.rejectReason}` });
    if (msgs.length)
      await tx.insert(reportMessages).values(
        msgs.map((m) => ({
          reportId: row.id,
          kind: m.kind,
          body: m.body,
          fromReporter: m.fromReporter ?? false,
          authorId: m.fromReporter ? null : opts.officeUserId,
          at: at(m.day, 5),
        })),
      );
  }

  // Rewards by core's rule: the penalty's fine (paid), and a major hazard without a fine at the minimum (approved, to claim).
  const reward = async (key: string, fineAmount: number | null, paidDaysAgo: number | null, approvedDaysAgo: number) => {
    const row = rows.get(key);
    if (!row?.matter) return;
    const c = computeReward({ matter: row.matter, fineAmount }, config);
    if (!c.eligible) return;
    const notifiedOn = ago(approvedDaysAgo);
    await tx.insert(reportRewards).values({
      reportId: row.id,
      regionCode: row.regionCode,
      status: paidDaysAgo === null ? 'approved' : 'paid',
      rule: c.rule,
      figures: c.figures,
      computedAmount: c.amount,
      amount: c.amount,
      proposedAt: at(ago(approvedDaysAgo + 3)),
      proposedBy: opts.officeUserId,
      decidedAt: at(notifiedOn),
      decidedBy: opts.officeUserId,
      notifiedOn,
      claimDueOn: rewardClaimDueOn(notifiedOn, config),
      paidOn: paidDaysAgo === null ? null : ago(paidDaysAgo),
      paidBy: paidDaysAgo === null ? null : opts.officeUserId,
      paymentRef: paidDaysAgo === null ? null : `JL${today.slice(0, 4)}-0001`,
    });
    await tx.insert(reportMessages).values({
      reportId: row.id,
      kind: 'notice',
      body: `您的举报经核查属实，拟奖励 ${c.amount.toLocaleString('zh-CN')} 元，请于 ${rewardClaimDueOn(notifiedOn, config)} 前凭查询码到镇安委办领取。`,
      authorId: opts.officeUserId,
      at: at(notifiedOn, 6),
    });
    rewards++;
  };
  if (penalty) await reward('penalty', penalty.amount, 60, 80);
  await reward('toClaim', null, null, 15);
  return { reports: rows.size, rewards };
}

async function newHazard(
  tx: Tx,
  e: typeof enterprises.$inferSelect,
  day: string,
  foundBy: number,
  description: string,
  now: Date,
  settings: ReturnType<typeof resolveSettingsValues>,
): Promise<number> {
  const id = await hazardRepo.nextId(tx);
  await hazardRepo.insert(tx, {
    id,
    code: hazardCode(id, day),
    enterpriseId: e.id,
    regionCode: e.regionCode,
    industryCode: e.industryCode,
    domains: e.domains,
    supervisingUnitId: e.supervisingUnitId,
    channel: 'publicReport',
    grade: 'major',
    category: 'thing',
    status: initialHazardStatus('major', false),
    title: '群众举报查实：喷漆房未设置机械通风',
    description: `群众举报经核查属实：${description}`,
    foundOn: day,
    foundBy,
    deadline: defaultMajorDeadline(day, settings.hazardTime),
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

/** Deterministic demo tracking codes in the public format (JB + 10 of the unambiguous alphabet). */
function demoTrackingCode(n: number): string {
  let code = 'JB';
  let x = n * 7919 + 104729;
  for (let i = 0; i < 10; i++) {
    code += trackingCodeAlphabet[x % trackingCodeAlphabet.length];
    x = Math.floor(x / trackingCodeAlphabet.length) + n * 31 + i * 17;
  }
  return code;
}
