import { describe, expect, it } from 'vitest';
import { columnRoles, splitNames, tableRecords } from './plan-table.rules.ts';

const header = [
  ['序号', '重点任务', '工作措施', '责任人', '责任领导'],
  ['', '一级指标', '二级指标', '', '', ''],
];

describe('responsibility tables', () => {
  it('places a header cell merged across columns by the sub-header row', () => {
    expect(columnRoles([...header, ['1', 'a', 'b', 'c', 'd', 'e']])?.roles).toEqual([
      'index',
      'group',
      'item',
      'measures',
      'people',
      'leaders',
    ]);
  });

  it('splits padded names (赵  燕) and names run together on one line', () => {
    expect(splitNames('夏成亮赵  燕\n\n刘啟斌')).toEqual(['夏成亮', '赵燕', '刘啟斌']);
    expect(splitNames('赵  燕\n刘啟斌')).toEqual(['赵燕', '刘啟斌']);
    expect(splitNames('张三、李四')).toEqual(['张三', '李四']);
  });

  it('a blank cell under a filled one in the same group inherits it; a new group does not', () => {
    const records = tableRecords([
      ...header,
      ['1', '狠抓制度落实', '1.落实主体责任', '措施', '夏成亮\n赵  燕', '熊传伦'],
      ['', '', '2.推动部门履职', '措施', '', ''],
      ['2', '依法治安', '1.提升执法质量', '措施', '', ''],
    ]);
    expect(records.map((r) => [r.group, r.item, r.people, r.leaders])).toEqual([
      ['狠抓制度落实', '1.落实主体责任', ['夏成亮', '赵燕'], ['熊传伦']],
      ['狠抓制度落实', '2.推动部门履职', ['夏成亮', '赵燕'], ['熊传伦']],
      ['依法治安', '1.提升执法质量', [], []],
    ]);
  });

  it('is no responsibility table without at least two known headers', () => {
    expect(
      tableRecords([
        ['甲', '乙'],
        ['1', '2'],
      ]),
    ).toEqual([]);
  });
});
