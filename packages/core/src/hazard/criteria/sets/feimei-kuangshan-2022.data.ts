import type { CriteriaSet } from '../criteria.contract.ts';

// Converted from shared/domain/criteria/feimei-kuangshan-2022.json: summary and keywords are our own wording, never the official text.
const source1 = 'https://minesoc.com/doc/j4nq1gc6ol (国家矿山安监局《判定标准》解读 copy)';

export const feimeiKuangshan2022: CriteriaSet = {
  id: 'feimei-kuangshan-2022',
  title: '金属非金属矿山重大事故隐患判定标准',
  issuer: '国家矿山安全监察局',
  docNumber: '矿安〔2022〕88号',
  published: '2022-07-08',
  effective: '2022-09-01',
  status: 'current',
  supersedes: '金属非金属矿山重大生产安全事故隐患判定标准（试行）（安监总管一〔2017〕98号）',
  scope: '金属非金属地下矿山、露天矿山、尾矿库；官方解读称共64种情形（含嵌套子项计法待核）。',
  notes:
    '仅收录 2 个子项：其余地下矿山、露天矿山、尾矿库情形及 2024 年补充情形尚未收录。编号方式：部分.项.子项（1 地下矿山、2 露天矿山、3 尾矿库）。',
  citationNote: '须与矿安〔2024〕41号《金属非金属矿山重大事故隐患判定标准补充情形》一并适用；本库只收录地下矿山安全出口 2 项。',
  sources: [
    'https://www.chinamine-safety.gov.cn/zfxxgk/fdzdgknr/tzgg/202207/t20220721_418764.shtml',
    'https://www.chinamine-safety.gov.cn/zfxxgk/fdzdgknr/tzgg/202404/t20240424_486042.shtml (2024 补充情形)',
    'An-0726/safety-basis/knowledge/law-versions/LV_NMSA_NONCOAL_MAJOR_2022.json',
    'An-0726/safety-basis/knowledge/law-versions/LV_NMSA_NONCOAL_MAJOR_SUPPLEMENT_2024.json',
    'https://minesoc.com/doc/j4nq1gc6ol (国家矿山安监局《判定标准》解读 copy)',
    'http://www.hubeicoal-safety.gov.cn/a/xinwenzhongxin/wenjiangongkai/2022/0810/4058.html (first research pass)',
  ],
  domains: ['mining'],
  flags: [],
  items: [
    {
      code: 'feimei-kuangshan-2022/1.1.1',
      article: '一、金属非金属地下矿山',
      item: '（一）1.',
      group: '地下矿山·安全出口',
      summary: '地下矿井直达地面的独立安全出口少于2个，或与设计不一致',
      keywords: ['安全出口', '直达地面', '独立出口', '设计', '竖井', '斜坡道'],
      domains: ['mining'],
      flags: [],
      confidence: 'P',
      verification: 'unverified',
      source: source1,
    },
    {
      code: 'feimei-kuangshan-2022/1.1.2',
      article: '一、金属非金属地下矿山',
      item: '（一）2.',
      group: '地下矿山·安全出口',
      summary: '仅有两个独立安全出口但间距小于30米，或矿体一翼走向超1000米未在该翼设出口',
      keywords: ['安全出口间距', '30米', '矿体一翼', '1000米', '安全出口'],
      domains: ['mining'],
      flags: [],
      confidence: 'P',
      verification: 'unverified',
      source: source1,
    },
  ],
};
