// The bounded load: simulated users of the demo accounts behind nginx, each logging in and then reading ledger
// pages, the dashboard and plan dispatch; the office's users also record hazards with a photo and take them through
// 整改 → 验收. Every acknowledged write (an id in a 2xx answer) is recorded for the checks afterwards.

const DEMO_PASSWORD = 'Anzhi@2026';
const DEMO_VILLAGE = '339901100201';
/** Account of each simulated user, in turn: the office (anweiban) writes, the others read. */
const accountCycle = ['anweiban', 'dongcun', 'anweiban', 'lingdao', 'yingji', 'anweiban', 'shichang', 'jiancha', 'qiye', 'anweiban'];
const readersByAccount = {
  anweiban: ['me', 'ledger', 'enterprises', 'dispatch', 'dashboard', 'stats', 'hazard'],
  lingdao: ['me', 'ledger', 'dashboard', 'stats', 'plans'],
  yingji: ['me', 'ledger', 'enterprises', 'dashboard', 'stats', 'dispatch'],
  shichang: ['me', 'ledger', 'enterprises', 'dashboard', 'dispatch'],
  jiancha: ['me', 'ledger', 'enterprises', 'dashboard'],
  dongcun: ['me', 'ledger', 'enterprises', 'dashboard'],
  qiye: ['me', 'ledger', 'dashboard'],
};

class Semaphore {
  constructor(n) {
    this.free = n;
    this.waiting = [];
  }
  async run(fn) {
    if (this.free > 0) this.free--;
    else await new Promise((r) => this.waiting.push(r));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/** Request statistics: every request's start, end and status (0 = no answer at all). */
export class Stats {
  constructor() {
    this.records = [];
  }
  add(r) {
    this.records.push(r);
  }
  p95() {
    const ms = this.records.filter((r) => r.status > 0).map((r) => r.end - r.start);
    ms.sort((a, b) => a - b);
    return ms.length ? Math.round(ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))]) : 0;
  }
  byStatus() {
    const counts = {};
    for (const r of this.records) counts[r.status] = (counts[r.status] ?? 0) + 1;
    return counts;
  }
}

export function createHttp(stats, limit) {
  const sem = new Semaphore(limit);
  /** One request; never throws (a network failure answers status 0). */
  return async function http(base, method, path, { cookie, json, form, label = path } = {}) {
    return sem.run(async () => {
      const headers = {};
      if (cookie) headers.cookie = cookie;
      let body;
      if (json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(json);
      } else if (form) body = form;
      const start = performance.now();
      let status = 0;
      let data = null;
      let setCookie = [];
      try {
        const res = await fetch(`${base}${path}`, { method, headers, body, signal: AbortSignal.timeout(60_000) });
        status = res.status;
        setCookie = res.headers.getSetCookie();
        const text = await res.text();
        try {
          data = text ? JSON.parse(text) : null;
        } catch {
          data = text;
        }
      } catch (err) {
        data = String(err?.cause?.code ?? err?.message ?? err);
      }
      const end = performance.now();
      stats.add({ start, end, status, method, label, code: status >= 400 ? (data?.code ?? data?.message ?? null) : undefined });
      return { status, data, setCookie, ok: status >= 200 && status < 300 };
    });
  };
}

const cookieOf = (setCookie) => setCookie.map((c) => c.split(';')[0]).join('; ');
const pick = (a) => a[Math.floor(Math.random() * a.length)];
const isoDate = (d) => d.toISOString().slice(0, 10);

export async function makePhotos() {
  const { default: sharp } = await import('sharp');
  const colors = ['#c0392b', '#27ae60', '#2980b9', '#f39c12'];
  return Promise.all(
    colors.map((background) =>
      sharp({ create: { width: 320, height: 240, channels: 3, background } })
        .jpeg({ quality: 80 })
        .toBuffer(),
    ),
  );
}

export async function login(http, base, username) {
  const r = await http(base, 'POST', '/api/v1/auth/login', { json: { username, password: DEMO_PASSWORD }, label: 'login' });
  return r.ok ? cookieOf(r.setCookie) : null;
}

/**
 * Runs `users` simulated users against `base` until `deadline` (performance.now() time). `writes` receives every
 * acknowledged write; `sessions` every session cookie with the time it was acknowledged.
 */
