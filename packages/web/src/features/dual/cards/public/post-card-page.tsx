import { postCardKindLabels, postCardKinds } from '@anzhi/core';
import { Alert, Button, Card, Collapse, Flex, Input, Radio, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { errorMessage } from '../../../../lib/api-client.ts';
import { usePublicPostCard, useTakeQuiz } from './api.ts';

const letter = (i: number) => String.fromCharCode(65 + i);

/** 两单两卡 on the phone (from the card's QR, no account) and the 应知应会 quiz. */
export function PublicPostCardPage() {
  const { publicCode = '' } = useParams();
  const card = usePublicPostCard(publicCode);
  const quiz = useTakeQuiz(publicCode);
  const [name, setName] = useState('');
  const [answers, setAnswers] = useState<Record<number, number>>({});

  if (card.isLoading) return <Spin style={{ display: 'block', margin: '40vh auto' }} />;
  if (card.isError || !card.data) return <QueryError error={card.error} onRetry={() => card.refetch()} title="岗位卡片不存在或无法打开" />;
  const c = card.data;
  const result = quiz.data;
  const complete = c.quiz.every((_, i) => answers[i] !== undefined) && name.trim() !== '';

  return (
    <div style={{ maxWidth: 640, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4} style={{ marginBottom: 0 }}>
        {c.name}
      </Typography.Title>
      <Typography.Text type="secondary">
        {c.enterpriseName}
        {c.department ? ` · ${c.department}` : ''}
      </Typography.Text>
      <Collapse
        style={{ marginTop: 12 }}
        defaultActiveKey={['riskList']}
        items={postCardKinds.map((k) => ({
          key: k,
          label: postCardKindLabels[k],
          children: c.cards[k].length ? (
            <ol style={{ paddingLeft: 20, margin: 0 }}>
              {c.cards[k].map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: printed lines in order
                <li key={i} style={{ marginBottom: 6 }}>
                  {l}
                </li>
              ))}
            </ol>
          ) : (
            <Typography.Text type="secondary">（待填写）</Typography.Text>
          ),
        }))}
      />
      {c.quiz.length ? (
        <Card title="应知应会答题" style={{ marginTop: 16 }} size="small">
          {result ? (
            <Result
              status={result.score === result.total ? 'success' : 'info'}
              title={`得分 ${result.score} / ${result.total}`}
              subTitle={result.score === result.total ? '全部答对' : '请对照下方正确答案再学习'}
            />
          ) : null}
          <Flex vertical gap={16}>
            {c.quiz.map((q, i) => {
              const item = result?.items[i];
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: questions in order
                <div key={i}>
                  <Typography.Text strong>
                    {i + 1}. {q.question}
                  </Typography.Text>
                  <Radio.Group
                    style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}
                    value={answers[i]}
                    disabled={!!result}
                    onChange={(e) => setAnswers({ ...answers, [i]: e.target.value })}
                    options={q.options.map((o, j) => ({ value: j, label: `${letter(j)}. ${o}` }))}
                  />
                  {item ? (
                    <Typography.Text type={item.correct ? 'success' : 'danger'}>
                      {item.correct ? '回答正确' : `回答错误，正确答案：${letter(item.answer)}`}
                    </Typography.Text>
                  ) : null}
                </div>
              );
            })}
            {result ? null : (
              <>
                <Input size="large" placeholder="您的姓名" maxLength={30} value={name} onChange={(e) => setName(e.target.value)} />
                {quiz.isError ? <Alert type="error" showIcon message={errorMessage(quiz.error)} /> : null}
                <Button
                  type="primary"
                  size="large"
                  block
                  disabled={!complete}
                  loading={quiz.isPending}
                  onClick={() => quiz.mutate({ takerName: name.trim(), answers: c.quiz.map((_, i) => answers[i] ?? -1) })}
                >
                  提交答案
                </Button>
              </>
            )}
          </Flex>
        </Card>
      ) : null}
    </div>
  );
}
