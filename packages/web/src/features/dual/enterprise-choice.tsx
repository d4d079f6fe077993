import { Flex, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../lib/session.ts';
import { EnterpriseSelect } from '../enterprises/components/enterprise-select.tsx';

/** The enterprise a page works on: an enterprise account's own; the office picks one (kept in the URL). */
export function useChosenEnterprise(): [number | null, (id: number | null) => void, boolean] {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  if (user.enterpriseId !== null) return [user.enterpriseId, () => undefined, true];
  const raw = Number(params.get('enterpriseId'));
  const id = Number.isInteger(raw) && raw > 0 ? raw : null;
  const set = (next: number | null) =>
    setParams((p) => {
      if (next === null) p.delete('enterpriseId');
      else p.set('enterpriseId', String(next));
      return p;
    });
  return [id, set, false];
}

export function EnterpriseChoice({ value, onChange, own }: { value: number | null; onChange: (id: number | null) => void; own: boolean }) {
  if (own) return null;
  return (
    <Flex align="center" gap={8} style={{ marginBottom: 16, maxWidth: 480 }}>
      <Typography.Text style={{ whiteSpace: 'nowrap' }}>企业：</Typography.Text>
      <EnterpriseSelect value={value} onChange={onChange} placeholder="输入企业名称搜索" />
    </Flex>
  );
}
