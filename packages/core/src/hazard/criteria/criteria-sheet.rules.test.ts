import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../../enterprise/enterprise-import.rules.ts';
import { parseChineseNumber, parseClauseNumber, toChineseNumber } from './clause-number.rules.ts';
import { parseCriteriaSheet } from './criteria-sheet.rules.ts';

const meta = {
  id: 'gongmao-2026',
  title: '工贸企业重大事故隐患判定标准（示例新版）',
  issuer: '应急管理部',
  docNumber: '应急管理部令第99号',
  effective: '2026-09-01',
  sources: ['https://www.mem.gov.cn/'],
};
const sheet = (...rows: unknown[][]): SheetRow[] => rows.map((cells, i) => ({ row: i + 1, cells: cells as SheetRow['cells'] }));

describe('clause numbers', () => {
  it.each([
    ['第十一条（三）', [11, 3], '第十一条', '（三）'],
    ['第十一条第三项', [11, 3], '第十一条', '（三）'],
    ['第11条(3)', [11, 3], '第十一条', '（三）'],
    ['11.3', [11, 3], '第十一条', '（三）'],
    ['１１．３', [11, 3], '第十一条', '（三）'],
    ['第十四条', [14], '第十四条', null],
    ['（二十）', [20], null, '（二十）'],
  ])('reads “%s”', (text, numbers, article, item) => {
    expect(parseClauseNumber(text, true)).toMatchObject({ numbers, article, item });
  });

  it('reads a bare number as an article or a list item, as the rest of the sheet is written', () => {
    expect(parseClauseNumber('8', true)).toMatchObject({ numbers: [8], article: '第八条', item: null });
    expect(parseClauseNumber('8', false)).toMatchObject({ numbers: [8], article: null, item: '（八）' });
    expect(parseClauseNumber('1.1.2', true)).toMatchObject({ numbers: [1, 1, 2], article: null, item: '1.1.2' });
    expect(parseClauseNumber('第四条之一', true)).toBeNull();
    expect(parseClauseNumber('0.1', true)).toBeNull();
  });

  it('converts Chinese numerals both ways', () => {
    expect([parseChineseNumber('十'), parseChineseNumber('十四'), parseChineseNumber('二十'), parseChineseNumber('一百零二')]).toEqual([
      10, 14, 20, 102,
    ]);
    expect([toChineseNumber(10), toChineseNumber(14), toChineseNumber(20), toChineseNumber(99), toChineseNumber(110)]).toEqual([
      '十',
      '十四',
      '二十',
      '九十九',
      '一百一十',
    ]);
  });
});

