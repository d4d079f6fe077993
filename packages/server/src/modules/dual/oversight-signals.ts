import {
  type DualSignalKind,
  dualSignalKindLabels,
  type HazardAction,
  lastWholeMonths,
  lookbackStart,
  phashPattern,
  photoBands,
  type SignalThresholds,
} from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { chinaToday } from '../../lib/clock.ts';
import { loadSettingsBook, regionFilter } from '../settings/settings.resolver.ts';

/**
 * 形式主义 signals (issue 16), set-based: one INSERT … SELECT per kind and settings group (townships that changed the
 * `dual` thresholds run with theirs), each built from core's definition (dual/oversight.rules.ts) and thresholds. One
 * row per kind and subject: ON CONFLICT DO NOTHING, so a second run adds nothing and a dismissed signal stays dismissed.
 * oversight-signals.sql.test.ts proves SQL and core pick the same rows.
 */

const RECTIFY: HazardAction = 'rectify';
const ACCEPT: HazardAction = 'accept';

/** The instant a China calendar day starts. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
/** An instant's China day / month in SQL (UTC+8, no daylight saving). */
const chinaDay = (col: SQL) => sql`((${col} AT TIME ZONE 'UTC') + interval '8 hours')::date`;
const chinaMonth = (col: SQL) => sql`to_char((${col} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`;
const bits = (col: SQL) => sql`('x' || ${col})::bit(64)`;

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export interface SignalRun {
  today: string;
  thresholds: SignalThresholds;
  /** The settings group's townships, on a region code column. */
  region: (column: SQL) => SQL;
}

/** The INSERT that turns `found` (columns enterprise_id, subject_key, evidence) into signals of `kind`; counts new ones. */
function insertSignals(kind: DualSignalKind, today: string, ctes: SQL, found: SQL): SQL {
  return sql`WITH ${ctes},
    found AS (${found}),
    ins AS (
      INSERT INTO dual_signals (kind, enterprise_id, region_code, subject_key, evidence, detected_on)
      SELECT ${kind}::text, f.enterprise_id, e.region_code, f.subject_key, f.evidence, ${today}::date
      FROM found f JOIN enterprises e ON e.id = f.enterprise_id
      ON CONFLICT (kind, subject_key) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ins`;
}

/** 高危企业连续多月排查无隐患 (core `noFindings`). */
export function noFindingsSql(run: SignalRun): SQL {
  const months = lastWholeMonths(run.today, run.thresholds.noFindingMonths);
  const first = months[0] as string;
  const last = months[months.length - 1] as string;
  const n = months.length;
  return insertSignals(
    'noFindings',
    run.today,
    sql`rec AS (
      SELECT r.enterprise_id, r.id, r.abnormal_count, ${chinaMonth(sql`r.checked_at`)} AS m
      FROM check_records r JOIN enterprises e ON e.id = r.enterprise_id
      WHERE e.high_risk AND ${run.region(sql`e.region_code`)}
        AND r.checked_at >= ${dayStart(`${first}-01`)}::timestamptz AND r.checked_at < ${dayStart(`${nextMonth(last)}-01`)}::timestamptz
    ),
    hit AS (
      SELECT enterprise_id, count(*)::int AS records, (array_agg(id ORDER BY id))[1:50] AS ids
      FROM rec GROUP BY enterprise_id
      HAVING count(DISTINCT m) = ${n}::int AND sum(abnormal_count) = 0
    )`,
    sql`SELECT h.enterprise_id, h.enterprise_id || ':' || ${`${first}~${last}`}::text AS subject_key,
        jsonb_build_object(
          'summary', e.name || '（高危行业）' || ${`${first} 至 ${last} 连续 ${n} 个月`}::text || '的 ' || h.records || ' 条排查记录中没有一条异常',
          'recordIds', to_jsonb(h.ids), 'enterpriseIds', jsonb_build_array(h.enterprise_id)) AS evidence
      FROM hit h JOIN enterprises e ON e.id = h.enterprise_id`,
  );
}

/**
 * 同一照片重复使用 (core `photosReused`, grouped by `reusedPhotoGroups`). Not a self-join of every pair: candidates are
 * photos sharing one of the `photoDistance + 1` bands of their hash (core `photoBands`, pigeonhole) or the same file
 * sha256; the exact Hamming distance (bit_count of the XOR) then decides.
 */
