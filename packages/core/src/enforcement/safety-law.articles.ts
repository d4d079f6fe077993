/**
 * The versioned list of 安全生产法 articles a penalty case cites (issue 14, regulations.md §1.3). A case stores the
 * codes (`aqsf-2021:102`), so a later revision of the law adds a new version instead of changing old cases.
 * Summaries keep to what regulations.md §1.3 or the statute's well-known text says; `maxFine` is the ceiling on the
 * unit (元) where the article gives one, for a hint in the form, never a check.
 */
export interface SafetyLawArticle {
  code: string;
  article: string;
  summary: string;
  maxFine?: number;
}

export interface SafetyLawVersion {
  version: string;
  title: string;
  articles: SafetyLawArticle[];
}

const a = (n: string, article: string, summary: string, maxFine?: number): SafetyLawArticle => ({
  code: `aqsf-2021:${n}`,
  article,
  summary,
  ...(maxFine === undefined ? {} : { maxFine }),
});

export const safetyLawArticles: SafetyLawVersion = {
  version: 'aqsf-2021',
  title: '《中华人民共和国安全生产法》（2021年修正）',
  articles: [
    a(
      '94',
      '第九十四条',
      '生产经营单位的决策机构、主要负责人或者个人经营的投资人不依照本法规定保证安全生产所必需的资金投入，致使不具备安全生产条件的',
    ),
    a('95', '第九十五条', '生产经营单位的主要负责人未履行本法规定的安全生产管理职责的'),
    a('96', '第九十六条', '其他负责人和安全生产管理人员未履行本法规定的安全生产管理职责的'),
    a(
      '97',
      '第九十七条',
      '未按规定设置安全生产管理机构或者配备安全生产管理人员，未按规定对从业人员进行安全生产教育和培训，特种作业人员未取得相应资格上岗作业等',
      100_000,
    ),
    a('98', '第九十八条', '建设项目未按规定进行安全评价、安全设施设计审查或者竣工验收的', 500_000),
    a(
      '99',
      '第九十九条',
      '未在有较大危险因素的场所和设施设备上设置安全警示标志，安全设备不符合标准或者未经常性维护、保养和定期检测，未为从业人员提供劳动防护用品等',
      200_000,
    ),
    a('100', '第一百条', '未经依法批准，擅自生产、经营、运输、储存、使用危险物品或者处置废弃危险物品的'),
    a(
      '101',
      '第一百零一条',
      '对重大危险源未登记建档、未进行定期检测评估监控、未制定应急预案，或者未建立安全风险分级管控制度、未按规定报告重大事故隐患排查治理情况等',
      100_000,
    ),
    a(
      '102',
      '第一百零二条',
      '未采取措施消除事故隐患的：责令立即消除或者限期消除，处五万元以下的罚款；拒不执行的，责令停产停业整顿，对直接负责的主管人员和其他直接责任人员处五万元以上十万元以下的罚款',
      50_000,
    ),
    a(
      '103',
      '第一百零三条',
      '将生产经营项目、场所、设备发包或者出租给不具备安全生产条件或者相应资质的单位或者个人，或者未与承包、承租单位签订安全生产管理协议的',
    ),
    a(
      '104',
      '第一百零四条',
      '两个以上生产经营单位在同一作业区域内进行可能危及对方安全生产的生产经营活动，未签订安全生产管理协议或者未指定专职安全生产管理人员进行安全检查与协调的',
      10_000,
    ),
    a(
      '105',
      '第一百零五条',
      '生产、经营、储存、使用危险物品的车间、商店、仓库与员工宿舍在同一座建筑内，或者与员工宿舍的距离不符合安全要求，或者封闭、堵塞生产经营场所或者员工宿舍出口、疏散通道的',
      50_000,
    ),
    a('106', '第一百零六条', '与从业人员订立协议，免除或者减轻其对从业人员因生产安全事故伤亡依法应承担的责任的'),
    a('107', '第一百零七条', '从业人员不落实岗位安全责任，不服从管理，违反安全生产规章制度或者操作规程的'),
    a('108', '第一百零八条', '拒绝、阻碍负有安全生产监督管理职责的部门依法实施监督检查的', 20_000),
    a('109', '第一百零九条', '高危行业、领域的生产经营单位未按照国家规定投保安全生产责任保险的', 100_000),
    a('110', '第一百一十条', '生产经营单位的主要负责人在本单位发生生产安全事故时，不立即组织抢救或者在事故调查处理期间擅离职守或者逃匿的'),
    a('111', '第一百一十一条', '有关地方人民政府、负有安全生产监督管理职责的部门，对生产安全事故隐瞒不报、谎报或者迟报的'),
    a(
      '112',
      '第一百一十二条',
      '生产经营单位违反本法规定，被责令改正且受到罚款处罚，拒不改正的，自作出处罚决定之日的次日起按照原处罚数额按日连续处罚',
    ),
    a(
      '113',
      '第一百一十三条',
      '存在重大事故隐患，一百八十日内三次或者一年内四次受到本法规定的行政处罚的等情形：由负有安全生产监督管理职责的部门提请地方人民政府予以关闭',
    ),
  ],
};

/** The current version new cases cite. */
export const currentSafetyLaw = safetyLawArticles;

const byCode = new Map(safetyLawArticles.articles.map((x) => [x.code, x]));

/** The article of a code, or undefined when no version lists it. */
export function safetyLawArticle(code: string): SafetyLawArticle | undefined {
  return byCode.get(code);
}

/** 《安全生产法》第一百零二条、第九十九条 — how a decision cites its basis. */
export function citeSafetyLaw(codes: readonly string[]): string {
  const arts = codes.map((c) => safetyLawArticle(c)?.article ?? c);
  return arts.length ? `《中华人民共和国安全生产法》${arts.join('、')}` : '';
}
