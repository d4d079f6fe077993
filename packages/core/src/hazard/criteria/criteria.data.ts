import type { CriteriaSet } from './criteria.contract.ts';
import { fangwuShizheng2022 } from './sets/fangwu-shizheng-2022.data.ts';
import { fangwuShizheng2024 } from './sets/fangwu-shizheng-2024.data.ts';
import { feimeiKuangshan2022 } from './sets/feimei-kuangshan-2022.data.ts';
import { gb35181y2017 } from './sets/gb35181-2017.data.ts';
import { gongmao2023 } from './sets/gongmao-2023.data.ts';
import { huagong2017 } from './sets/huagong-2017.data.ts';
import { meikuang2026 } from './sets/meikuang-2026.data.ts';
import { ranqi2023 } from './sets/ranqi-2023.data.ts';
import { yanhua2017 } from './sets/yanhua-2017.data.ts';

/**
 * The 重大事故隐患判定标准 shipped with AnZhi (research of 2026-11-22, /work/shared/domain/criteria): 9 sets, 221 items,
 * each with its source pointer and confidence. Summaries are our wording; official text is shown from the source.
 */
export const shippedCriteriaSets: readonly CriteriaSet[] = [
  gongmao2023,
  huagong2017,
  yanhua2017,
  fangwuShizheng2024,
  fangwuShizheng2022,
  ranqi2023,
  meikuang2026,
  feimeiKuangshan2022,
  gb35181y2017,
];