describe('parseCriteriaSheet', () => {
  it('finds the header under a title row, reads Chinese labels, and defaults each item’s source to the set’s', () => {
    const r = parseCriteriaSheet(
      sheet(
        ['工贸企业重大事故隐患判定标准条款表'],
        ['标准编号', '条款号*', '分组', '条款内容/摘要', '关键词', '适用领域', '适用标志', '可信度', '序号'],
        [
          'gongmao-2026',
          '第十一条（三）',
          '粉尘爆炸',
          '干式除尘系统未采取泄爆、惰化、抑爆措施',
          '泄爆、惰化，抑爆',
          '冶金、机械',
          '涉爆粉尘',
          'V',
          1,
        ],
        [null, '第十四条', '通则', '监控报警防护装置失效', null, '工贸', null, '未核实', 2],
        [],
      ),
      meta,
    );
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ headerRow: 2, dataRows: 2, ignoredColumns: ['序号'] });
    expect(r.set?.items).toEqual([
      {
        code: 'gongmao-2026/11.3',
        article: '第十一条',
        item: '（三）',
        group: '粉尘爆炸',
        summary: '干式除尘系统未采取泄爆、惰化、抑爆措施',
        keywords: ['泄爆', '惰化', '抑爆'],
        domains: ['metallurgy', 'machinery'],
        flags: ['dustExplosion'],
        confidence: 'V',
        verification: 'verified',
        source: 'https://www.mem.gov.cn/',
      },
      expect.objectContaining({ code: 'gongmao-2026/14', article: '第十四条', item: null, confidence: 'U', verification: 'unverified' }),
    ]);
    expect(r.set?.domains).toEqual(['metallurgy', 'machinery', 'industryTrade']);
  });

  it('reads a flat list (化工, 烟花爆竹) without articles', () => {
    const r = parseCriteriaSheet(
      sheet(['条款', '内容', '可信度'], ['1', '主要负责人未考核合格', 'P'], ['（二）', '特种作业人员无证上岗', 'P']),
      { ...meta, id: 'huagong-2027' },
    );
    expect(r.set?.items.map((c) => [c.code, c.article, c.item])).toEqual([
      ['huagong-2027/1', null, '（一）'],
      ['huagong-2027/2', null, '（二）'],
    ]);
  });

  it('reports each wrong cell with its row, its column as written and a Chinese message', () => {
    const r = parseCriteriaSheet(
      sheet(
        ['标准编号', '条款号', '条款内容/摘要', '适用领域', '可信度'],
        ['gongmao-2023', '第三条（一）', '甲', '机械', 'V'],
        [null, '第三条之二', '乙', '机械', 'V'],
        [null, '3.1', '丙', '机械', 'V'],
        [null, '3.3', '丁', '化工行业', '很可信'],
        [null, '3.4', null, '机械', null],
      ),
      meta,
    );
    expect(r.set).toBeNull();
    expect(r.errors).toEqual([
      {
        row: 2,
        column: '标准编号',
        message: '标准编号：应为本次导入的标准编号“gongmao-2026”或文号“应急管理部令第99号”，一次只导入一个标准',
      },
      { row: 3, column: '条款号', message: '条款号：无法识别“第三条之二”，应为“第四条（一）”“4.1”或“（三）”这样的编号' },
      { row: 5, column: '适用领域', message: '适用领域：无法识别“化工行业”，应为系统中的行业领域，如 机械、城镇燃气' },
      { row: 5, column: '可信度', message: '可信度：应为 V（已核实原文）、P（非官方来源）或 U（未核实）' },
      { row: 6, column: '条款内容/摘要', message: '条款内容/摘要：必填' },
      { row: 6, column: '可信度', message: '可信度：必填' },
    ]);
  });

  it('reports a clause number given twice on the later row', () => {
    const r = parseCriteriaSheet(sheet(['条款号', '条款内容/摘要', '可信度'], ['3.1', '甲', 'V'], ['第三条（一）', '乙', 'V']), meta);
    expect(r.errors).toEqual([{ row: 3, column: '条款号', message: '条款号：与第 2 行的条款编号 gongmao-2026/3.1 重复' }]);
  });

  it('says what is missing when there is no header row, a required column, or a valid form', () => {
    expect(parseCriteriaSheet(sheet(['企业名称', '地址']), meta).errors).toEqual([
      { row: 0, column: '', message: '未找到表头：前 10 行中须有“条款号”和“条款内容/摘要”两列' },
    ]);
    expect(parseCriteriaSheet(sheet(['条款号', '摘要', '可信度'], []), meta).errors).toEqual([
      { row: 0, column: '', message: '表头下没有条款' },
    ]);
    expect(parseCriteriaSheet(sheet(['条款号', '摘要'], ['1.1', '甲']), meta).errors).toEqual([
      { row: 0, column: '可信度', message: '缺少“可信度”列' },
    ]);
    const r = parseCriteriaSheet(sheet(['条款号', '摘要', '可信度'], ['1.1', '甲', 'V']), { ...meta, effective: '2026年9月1日' });
    expect(r.errors).toEqual([{ row: 0, column: '施行日期', message: '施行日期：应为日期，如 2023-05-15' }]);
  });
});
