/**
 * 专项台账 (issue 17): ledgers of things a campaign counts that are not enterprises — 有限空间, 经营性自建房, 老旧电梯 …
 * Each object type declares its fields as data (turned into a zod schema by `objectDataSchema`), whether an object
 * belongs to an enterprise or lies in a village, and the checklist a campaign over it starts from. The shipped types
 * below are the labelled defaults an administrator may change (and restore).
 */
export const objectFieldKinds = ['text', 'int', 'number', 'date', 'enum', 'bool', 'phone'] as const;
export type ObjectFieldKind = (typeof objectFieldKinds)[number];
export const objectFieldKindLabels: Record<ObjectFieldKind, string> = {
  text: '文本',
  int: '整数',
  number: '数值',
  date: '日期',
  enum: '单选',
  bool: '是/否',
  phone: '电话',
};

/** Where an object belongs: to an enterprise of the registry (its region is the enterprise's), or to a village. */
export const objectAnchors = ['enterprise', 'village'] as const;
export type ObjectAnchor = (typeof objectAnchors)[number];
export const objectAnchorLabels: Record<ObjectAnchor, string> = { enterprise: '属于企业', village: '位于村（社区）' };

export interface ObjectFieldDef {
  /** camelCase key in `ledger_objects.data`. */
  key: string;
  label: string;
  kind: ObjectFieldKind;
  required?: boolean;
  /** enum: the choices. */
  options?: string[];
  /** text: longest; int/number: largest. */
  max?: number;
  /** int/number: the unit shown after the value (米, 层, 人). */
  unit?: string;
}

export interface ObjectTypeDefault {
  code: string;
  name: string;
  anchor: ObjectAnchor;
  /** The measure word counts are given in: 处, 栋, 台, 个, 项. */
  counter: string;
  fields: ObjectFieldDef[];
  checklist: string[];
}

const contact: ObjectFieldDef[] = [
  { key: 'keeper', label: '责任人', kind: 'text', required: true, max: 20 },
  { key: 'keeperPhone', label: '责任人电话', kind: 'phone' },
];

