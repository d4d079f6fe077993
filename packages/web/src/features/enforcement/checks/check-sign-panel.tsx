import type { ApiBody, CheckDetail } from '@anzhi/core';
import { Alert, Button, Card, Flex, Input, Switch, Typography } from 'antd';
import { useState } from 'react';
import { SignaturePad } from './signature-pad.tsx';

type Signatures = ApiBody<'POST /enforcement-checks/{id}/sign'>['signatures'];

interface Props {
  check: CheckDetail;
  representativeName: string;
  pending: boolean;
  onSign: (signatures: Signatures, refusedToSign: string | null) => void;
}

/** 现场签字 (安全生产法 第六十八条): each inspector and the enterprise's representative sign on the screen, or the refusal is recorded. */
export function CheckSignPanel({ check, representativeName, pending, onSign }: Props) {
  const [images, setImages] = useState<Record<string, string | null>>({});
  const [refused, setRefused] = useState(false);
  const [reason, setReason] = useState('');
  const [repName, setRepName] = useState(representativeName);
  const inspectorsSigned = check.inspectors.filter((i) => images[`i${i.id}`]).length;
  const ready = inspectorsSigned >= 2 && (refused ? reason.trim().length > 0 : Boolean(images.rep) && repName.trim().length > 0);

  const submit = () => {
    const signatures: Signatures = check.inspectors.flatMap((i) => {
      const image = images[`i${i.id}`];
      return image ? [{ role: 'inspector' as const, name: i.name, inspectorId: i.id, image }] : [];
    });
    if (!refused && images.rep) signatures.push({ role: 'enterprise', name: repName.trim(), image: images.rep });
    onSign(signatures, refused ? reason.trim() : null);
  };

  return (
    <Card title="现场签字" data-testid="check-sign-panel" style={{ marginTop: 12 }}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="签字后检查记录不可修改，不符合项将转为隐患；签名与本记录的哈希值绑定。"
      />
      {check.inspectors.map((i) => (
        <div key={i.id} style={{ marginBottom: 16 }}>
          <Typography.Text strong>
            执法人员 {i.name}（执法证号 {i.certificateNo}）
          </Typography.Text>
          <SignaturePad testId={`sign-inspector-${i.id}`} onChange={(v) => setImages((m) => ({ ...m, [`i${i.id}`]: v }))} />
        </div>
      ))}
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <Switch checked={refused} onChange={setRefused} data-testid="sign-refused" />
        <span>被检查单位负责人拒绝签字</span>
      </Flex>
      {refused ? (
        <Input.TextArea placeholder="拒签情况（记录在案）" value={reason} onChange={(e) => setReason(e.target.value)} />
      ) : (
        <div>
          <Input
            placeholder="被检查单位负责人姓名"
            value={repName}
            onChange={(e) => setRepName(e.target.value)}
            data-testid="sign-representative-name"
            style={{ marginBottom: 6 }}
          />
          <SignaturePad testId="sign-representative" onChange={(v) => setImages((m) => ({ ...m, rep: v }))} />
        </div>
      )}
      <Button
        type="primary"
        size="large"
        block
        style={{ marginTop: 16, minHeight: 48 }}
        disabled={!ready}
        loading={pending}
        onClick={submit}
        data-testid="sign-submit"
      >
        确认签字
      </Button>
    </Card>
  );
}
