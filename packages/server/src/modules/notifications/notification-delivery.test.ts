import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedOrg, startTestApp, type TestApp } from '../../../test/app.ts';
import { startFakeRobots, startFakeSmtp } from '../../../test/fake-outbound.ts';
import { loadConfig } from '../../config.ts';
import { createEmailChannel } from '../../lib/outbound/email.channel.ts';
import { createOutboundChannels, type OutboundChannel } from '../../lib/outbound/outbound.ts';
import { createWebhookChannel } from '../../lib/outbound/webhook.channel.ts';
import { jobs } from '../jobs/job.table.ts';
import { createJobWorker, defaultLeaseMs } from '../jobs/job-queue.ts';
import { users } from '../users/user.table.ts';
import { createNotificationService, MAX_DELIVERY_ATTEMPTS, type NoticeInput } from './notification.service.ts';
import { notifications } from './notification.table.ts';
import { outboundQueue } from './notification-jobs.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let robots: Awaited<ReturnType<typeof startFakeRobots>>;
const publicUrl = 'http://anzhi.example.cn:3000';

beforeAll(async () => {
  t = await startTestApp();
  org = await seedOrg(t.database);
  smtp = await startFakeSmtp();
  robots = await startFakeRobots();
  const db = t.database.db;
  await db.update(users).set({ email: 'office@example.cn' }).where(eq(users.id, org.users.office.id));
  await db.update(users).set({ email: 'market@example.cn' }).where(eq(users.id, org.users.unitStaff.id));
});
afterAll(async () => {
  await smtp?.close();
  await robots?.close();
  await t.close();
});
beforeEach(async () => {
  // Each test counts its own traffic; earlier rows are settled so they are not sent again.
  smtp.reset();
  robots.reset();
  await t.database.db
    .update(jobs)
    .set({ state: 'done' })
    .where(inArray(jobs.state, ['queued']));
});

let seq = 0;
const notice = (userIds: number[], over: Partial<NoticeInput> = {}): NoticeInput => ({
  userIds,
  kind: 'hazard.assigned',
  title: '新隐患待整改',
  body: '东村化工有限公司：配电箱未接地，请于 2026-03-10 前整改。',
  link: '/hazards/7',
  dedupeKey: `test:${++seq}`,
  ...over,
});

function serviceWith(channels: OutboundChannel[]) {
  const service = createNotificationService({ db: t.database.db, clock: t.clock, channels });
  return { service, notify: (n: NoticeInput) => t.database.db.transaction((tx) => service.notify(tx, n)) };
}

async function deliveriesOf(title: string) {
  return t.database.db
    .select({
      channel: sql<string>`${jobs.payload}->>'channel'`,
      status: jobs.state,
      attempts: jobs.attempts,
      lastError: jobs.lastError,
      userId: notifications.userId,
    })
    .from(jobs)
    .innerJoin(notifications, sql`${notifications.id} = (${jobs.payload}->>'notificationId')::int`)
    .where(eq(notifications.title, title))
    .orderBy(jobs.id);
}

describe('e-mail copies (fake SMTP server)', () => {
  it('mails each recipient that has an address, skips the one without, and never sends twice', async () => {
    const { service, notify } = serviceWith([createEmailChannel({ url: smtp.url, from: '安治平台 <anzhi@example.cn>', publicUrl })]);
    await notify(notice([org.users.office.id, org.users.unitStaff.id, org.users.village.id], { title: '请核查配电箱' }));
    expect(await service.deliverPending()).toEqual({ sent: 2, failed: 0 });
    expect(await service.deliverPending()).toEqual({ sent: 0, failed: 0 });

    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(['market@example.cn', 'office@example.cn']);
    const mail = smtp.mails.find((m) => m.to[0] === 'office@example.cn');
    expect(mail).toMatchObject({ user: 'anzhi', from: 'anzhi@example.cn', subject: '【安治】请核查配电箱' });
    expect(mail?.text).toContain('配电箱未接地');
    expect(mail?.text).toContain(`查看详情：${publicUrl}/hazards/7`);
    const rows = await deliveriesOf('请核查配电箱');
    expect(rows.map((r) => [r.userId, r.channel, r.status])).toEqual([
      [org.users.office.id, 'email', 'done'],
      [org.users.unitStaff.id, 'email', 'done'],
      [org.users.village.id, 'email', 'done'],
    ]);
    expect(rows[2]?.lastError).toBe('用户未填写电子邮箱');
  });

  it('records a refused mail, retries it after a delay, and delivers it once', async () => {
    const { service, notify } = serviceWith([createEmailChannel({ url: smtp.url, from: 'anzhi@example.cn' })]);
    smtp.rejectNext(1);
    await notify(notice([org.users.office.id], { title: '邮件重试', link: null }));
    expect(await service.deliverPending()).toEqual({ sent: 0, failed: 1 });
    let [row] = await deliveriesOf('邮件重试');
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row?.lastError).toMatch(/451/);
    expect(await service.deliverPending()).toEqual({ sent: 0, failed: 0 });

    t.clock.advance(61_000);
    expect(await service.deliverPending()).toEqual({ sent: 1, failed: 0 });
    [row] = await deliveriesOf('邮件重试');
    expect(row).toMatchObject({ status: 'done', attempts: 2, lastError: null });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.text).toContain('请登录安治平台查看详情');
  });
});

