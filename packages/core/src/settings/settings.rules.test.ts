import { describe, expect, it } from 'vitest';
import '../common/zod-locale.ts';
import { hazardTimeSettings, supervisionSettings } from '../hazard/hazard.settings.ts';
import { planRankingSettings } from '../plan/plan.settings.ts';
import { resolveSettingsValues, settingsFragmentOf, settingsKeys } from './settings.registry.ts';
import { parseSettingValue, resolveFragment, settingFieldsOf } from './settings.rules.ts';

describe('settings fragments', () => {
  it('every fragment’s defaults pass its own schema, and every field carries a label and the source of its default', () => {
    for (const key of settingsKeys) {
      const f = settingsFragmentOf(key);
      expect(f.key).toBe(key);
      expect(f.schema.safeParse(f.defaults).success, key).toBe(true);
      for (const field of settingFieldsOf(f)) {
        expect(field.label, `${key}.${field.path}`).toMatch(/\p{Script=Han}/u);
        expect(field.source, `${key}.${field.path}`).not.toBe('');
        expect(field.default, `${key}.${field.path}`).not.toBeUndefined();
      }
    }
  });

  it('lists the ladder with its group label, unit and source', () => {
    const fields = settingFieldsOf(settingsFragmentOf('hazardTime'));
    expect(fields.map((f) => f.path)).toEqual([
      'dueSoonDays',
      'ladderDays.letter',
      'ladderDays.bulletin',
      'ladderDays.summons',
      'ladderDays.exposure',
      'majorPlanDays',
    ]);
    expect(fields[1]).toMatchObject({ label: '逾期问责天数·函告', unit: '天', source: '本地做法', default: 1 });
    expect(fields[1]?.input).toEqual({ kind: 'number', integer: true, min: 1, max: 365 });
    const periods = settingFieldsOf(settingsFragmentOf('hazardReport'))[0];
    expect(periods?.input).toEqual({
      kind: 'options',
      options: [
        { value: 'month', label: '月报' },
        { value: 'quarter', label: '季报' },
        { value: 'year', label: '年报' },
      ],
    });
    // A yes/no setting is a switch, and nested objects flatten to dotted paths at any depth.
    const report = settingFieldsOf(settingsFragmentOf('report'));
    expect(report.find((f) => f.path === 'reward.requireRealName')?.input).toEqual({ kind: 'switch' });
    expect(report.find((f) => f.path === 'reward.perDeath.especiallyMajor')).toMatchObject({ default: 60_000, unit: '元' });
  });

  it('names the field in Chinese when a value is wrong', () => {
    const r = parseSettingValue(hazardTimeSettings, {
      dueSoonDays: 31,
      ladderDays: { letter: 5, bulletin: 3, summons: 30, exposure: 'x' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual({ path: 'dueSoonDays', message: '到期提醒提前天数：不能超过 30 天' });
    expect(r.issues).toContainEqual({ path: 'ladderDays.exposure', message: '逾期问责天数·曝光：应为数字' });
    const order = parseSettingValue(hazardTimeSettings, {
      dueSoonDays: 3,
      ladderDays: { letter: 5, bulletin: 3, summons: 30, exposure: 60 },
      majorPlanDays: 15,
    });
    expect(order.ok ? [] : order.issues).toEqual([{ path: 'ladderDays.bulletin', message: '逾期问责天数·通报：不能早于函告（5 天）' }]);
  });

  it('keeps the 五色图 bands in order and the supervision levels non-empty', () => {
    const bands = parseSettingValue(planRankingSettings, {
      ...planRankingSettings.defaults,
      thresholds: { green: 90, blue: 95, yellow: 70, orange: 60 },
    });
    expect(bands.ok ? [] : bands.issues.map((i) => i.message)).toEqual(['分数线·蓝色：不能高于绿色分数线（90 分）']);
    const none = parseSettingValue(supervisionSettings, { ...supervisionSettings.defaults, levels: [] });
    expect(none.ok ? [] : none.issues.map((i) => i.message)).toEqual(['启用的督办层级：至少启用一个层级']);
  });

  it('fills a stored value up with the defaults, and falls back to them when a stored value no longer validates', () => {
    expect(resolveFragment(hazardTimeSettings, { ladderDays: { letter: 5 } })).toEqual({
      dueSoonDays: 3,
      ladderDays: { letter: 5, bulletin: 15, summons: 30, exposure: 60 },
      majorPlanDays: 15,
    });
    expect(resolveFragment(hazardTimeSettings, { dueSoonDays: -1 })).toEqual(hazardTimeSettings.defaults);
    const all = resolveSettingsValues({ planTracking: { reminderDays: 7 } });
    expect(all.planTracking).toEqual({ reportDay: 25, reminderDays: 7 });
    expect(all.hazardTime).toEqual(hazardTimeSettings.defaults);
  });
});
