import type { PublicReportEnterprise, ReportChallenge, ReportMatter } from '@anzhi/core';
import type { PickedPhoto } from './report-photo-picker.tsx';

/** What the report is about: an enterprise from the registry (QR code or search), or a place in a village. */
export type ReportTarget = { kind: 'enterprise'; enterprise: PublicReportEnterprise } | { kind: 'place' };

export interface ReportFormValues {
  matter?: ReportMatter | '';
  description?: string;
  regionCode?: string;
  place?: string;
  enterpriseName?: string;
  photos?: PickedPhoto[];
  reporterName?: string;
  reporterPhone?: string;
  internal?: boolean;
  challengeAnswer?: string;
}

/** The form's fields, named as the contract's: a server problem on one of them is shown next to it. */
export const reportFormFields = [
  'matter',
  'description',
  'regionCode',
  'place',
  'enterpriseName',
  'photos',
  'reporterName',
  'reporterPhone',
  'internal',
  'challengeAnswer',
] as const;

/** The categories in the words of someone who is not an inspector. */
export const reportMatterHints: Record<ReportMatter, string> = {
  majorHazard: '随时可能引发严重事故（如爆炸、坍塌、大量人员伤亡）的问题',
  hazard: '存在安全隐患，如消防通道堵塞、设备缺少防护、电线私拉乱接',
  violation: '违法违规生产经营，如无证生产、未经培训上岗、关闭报警装置',
  concealedAccident: '发生了事故却隐瞒不报，或少报、谎报伤亡',
};

/** The multipart text fields, as strings (validated with core's `publicReportFields` before sending). */
export function reportTextFields(
  values: ReportFormValues,
  target: ReportTarget,
  challenge: ReportChallenge | null,
): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    description: values.description ?? '',
    place: values.place,
    matter: values.matter || undefined,
    reporterName: values.reporterName,
    reporterPhone: values.reporterPhone?.trim() || undefined,
    internal: target.kind === 'enterprise' && values.internal ? 'true' : 'false',
  };
  if (target.kind === 'enterprise') fields.enterprisePublicCode = target.enterprise.publicCode;
  else {
    fields.regionCode = values.regionCode;
    fields.enterpriseName = values.enterpriseName;
  }
  if (challenge) {
    fields.challengeToken = challenge.token;
    fields.challengeAnswer = values.challengeAnswer ?? '';
  }
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
}

export function reportFormData(fields: Record<string, string>, photos: readonly PickedPhoto[]): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const photo of photos) form.append('photos', photo.blob, photo.name);
  return form;
}