describe('group robots (fake WeCom / DingTalk server)', () => {
  it('posts one markdown message per notice to each robot, however many recipients', async () => {
    const { service, notify } = serviceWith([
      createWebhookChannel({ url: robots.wecomUrl, publicUrl }),
      createWebhookChannel({ url: robots.dingtalkUrl, publicUrl }),
    ]);
    await notify(notice([org.users.office.id, org.users.village.id, org.users.leader.id], { title: '重大隐患挂牌督办' }));
    expect(await service.deliverPending()).toEqual({ sent: 2, failed: 0 });
    expect(await service.deliverPending()).toEqual({ sent: 0, failed: 0 });

    const wecom = robots.requests.filter((r) => r.path === '/cgi-bin/webhook/send');
    expect(wecom).toHaveLength(1);
    expect(wecom[0]?.query).toEqual({ key: 'test-key-1' });
    const content = (wecom[0]!.body as { msgtype: string; markdown: { content: string } }).markdown.content;
    expect(wecom[0]?.body).toMatchObject({ msgtype: 'markdown' });
    expect(content).toContain('**【安治】重大隐患挂牌督办**');
    expect(content).toContain(`[查看详情](${publicUrl}/hazards/7)`);

    const ding = robots.requests.filter((r) => r.path === '/robot/send');
    expect(ding).toHaveLength(1);
    expect(ding[0]?.query).toEqual({ access_token: 'test-token-2' });
    expect(ding[0]?.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '【安治】重大隐患挂牌督办' } });
    expect((ding[0]!.body as { markdown: { text: string } }).markdown.text).toContain('配电箱未接地');

    // A re-run of the same notice for one more person tells that person, not the group again.
    await notify(notice([org.users.office.id, org.users.inspector.id], { title: '重大隐患挂牌督办', dedupeKey: `test:${seq}` }));
    expect(await service.deliverPending()).toEqual({ sent: 0, failed: 0 });
  });

  it('records a robot’s errcode, retries with growing delays, and gives up after 5 attempts', async () => {
    const { service, notify } = serviceWith([createWebhookChannel({ url: robots.wecomUrl })]);
    const refusal = { json: { errcode: 93000, errmsg: 'invalid webhook url' } };
    robots.reply(...Array.from({ length: MAX_DELIVERY_ATTEMPTS }, () => refusal));
    await notify(notice([org.users.office.id], { title: '机器人拒收' }));
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      expect(await service.deliverPending()).toEqual({ sent: 0, failed: 1 });
      expect(await service.deliverPending()).toEqual({ sent: 0, failed: 0 });
      t.clock.advance(61 * 60_000);
    }
    const [row] = await deliveriesOf('机器人拒收');
    expect(row).toMatchObject({ status: 'dead', attempts: MAX_DELIVERY_ATTEMPTS });
    expect(row?.lastError).toBe('企业微信机器人拒绝了消息（errcode 93000：invalid webhook url）');
    expect(robots.requests).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(await service.deliverPending()).toEqual({ sent: 0, failed: 0 });
  });

  it('retries after an HTTP 500 and delivers once; a second process never sends the same copy', async () => {
    const a = serviceWith([createWebhookChannel({ url: robots.dingtalkUrl })]);
    const b = serviceWith([createWebhookChannel({ url: robots.dingtalkUrl })]);
    robots.reply({ status: 500, json: { message: 'busy' } });
    for (let i = 0; i < 6; i++) await a.notify(notice([org.users.leader.id], { title: `并发${i}` }));
    const first = await Promise.all([a.service.deliverPending(2), b.service.deliverPending(2)]);
    expect(first.reduce((s, r) => s + r.sent, 0)).toBe(5);
    expect(first.reduce((s, r) => s + r.failed, 0)).toBe(1);
    t.clock.advance(61_000);
    const second = await Promise.all([a.service.deliverPending(), b.service.deliverPending()]);
    expect(second.reduce((s, r) => s + r.sent, 0)).toBe(1);
    expect(robots.requests).toHaveLength(7);
    const texts = robots.requests.map((r) => (r.body as { markdown: { title: string } }).markdown.title);
    expect(new Set(texts).size).toBe(6);
    const [retried] = await deliveriesOf('并发0');
    expect(retried?.status).toBe('done');
  });

  it('a restart neither loses nor doubles a copy: a worker dies mid-delivery, another sends it once after the lease', async () => {
    const channel = () => [createWebhookChannel({ url: robots.wecomUrl })];
    const crashed = createJobWorker({ db: t.database.db, clock: t.clock, workerId: 'process-1' });
    const first = createNotificationService({ db: t.database.db, clock: t.clock, channels: channel(), worker: crashed });
    await t.database.db.transaction((tx) => first.notify(tx, notice([org.users.office.id], { title: '进程中断' })));
    // process-1 takes the job and dies before sending: nothing reaches the robot, the job stays claimed.
    expect(await crashed.claim(outboundQueue, 10)).toHaveLength(1);
    const restarted = createNotificationService({
      db: t.database.db,
      clock: t.clock,
      channels: channel(),
      worker: createJobWorker({ db: t.database.db, clock: t.clock, workerId: 'process-2' }),
    });
    expect(await restarted.deliverPending()).toEqual({ sent: 0, failed: 0 });
    t.clock.advance(defaultLeaseMs + 1_000);
    expect(await restarted.deliverPending()).toEqual({ sent: 1, failed: 0 });
    expect(await restarted.deliverPending()).toEqual({ sent: 0, failed: 0 });
    expect(await first.deliverPending()).toEqual({ sent: 0, failed: 0 });
    expect(robots.requests).toHaveLength(1);
    const [row] = await deliveriesOf('进程中断');
    expect(row).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('names an unreachable or silent robot without printing its key', async () => {
    const closed = createWebhookChannel({ url: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=secret-key' });
    await expect(closed.send({ title: 't', body: 'b', link: null })).rejects.toThrow(/^企业微信机器人无法连接/);
    await closed.send({ title: 't', body: 'b', link: null }).catch((e: Error) => expect(e.message).not.toContain('secret-key'));
    robots.reply({ hang: true });
    const silent = createWebhookChannel({ url: robots.dingtalkUrl, timeoutMs: 300 });
    await expect(silent.send({ title: 't', body: 'b', link: null })).rejects.toThrow('钉钉机器人0.3 秒内没有回应');
  });

  it('sends {title, body, link} to a generic endpoint and checks only the HTTP status', async () => {
    const generic = createWebhookChannel({ url: robots.genericUrl, publicUrl });
    await generic.send({ title: '通用', body: '正文', link: '/hazards/1' });
    expect(robots.requests[0]).toMatchObject({
      path: '/hooks/anzhi',
      body: { source: 'anzhi', title: '通用', body: '正文', link: `${publicUrl}/hazards/1` },
    });
    robots.reply({ status: 404, json: { error: 'gone' } });
    await expect(generic.send({ title: '通用', body: '正文', link: null })).rejects.toThrow('接收地址返回 HTTP 404');
  });
});

describe('configuration', () => {
  it('builds the channels from ANZHI_SMTP_URL and ANZHI_WEBHOOK_URLS', () => {
    const config = loadConfig({
      ANZHI_SMTP_URL: smtp.url,
      ANZHI_SMTP_FROM: 'anzhi@example.cn',
      ANZHI_WEBHOOK_URLS: `${robots.wecomUrl}， ${robots.dingtalkUrl},${robots.genericUrl}`,
    });
    const channels = createOutboundChannels(config);
    expect(channels.map((c) => c.name)).toEqual(['email', 'webhook', 'webhook', 'webhook']);
    expect(channels.map((c) => c.key?.replace(/:[0-9a-f]{10}$/, ''))).toEqual([
      'email',
      'webhook:wecom',
      'webhook:dingtalk',
      'webhook:generic',
    ]);
    const { outboundChannelKeys } = createNotificationService({ db: t.database.db, clock: t.clock, channels });
    expect(outboundChannelKeys.perRecipient).toEqual(['email']);
    expect(outboundChannelKeys.perNotice).toEqual(channels.slice(1).map((c) => c.key));
    expect(createOutboundChannels(loadConfig({}))).toEqual([]);
    expect(createOutboundChannels(loadConfig({ ANZHI_SMTP_URL: '', ANZHI_WEBHOOK_URLS: '' }))).toEqual([]);
  });

  it('explains a wrong setting in Chinese', () => {
    expect(() => loadConfig({ ANZHI_SMTP_URL: 'mail.example.cn:25' })).toThrow(/ANZHI_SMTP_URL 应为 smtp:\/\//);
    expect(() => loadConfig({ ANZHI_SMTP_URL: 'smtp://mail.example.cn:25' })).toThrow(
      /ANZHI_SMTP_FROM: 设置了 ANZHI_SMTP_URL 时须同时设置发件人/,
    );
    expect(() => loadConfig({ ANZHI_WEBHOOK_URLS: 'https://ok.example.cn/x,ftp://bad' })).toThrow(/以逗号分隔的 http\(s\):\/\/ 地址/);
  });
});