export function photoReusedSql(run: SignalRun): SQL {
  const bands = photoBands(run.thresholds.photoDistance);
  const bandValues = sql.join(
    bands.map((b, i) =>
      sql.raw(`(${i + 1}, substring(('x' || p.phash)::bit(64) from ${b.start} for ${b.length})::bit(${b.length})::bigint)`),
    ),
    sql`, `,
  );
  return insertSignals(
    'photoReused',
    run.today,
    sql`p AS (
      SELECT cp.id, cp.record_id, cp.enterprise_id, cp.file_id,
        CASE WHEN cp.phash ~ ${phashPattern} THEN cp.phash END AS phash, f.sha256
      FROM check_photos cp JOIN files f ON f.id = cp.file_id
      WHERE cp.taken_at >= ${dayStart(lookbackStart(run.today))}::timestamptz
    ),
    b AS (
      SELECT p.id, p.record_id, p.phash, p.sha256, k.band, k.v FROM p CROSS JOIN LATERAL (VALUES ${bandValues}) AS k(band, v)
      WHERE p.phash IS NOT NULL
    ),
    cand AS (
      SELECT x.id AS a, y.id AS b, x.phash AS ha, y.phash AS hb, x.sha256 AS sa, y.sha256 AS sb
      FROM b x JOIN b y ON y.band = x.band AND y.v = x.v AND x.id < y.id AND x.record_id <> y.record_id
      UNION ALL
      SELECT x.id, y.id, x.phash, y.phash, x.sha256, y.sha256
      FROM p x JOIN p y ON y.sha256 = x.sha256 AND x.id < y.id AND x.record_id <> y.record_id
    ),
    pairs AS (
      SELECT DISTINCT c.a, c.b FROM cand c
      WHERE c.sa = c.sb
         OR (c.ha IS NOT NULL AND c.hb IS NOT NULL AND bit_count(${bits(sql`c.ha`)} # ${bits(sql`c.hb`)}) <= ${run.thresholds.photoDistance}::int)
    ),
    anchored AS (SELECT b, min(a) AS anchor FROM pairs GROUP BY b),
    grouped AS (
      SELECT g.anchor, array_agg(g.b ORDER BY g.b) AS later FROM anchored g GROUP BY g.anchor
    ),
    evid AS (
      SELECT g.anchor, min(q.enterprise_id) FILTER (WHERE q.id = g.later[1]) AS enterprise_id,
        array_agg(q.id ORDER BY q.id) AS photo_ids, array_agg(q.file_id ORDER BY q.id) AS file_ids,
        array_agg(DISTINCT q.record_id) AS record_ids, array_agg(DISTINCT q.enterprise_id) AS enterprise_ids
      FROM grouped g CROSS JOIN LATERAL unnest(g.anchor || g.later) AS m(id) JOIN p q ON q.id = m.id
      GROUP BY g.anchor
    )`,
    sql`SELECT v.enterprise_id, 'photo:' || v.anchor AS subject_key,
        jsonb_build_object(
          'summary', '同一照片在 ' || cardinality(v.record_ids) || ' 条排查记录中出现'
            || CASE WHEN cardinality(v.enterprise_ids) > 1 THEN '（涉及 ' || cardinality(v.enterprise_ids) || ' 家企业）' ELSE '' END,
          'photoIds', to_jsonb(v.photo_ids), 'fileIds', to_jsonb(v.file_ids), 'recordIds', to_jsonb(v.record_ids),
          'enterpriseIds', to_jsonb(v.enterprise_ids)) AS evidence
      FROM evid v JOIN enterprises e ON e.id = v.enterprise_id
      WHERE ${run.region(sql`e.region_code`)}`,
  );
}

/** The hazard dates core's HazardDates names: found_on, the first and last 整改完成, the 验收销号 (China days). */
function hazardDatesCte(run: SignalRun): SQL {
  return sql`ev AS (
      SELECT he.hazard_id,
        min(${chinaDay(sql`he.at`)}) FILTER (WHERE he.action = ${RECTIFY}) AS first_fixed,
        max(${chinaDay(sql`he.at`)}) FILTER (WHERE he.action = ${RECTIFY}) AS last_fixed,
        max(${chinaDay(sql`he.at`)}) FILTER (WHERE he.action = ${ACCEPT}) AS accepted
      FROM hazard_events he
      WHERE he.action IN (${RECTIFY}, ${ACCEPT}) AND he.at >= ${dayStart(lookbackStart(run.today))}::timestamptz
      GROUP BY he.hazard_id
    ),
    hz AS (
      SELECT h.id, h.code, h.enterprise_id, h.found_on, ev.first_fixed, ev.last_fixed, ev.accepted
      FROM ev JOIN hazards h ON h.id = ev.hazard_id JOIN enterprises e ON e.id = h.enterprise_id
      WHERE ${run.region(sql`e.region_code`)}
    )`;
}

/** 验收日期早于整改日期 (core `acceptedBeforeFix`). */
export function acceptedBeforeFixSql(run: SignalRun): SQL {
  return insertSignals(
    'acceptedBeforeFix',
    run.today,
    hazardDatesCte(run),
    sql`SELECT hz.enterprise_id, 'hazard:' || hz.id AS subject_key,
        jsonb_build_object('summary', '隐患 ' || hz.code || ' 的验收销号日期 ' || hz.accepted || ' 早于整改完成日期 ' || hz.last_fixed,
          'hazardIds', jsonb_build_array(hz.id), 'enterpriseIds', jsonb_build_array(hz.enterprise_id)) AS evidence
      FROM hz WHERE hz.accepted < hz.last_fixed`,
  );
}

