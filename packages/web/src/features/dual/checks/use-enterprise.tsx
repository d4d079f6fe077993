import type { ReactNode } from 'react';
import { EnterpriseChoice, useChosenEnterprise } from '../enterprise-choice.tsx';

/** The enterprise a check page is about: an enterprise account's own; others pick one (kept in the URL). */
export function useCheckEnterprise(): { enterpriseId: number | undefined; picker: ReactNode } {
  const [id, setId, own] = useChosenEnterprise();
  return { enterpriseId: id ?? undefined, picker: <EnterpriseChoice value={id} onChange={setId} own={own} /> };
}
