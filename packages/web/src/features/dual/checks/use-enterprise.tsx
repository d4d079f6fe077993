import { Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../../lib/session.ts';
import { EnterprisePicker } from '../../enforcement/components/enterprise-picker.tsx';

/** The enterprise a check page is about: an enterprise account's own; others pick one (kept in the URL). */
export function useCheckEnterprise() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const own = user.enterpriseId ?? undefined;
  const picked = Number(params.get('enterpriseId')) || undefined;
  const enterpriseId = own ?? picked;
  const picker =
    own === undefined ? (
      <Space>
        <Typography.Text>企业：</Typography.Text>
        <div style={{ minWidth: 280 }}>
          <EnterprisePicker
            value={picked}
            onChange={(v) =>
              setParams((p) => {
                p.set('enterpriseId', String(v));
                return p;
              })
            }
          />
        </div>
      </Space>
    ) : null;
  return { enterpriseId, picker };
}
