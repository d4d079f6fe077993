import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { errorMessage } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useVerifyAuditChain } from '../api.ts';

/** Proves the log was not rewritten: every event's hash covers the previous one. */
export function useVerifyChainControl() {
  const verify = useVerifyAuditChain();

  const button = (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
      data-testid="verify-audit-chain"
    >
      校验审计链
    </Button>
  );

  const when = formatDateTime(new Date(verify.submittedAt || Date.now()).toISOString());
  let result: React.ReactNode = null;
  if (verify.isError) {
    result = <Alert type="warning" showIcon title={`校验请求失败：${errorMessage(verify.error)}`} />;
  } else if (verify.data?.ok) {
    result = (
      <Alert
        type="success"
        showIcon
        data-testid="verify-result"
        title={`审计链完整：已校验 ${verify.data.checked} 条记录，未发现篡改或删除。`}
        description={`校验时间：${when}`}
      />
    );
  } else if (verify.data) {
    const d = verify.data;
    result = (
      <Alert
        type="error"
        showIcon
        data-testid="verify-result"
        title={`审计链校验未通过：第 #${d.firstBrokenId ?? '?'} 号事件处链条断开`}
        description={`${d.reason ?? '该事件或其之前的记录可能被修改或删除。'}（已校验 ${d.checked} 条，校验时间：${when}）`}
      />
    );
  }

  return { button, result };
}
