import { supervisionDomains, unitKindLabels, unitKinds } from '@anzhi/core';

export const unitKindOptions = unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] }));
export const industryOptions = supervisionDomains.map(([value, label]) => ({ value, label }));