/** 整改日期早于发现日期 (core `fixedBeforeFound`). */
export function fixedBeforeFoundSql(run: SignalRun): SQL {
  return insertSignals(
    'fixedBeforeFound',
    run.today,
    hazardDatesCte(run),
    sql`SELECT hz.enterprise_id, 'hazard:' || hz.id AS subject_key,
        jsonb_build_object('summary', '隐患 ' || hz.code || ' 的整改完成日期 ' || hz.first_fixed || ' 早于发现日期 ' || hz.found_on,
          'hazardIds', jsonb_build_array(hz.id), 'enterpriseIds', jsonb_build_array(hz.enterprise_id)) AS evidence
      FROM hz WHERE hz.first_fixed < hz.found_on`,
  );
}

/**
 * 短时间内批量补录 (core `bulkBursts`): per user, the records in [t, t + bulkMinutes) of device time from each record
 * (a window frame, one sort); a qualifying start is a burst's head when the previous qualifying start of the same user
 * lies more than bulkMinutes before it.
 */
export function bulkRecordedSql(run: SignalRun): SQL {
  const minutes = Math.trunc(run.thresholds.bulkMinutes);
  const span = sql.raw(`interval '${minutes} minutes'`);
  const frame = sql.raw(`RANGE BETWEEN CURRENT ROW AND interval '${minutes} minutes' - interval '1 microsecond' FOLLOWING`);
  return insertSignals(
    'bulkRecorded',
    run.today,
    sql`r AS (
      SELECT r.id, r.checked_by, r.checked_at, r.enterprise_id FROM check_records r
      WHERE r.checked_at >= ${dayStart(lookbackStart(run.today))}::timestamptz AND ${run.region(sql`r.region_code`)}
    ),
    w AS (
      SELECT r.*, count(*) OVER (PARTITION BY r.checked_by ORDER BY r.checked_at ${frame}) AS n FROM r
    ),
    q AS (
      SELECT w.*, lag(w.checked_at) OVER (PARTITION BY w.checked_by ORDER BY w.checked_at, w.id) AS prev
      FROM w WHERE w.n >= ${run.thresholds.bulkRecords}::int
    ),
    heads AS (SELECT * FROM q WHERE q.prev IS NULL OR q.prev < q.checked_at - ${span}),
    bursts AS (
      SELECT h.id AS head, h.checked_by, h.checked_at, h.enterprise_id, array_agg(x.id ORDER BY x.checked_at, x.id) AS ids,
        array_agg(DISTINCT x.enterprise_id) AS enterprise_ids
      FROM heads h JOIN r x ON x.checked_by = h.checked_by AND x.checked_at >= h.checked_at AND x.checked_at < h.checked_at + ${span}
      GROUP BY h.id, h.checked_by, h.checked_at, h.enterprise_id
    )`,
    sql`SELECT b.enterprise_id, b.checked_by || ':' || b.head AS subject_key,
        jsonb_build_object(
          'summary', u.display_name || ' 在 ' || to_char((b.checked_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD HH24:MI')
            || ${` 起 ${minutes} 分钟内（设备时间）记录了 `}::text || cardinality(b.ids) || ' 条排查',
          'recordIds', to_jsonb(b.ids), 'enterpriseIds', to_jsonb(b.enterprise_ids), 'userId', b.checked_by) AS evidence
      FROM bursts b JOIN users u ON u.id = b.checked_by`,
  );
}

export const signalSql: Record<DualSignalKind, (run: SignalRun) => SQL> = {
  noFindings: noFindingsSql,
  photoReused: photoReusedSql,
  acceptedBeforeFix: acceptedBeforeFixSql,
  fixedBeforeFound: fixedBeforeFoundSql,
  bulkRecorded: bulkRecordedSql,
};

/** Every signal kind for every settings group as of `now`; the number of signals found for the first time, by kind. */
export async function runOversightSignals(ex: Executor, now: Date): Promise<Record<DualSignalKind, number>> {
  const today = chinaToday(now);
  const groups = (await loadSettingsBook(ex)).groups('dual');
  const created = Object.fromEntries(Object.keys(dualSignalKindLabels).map((k) => [k, 0])) as Record<DualSignalKind, number>;
  for (const group of groups) {
    const run: SignalRun = { today, thresholds: group.value.signals, region: (column) => regionFilter(column, group) };
    for (const [kind, build] of Object.entries(signalSql) as Array<[DualSignalKind, (r: SignalRun) => SQL]>) {
      const res = (await ex.execute(build(run))) as unknown as { rows: Array<{ n: number }> };
      created[kind] += Number(res.rows[0]?.n ?? 0);
    }
  }
  return created;
}