export async function runLoad({ http, base, users, deadline, enterpriseIds, photos, writes, sessions }) {
  let hazardNo = 0;
  const think = () => new Promise((r) => setTimeout(r, 150 + Math.random() * 900));

  async function upload(cookie) {
    const form = new FormData();
    form.append('file', new Blob([pick(photos)], { type: 'image/jpeg' }), '现场照片.jpg');
    const r = await http(base, 'POST', '/api/v1/files', { cookie, form, label: 'upload' });
    if (!r.ok) return null;
    writes.push({ kind: 'file', id: r.data.id });
    return r.data.id;
  }

  async function hazardFlow(cookie) {
    const photo = await upload(cookie);
    if (!photo) return;
    const n = ++hazardNo;
    const created = await http(base, 'POST', '/api/v1/hazards', {
      cookie,
      label: 'hazard create',
      json: {
        enterpriseId: pick(enterpriseIds),
        channel: 'inspection',
        grade: 'general',
        category: pick(['thing', 'behaviour', 'management', 'environment']),
        title: `压测隐患 ${n}：消防通道堆放杂物`,
        description: '集群压测生成：车间东侧消防通道堆放纸箱，影响疏散。',
        location: '车间东侧',
        deadline: isoDate(new Date(Date.now() + 30 * 86_400_000)),
        photos: [photo],
      },
    });
    if (!created.ok) return;
    const id = created.data.id;
    writes.push({ kind: 'hazard', id, fileIds: [photo] });
    await think();
    const after = await upload(cookie);
    if (!after) return;
    const rectified = await http(base, 'POST', `/api/v1/hazards/${id}/actions/rectify`, {
      cookie,
      label: 'hazard rectify',
      json: { version: created.data.version, note: '已清理通道内杂物，张贴禁止堆放标识。', photos: [after] },
    });
    if (!rectified.ok) return;
    writes.push({ kind: 'transition', hazardId: id, action: 'rectify', status: rectified.data.status });
    if (Math.random() < 0.3) return; // some stay waiting for 验收
    await think();
    const accepted = await http(base, 'POST', `/api/v1/hazards/${id}/actions/accept`, {
      cookie,
      label: 'hazard accept',
      json: { version: rectified.data.version, opinion: '现场复查，通道畅通，同意验收。' },
    });
    if (accepted.ok) writes.push({ kind: 'transition', hazardId: id, action: 'accept', status: accepted.data.status });
  }

  const reads = {
    me: (c) => http(base, 'GET', '/api/v1/auth/me', { cookie: c, label: 'me' }),
    ledger: (c) =>
      http(base, 'GET', `/api/v1/hazards?page=${1 + Math.floor(Math.random() * 3)}&pageSize=20`, { cookie: c, label: 'ledger' }),
    enterprises: (c) => http(base, 'GET', '/api/v1/enterprises?page=1&pageSize=20', { cookie: c, label: 'enterprises' }),
    // A unit's staff see their own unit's monthly dispatch; the office fills in for a unit or a village (东村).
    dispatch: (c, username) =>
      http(base, 'GET', username === 'anweiban' ? `/api/v1/plan-dispatch?villageCode=${DEMO_VILLAGE}` : '/api/v1/plan-dispatch', {
        cookie: c,
        label: 'dispatch',
      }),
    plans: (c) => http(base, 'GET', '/api/v1/plans?page=1&pageSize=20', { cookie: c, label: 'plans' }),
    dashboard: (c) => http(base, 'GET', '/api/v1/dashboard/summary', { cookie: c, label: 'dashboard' }),
    stats: (c) => http(base, 'GET', '/api/v1/hazards/stats', { cookie: c, label: 'stats' }),
  };

  async function user(i) {
    const username = accountCycle[i % accountCycle.length];
    // Users arrive over the first seconds rather than all at once.
    await new Promise((r) => setTimeout(r, Math.random() * 5_000));
    let cookie = null;
    while (!cookie && performance.now() < deadline) {
      cookie = await login(http, base, username);
      if (!cookie) await think();
    }
    if (!cookie) return;
    sessions.push({ username, cookie, at: performance.now() });
    const actions = readersByAccount[username];
    while (performance.now() < deadline) {
      const action = pick(actions);
      if (action === 'hazard') {
        if (Math.random() < 0.5) await hazardFlow(cookie);
      } else {
        const r = await reads[action](cookie, username);
        if (r.status === 401) {
          // Remembered for the session check: a session that vanished mid-run.
          sessions.find((s) => s.cookie === cookie).lostAt = performance.now();
          return;
        }
      }
      await think();
    }
  }

  await Promise.all(Array.from({ length: users }, (_, i) => user(i)));
}
