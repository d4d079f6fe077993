import { type CheckDetail, checkKindLabels, checkStatusLabels } from '@anzhi/core';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { CheckTriadPanel } from '../components/check-triad-panel.tsx';
import { useCheck, useCheckMutations } from './api.ts';
import { CheckAmendPanel } from './check-amend-panel.tsx';
import { CheckItemCard, draftOf, type ItemDraft } from './check-item-card.tsx';
import { CheckQuizPanel } from './check-quiz-panel.tsx';
import { CheckSignPanel } from './check-sign-panel.tsx';
import { CheckTeamPanel } from './check-team-panel.tsx';

function CheckHeader({ check }: { check: CheckDetail }) {
  return (
    <Card size="small" data-testid="check-header">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {check.enterprise.name}
        </Typography.Title>
        <Tag color={check.status === 'signed' ? 'green' : check.status === 'inProgress' ? 'orange' : 'blue'}>
          {checkStatusLabels[check.status]}
        </Tag>
      </Flex>
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label="编号">{check.code}</Descriptions.Item>
        <Descriptions.Item label="类型">{checkKindLabels[check.kind]}</Descriptions.Item>
        <Descriptions.Item label="执法单位">{check.unitName}</Descriptions.Item>
        <Descriptions.Item label="地址">{check.enterprise.address ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="执法人员">
          <div>
            {check.inspectors.map((i) => (
              <div key={i.id}>
                {i.name}（执法证号 {i.certificateNo}）
              </div>
            ))}
          </div>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The signed record: read-only, its hash, the signatures and the hazards the failed items became. */
function SignedRecord({ check }: { check: CheckDetail }) {
  const hazards = check.items.filter((i) => i.hazardId);
  return (
    <Card size="small" title="签字记录" style={{ marginTop: 12 }} data-testid="check-signed">
      <div style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid="check-record-hash">
        记录哈希（SHA-256）：{check.recordHash}
      </div>
      <Flex gap={12} wrap style={{ marginTop: 8 }}>
        {check.signatures.map((s) => (
          <div key={`${s.role}-${s.inspectorId ?? s.name}`} style={{ textAlign: 'center' }}>
            <img
              src={s.image.url}
              alt={`${s.name}的签名`}
              style={{ width: 140, height: 70, objectFit: 'contain', border: '1px solid #eee' }}
            />
            <div>{s.name}</div>
          </div>
        ))}
      </Flex>
      {check.refusedToSign ? <Alert type="warning" style={{ marginTop: 8 }} message={`负责人拒绝签字：${check.refusedToSign}`} /> : null}
      <div style={{ marginTop: 8 }} data-testid="check-hazard-count">
        转为隐患 {hazards.length} 项
      </div>
    </Card>
  );
}

/** 现场检查 on a phone: start, 符合/不符合/不涉及 per item, 现场讲, 逢查必考, 现场签字; afterwards read-only. */
export function CheckPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const query = useCheck(id);
  const m = useCheckMutations(id);
  const check = query.data;
  const [drafts, setDrafts] = useState<Record<number, ItemDraft>>({});
  const [fields, setFields] = useState({ place: '', explained: '', representativeName: '' });

  // A freshly loaded record (or the answer of a save) replaces what is on the screen.
  useEffect(() => {
    if (!check) return;
    setDrafts(Object.fromEntries(check.items.map((i) => [i.id, draftOf(i)])));
    setFields({ place: check.place ?? '', explained: check.explained ?? '', representativeName: check.representativeName ?? '' });
  }, [check]);

  const open = useMemo(() => Object.values(drafts).filter((d) => d.result === null).length, [drafts]);
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  if (!check) return <Spin style={{ display: 'block', margin: 48 }} />;
  const editable = check.status === 'inProgress' && check.canRecord;

  const body = () => ({
    version: check.version,
    place: fields.place.trim() || null,
    explained: fields.explained.trim() || null,
    representativeName: fields.representativeName.trim() || null,
    items: Object.values(drafts),
  });
  const save = () =>
    m.record.mutate(body(), { onSuccess: () => message.success('已保存'), onError: (e) => message.error(errorMessage(e)) });
  const restPass = () =>
    setDrafts((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.result === null ? { ...v, result: 'pass' as const } : v])));

  return (
    <PageContainer title="现场检查" testId="check-page">
      <CheckHeader check={check} />
      <CheckTeamPanel check={check} />
      {check.status === 'planned' && check.canRecord ? (
        <Button
          type="primary"
          size="large"
          block
          style={{ marginTop: 12, minHeight: 52 }}
          loading={m.start.isPending}
          data-testid="check-start"
          onClick={() => m.start.mutate(undefined, { onError: (e) => message.error(errorMessage(e)) })}
        >
          开始检查
        </Button>
      ) : null}
      {check.status === 'planned' && !check.canRecord ? <Alert style={{ marginTop: 12 }} message="待检查" /> : null}
      {check.items.length ? (
        <div style={{ marginTop: 12 }} data-testid="check-items">
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Text strong>
              检查表（{check.items.length} 项{editable ? `，未填 ${open} 项` : ''}）
            </Typography.Text>
            {editable && open ? (
              <Button onClick={restPass} data-testid="check-rest-pass">
                其余全部符合
              </Button>
            ) : null}
          </Flex>
          {check.items.map((item) => (
            <CheckItemCard
              key={item.id}
              item={item}
              draft={drafts[item.id] ?? draftOf(item)}
              editable={editable}
              onChange={(next) => setDrafts((d) => ({ ...d, [item.id]: next }))}
            />
          ))}
        </div>
      ) : null}
      {editable ? (
        <Card size="small" title="现场讲" style={{ marginTop: 12 }}>
          <Flex vertical gap={8}>
            <Input placeholder="检查地点" value={fields.place} onChange={(e) => setFields((f) => ({ ...f, place: e.target.value }))} />
            <Input.TextArea
              placeholder="向企业讲解的问题和要求（现场讲）"
              autoSize={{ minRows: 2 }}
              value={fields.explained}
              data-testid="check-explained"
              onChange={(e) => setFields((f) => ({ ...f, explained: e.target.value }))}
            />
            <Button size="large" onClick={save} loading={m.record.isPending} data-testid="check-save">
              保存
            </Button>
          </Flex>
        </Card>
      ) : check.explained ? (
        <Card size="small" title="现场讲" style={{ marginTop: 12 }}>
          {check.place ? <div>地点：{check.place}</div> : null}
          <div>{check.explained}</div>
        </Card>
      ) : null}
      {check.status !== 'planned' ? <CheckQuizPanel check={check} /> : null}
      {editable ? (
        open ? (
          <Alert style={{ marginTop: 12 }} type="warning" message={`还有 ${open} 项未填写结果，全部填写后方可签字`} />
        ) : (
          <CheckSignPanel
            check={check}
            representativeName={fields.representativeName}
            pending={m.record.isPending || m.sign.isPending}
            onSign={(signatures, refusedToSign) =>
              // The record as on the screen is saved first; the signatures are bound to what was saved.
              m.record.mutate(body(), {
                onSuccess: (saved) =>
                  m.sign.mutate(
                    { version: saved.version, signatures, refusedToSign },
                    { onSuccess: () => message.success('已签字'), onError: (e) => message.error(errorMessage(e)) },
                  ),
                onError: (e) => message.error(errorMessage(e)),
              })
            }
          />
        )
      ) : null}
      {check.status === 'signed' ? (
        <>
          <SignedRecord check={check} />
          <CheckTriadPanel checkId={check.id} enterpriseId={check.enterpriseId} enterpriseName={check.enterpriseName} signed />
          <CheckAmendPanel check={check} />
        </>
      ) : null}
    </PageContainer>
  );
}
