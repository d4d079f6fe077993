import {
  escalationStepLabels,
  type HazardGrade,
  type HazardStatus,
  hazardCategories,
  hazardCategoryLabels,
  hazardChannelLabels,
  hazardChannels,
  hazardGradeLabels,
  hazardGrades,
  hazardStatuses,
  hazardStatusLabels,
  industrySections,
  stoppageKinds,
  stoppageLabels,
  supervisionDomains,
  supervisionLevelLabels,
} from '@anzhi/core';

/** 一般 / 重大: the short words of the tags; the full 一般事故隐患 goes into forms and documents. */
export const gradeShortLabels: Record<HazardGrade, string> = { general: '一般', major: '重大' };

export const gradeOptions = hazardGrades.map((value) => ({ value, label: hazardGradeLabels[value] }));
export const channelOptions = hazardChannels.map((value) => ({ value, label: hazardChannelLabels[value] }));
export const categoryOptions = hazardCategories.map((value) => ({ value, label: hazardCategoryLabels[value] }));
export const stoppageOptions = stoppageKinds.map((value) => ({ value, label: stoppageLabels[value] }));
export const domainOptions = supervisionDomains.map(([value, label]) => ({ value, label }));
export const industrySectionOptions = industrySections.map(([value, name]) => ({ value, label: `${value} ${name}` }));

/**
 * 办理状态 in the search form: 在办/已办结 (the API's `open`) first, then each status. One select, one value,
 * encoded as `open:true`, `open:false` or the status code.
 */
export const progressOptions = [
  { value: 'open:true', label: '在办（未销号）' },
  { value: 'open:false', label: '已办结（销号或不成立）' },
  ...hazardStatuses.map((value) => ({ value, label: hazardStatusLabels[value] })),
];

export const statusColours: Record<HazardStatus, string> = {
  found: 'gold',
  confirmed: 'orange',
  planSubmitted: 'purple',
  rectifying: 'processing',
  rectified: 'cyan',
  evaluating: 'geekblue',
  evaluated: 'lime',
  reviewing: 'magenta',
  closed: 'success',
  dismissed: 'default',
};

export const escalationLabel = (step: keyof typeof escalationStepLabels | null) => (step ? escalationStepLabels[step] : null);
export const supervisionLabel = (level: keyof typeof supervisionLevelLabels | null) => (level ? supervisionLevelLabels[level] : null);