export const defaultObjectTypes: readonly ObjectTypeDefault[] = [
  {
    code: 'confinedSpace',
    name: '有限空间',
    anchor: 'enterprise',
    counter: '处',
    fields: [
      {
        key: 'spaceKind',
        label: '有限空间类型',
        kind: 'enum',
        required: true,
        options: ['密闭设备', '地下有限空间', '地上有限空间'],
      },
      { key: 'location', label: '所在位置', kind: 'text', required: true, max: 60 },
      { key: 'hazardFactors', label: '主要危险有害因素', kind: 'text', max: 100 },
      { key: 'signPosted', label: '已设置安全警示标志', kind: 'bool' },
      ...contact,
    ],
    checklist: [
      '建立有限空间管理台账并及时更新',
      '有限空间作业场所设置明显的安全警示标志和警示说明',
      '作业前履行审批手续，执行“先通风、再检测、后作业”',
      '配备符合要求的气体检测、通风、防护和应急救援装备',
      '作业现场设置监护人员，作业人员经专项安全培训',
      '制定有限空间作业应急救援预案并定期演练',
    ],
  },
  {
    code: 'selfBuiltHouse',
    name: '经营性自建房',
    anchor: 'village',
    counter: '栋',
    fields: [
      { key: 'owner', label: '房屋产权人', kind: 'text', required: true, max: 20 },
      { key: 'ownerPhone', label: '产权人电话', kind: 'phone' },
      { key: 'floors', label: '层数', kind: 'int', required: true, max: 50, unit: '层' },
      { key: 'builtYear', label: '建成年份', kind: 'int', max: 2100 },
      { key: 'floorArea', label: '建筑面积', kind: 'number', max: 1_000_000, unit: '平方米' },
      {
        key: 'use',
        label: '经营用途',
        kind: 'enum',
        required: true,
        options: ['餐饮', '住宿', '商超', '生产加工', '仓储', '教育培训', '其他'],
      },
      { key: 'structureAppraised', label: '已做房屋安全鉴定', kind: 'bool' },
    ],
    checklist: [
      '擅自加层、改变承重结构或违规改扩建',
      '房屋出现明显裂缝、倾斜、沉降等结构安全隐患',
      '经营场所疏散通道、安全出口畅通，数量符合要求',
      '配置灭火器、应急照明和疏散指示标志并完好有效',
      '电气线路规范敷设，无私拉乱接',
      '无电动自行车在室内、楼道停放或充电',
      '住宿与生产、储存、经营场所未违规“三合一”设置',
    ],
  },
  {
    code: 'workAtHeight',
    name: '高处作业项目',
    anchor: 'enterprise',
    counter: '项',
    fields: [
      { key: 'location', label: '作业地点', kind: 'text', required: true, max: 60 },
      { key: 'height', label: '作业高度', kind: 'number', max: 500, unit: '米' },
      { key: 'startsOn', label: '开工日期', kind: 'date' },
      ...contact,
    ],
    checklist: [
      '作业人员持有效高处作业证',
      '正确佩戴安全带、安全帽，安全带高挂低用',
      '临边、洞口设置防护栏杆或安全网',
      '作业平台、脚手架经验收合格',
    ],
  },
  {
    code: 'smallWorks',
    name: '外包施工 / 小施工 / 小作业',
    anchor: 'village',
    counter: '项',
    fields: [
      { key: 'contractor', label: '施工单位或个人', kind: 'text', required: true, max: 60 },
      { key: 'location', label: '施工地点', kind: 'text', required: true, max: 60 },
      { key: 'workKind', label: '作业类型', kind: 'enum', options: ['动火', '高处', '有限空间', '临时用电', '吊装', '其他'] },
      { key: 'startsOn', label: '开工日期', kind: 'date' },
      { key: 'endsOn', label: '完工日期', kind: 'date' },
      ...contact,
    ],
    checklist: [
      '施工单位具备相应资质，签订安全管理协议',
      '特种作业人员持证上岗',
      '动火、临时用电等危险作业履行审批',
      '现场设置安全警示和隔离措施',
    ],
  },
  {
    code: 'chemicalStore',
    name: '危化品仓库',
    anchor: 'enterprise',
    counter: '个',
    fields: [
      { key: 'location', label: '所在位置', kind: 'text', required: true, max: 60 },
      { key: 'chemicals', label: '储存的主要危化品', kind: 'text', required: true, max: 100 },
      { key: 'capacity', label: '最大储存量', kind: 'number', max: 1_000_000, unit: '吨' },
      ...contact,
    ],
    checklist: [
      '危化品分区、分类、分库储存，禁忌物料未混存',
      '储存数量不超过设计储量',
      '防火、防爆、通风、防静电设施完好',
      '建立出入库登记和双人双锁管理',
    ],
  },
  {
    code: 'agedPlant',
    name: '老旧装置',
    anchor: 'enterprise',
    counter: '套',
    fields: [
      { key: 'plantName', label: '装置名称', kind: 'text', required: true, max: 60 },
      { key: 'commissionedYear', label: '投用年份', kind: 'int', required: true, max: 2100 },
      { key: 'designLife', label: '设计使用年限', kind: 'int', max: 100, unit: '年' },
      ...contact,
    ],
    checklist: ['开展安全评估并落实评估意见', '超期服役装置制定改造或淘汰计划', '关键设备定期检测检验合格'],
  },
  {
    code: 'oldElevator',
    name: '老旧电梯',
    anchor: 'village',
    counter: '台',
    fields: [
      { key: 'registrationCode', label: '使用登记证编号', kind: 'text', required: true, max: 40 },
      { key: 'building', label: '所在楼栋', kind: 'text', required: true, max: 60 },
      { key: 'installedYear', label: '安装年份', kind: 'int', required: true, max: 2100 },
      { key: 'maintainer', label: '维保单位', kind: 'text', max: 60 },
      ...contact,
    ],
    checklist: ['在检验有效期内并张贴使用标志', '按规定开展维护保养', '完成安全评估并落实整改', '轿厢应急通话装置有效'],
  },
  {
    code: 'dustSystem',
    name: '粉尘涉爆除尘系统',
    anchor: 'enterprise',
    counter: '套',
    fields: [
      { key: 'dustKind', label: '粉尘种类', kind: 'enum', required: true, options: ['金属粉尘', '木质粉尘', '粮食粉尘', '其他'] },
      { key: 'location', label: '所在车间', kind: 'text', required: true, max: 60 },
      { key: 'removal', label: '除尘方式', kind: 'enum', options: ['干式', '湿式'] },
      ...contact,
    ],
    checklist: [
      '除尘系统按规范采用防爆、泄爆、隔爆措施',
      '不同防火分区的除尘系统未互联互通',
      '按规定及时清理积尘并记录',
      '铝镁等金属粉尘湿式除尘的氢气防控措施落实',
    ],
  },
];

export const ledgerObjectStatuses = ['active', 'removed'] as const;
export type LedgerObjectStatus = (typeof ledgerObjectStatuses)[number];
export const ledgerObjectStatusLabels: Record<LedgerObjectStatus, string> = { active: '在册', removed: '已注销' };
