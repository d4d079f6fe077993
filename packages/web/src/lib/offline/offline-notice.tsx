import { Alert } from 'antd';

/** Shown when a list comes from the copy kept on the phone. */
export function OfflineNotice({ since }: { since?: number }) {
  if (since === undefined) return null;
  const at = new Date(since).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={`无法连接服务器，显示 ${at} 保存在手机上的清单`}
      data-testid="phone-offline-copy"
    />
  );
}
