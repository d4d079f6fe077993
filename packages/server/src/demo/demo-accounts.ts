import type { Role } from '@anzhi/core';

export const DEMO_PASSWORD = 'Anzhi@2026';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  description: string;
  displayName: string;
  /** Region codes of its scope, or the unit it belongs to (by unit name). */
  regionCodes: string[];
  unitName?: string;
}

export const demoTownship = { code: '339901100000', name: '示例镇' };

/** One account per role; `docs/demo-accounts.json` lists the same (a test keeps them equal). */
export const demoAccounts: DemoAccount[] = [
  {
    username: 'admin',
    password: DEMO_PASSWORD,
    role: 'admin',
    displayName: '系统管理员',
    regionCodes: [],
    description: '系统管理员：管理区划、单位、用户，查看审计日志',
  },
  {
    username: 'anweiban',
    password: DEMO_PASSWORD,
    role: 'office',
    displayName: '王安委',
    regionCodes: [demoTownship.code],
    description: '示例镇安委办：查看全镇数据，管理本镇单位和用户',
  },
  {
    username: 'shichang',
    password: DEMO_PASSWORD,
    role: 'unit',
    displayName: '李监管',
    regionCodes: [demoTownship.code],
    unitName: '示例镇市场监督管理所',
    description: '成员单位（市场监管所）工作人员：只看本单位监管的行业',
  },
  {
    username: 'yingji',
    password: DEMO_PASSWORD,
    role: 'unit',
    displayName: '刘应急',
    regionCodes: [demoTownship.code],
    unitName: '示例镇应急管理办公室',
    description: '成员单位（应急办）工作人员：监管工贸、危化等企业，认定和销号重大隐患',
  },
  {
    username: 'dongcun',
    password: DEMO_PASSWORD,
    role: 'village',
    displayName: '张网格',
    regionCodes: ['339901100201'],
    description: '东村村干部/网格员：只看东村',
  },
  {
    username: 'jiancha',
    password: DEMO_PASSWORD,
    role: 'inspector',
    displayName: '赵执法',
    regionCodes: [demoTownship.code],
    description: '综合执法大队执法检查员',
  },
  {
    username: 'lingdao',
    password: DEMO_PASSWORD,
    role: 'leader',
    displayName: '陈镇长',
    regionCodes: [demoTownship.code],
    description: '镇领导：只读，看工作台',
  },
  {
    username: 'qiye',
    password: DEMO_PASSWORD,
    role: 'enterprise',
    displayName: '周安全员',
    regionCodes: [],
    description: '企业安全员：只看本企业（示例镇华鑫机械制造有限公司）',
  },
];
