import './common/zod-locale.ts';

export * from './audit/audit.contract.ts';
export * from './audit/audit.rules.ts';
export * from './auth/auth.contract.ts';
export * from './auth/password.rules.ts';
export * from './common/common.contract.ts';
export * from './common/labels.ts';
export * from './common/zod-locale.ts';
export * from './dashboard/dashboard.contract.ts';
export * from './enterprise/credit-code.rules.ts';
export * from './enterprise/enterprise.contract.ts';
export * from './enterprise/enterprise.dict.ts';
export * from './enterprise/enterprise.rules.ts';
export * from './enterprise/industry.dict.ts';
export * from './org/org.contract.ts';
export * from './org/org.dict.ts';
export * from './org/permission.rules.ts';
export * from './org/region.rules.ts';
