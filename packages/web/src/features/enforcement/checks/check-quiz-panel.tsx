import type { CheckDetail } from '@anzhi/core';
import { App, Button, Card, Input, List, Radio, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client.ts';
import { useCheckMutations, useQuizQuestions } from './api.ts';

/** 逢查必考: five questions from the criteria bank for one frontline worker; the score is recorded with the check. */
export function CheckQuizPanel({ check }: { check: CheckDetail }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [worker, setWorker] = useState('');
  const [post, setPost] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const questions = useQuizQuestions(check.id, open);
  const { quiz } = useCheckMutations(check.id);

  const submit = () =>
    quiz.mutate(
      {
        workerName: worker.trim(),
        workerPost: post.trim() || null,
        answers: Object.entries(answers).map(([questionId, given]) => ({ questionId, given })),
      },
      {
        onSuccess: (r) => {
          message.success(`${r.workerName}：${r.score} / ${r.maxScore} 分`);
          setWorker('');
          setPost('');
          setAnswers({});
          setOpen(false);
        },
        onError: (e) => message.error(errorMessage(e)),
      },
    );

  return (
    <Card title="逢查必考" size="small" style={{ marginTop: 12 }} data-testid="check-quiz-panel">
      <List
        size="small"
        locale={{ emptyText: '尚未考试' }}
        dataSource={check.quizzes}
        renderItem={(q) => (
          <List.Item>
            {q.workerName}
            {q.workerPost ? `（${q.workerPost}）` : ''}：{q.score} / {q.maxScore} 分
          </List.Item>
        )}
      />
      {check.status === 'inProgress' && check.canRecord ? (
        open ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input placeholder="受考人员姓名" value={worker} onChange={(e) => setWorker(e.target.value)} />
            <Input placeholder="岗位" value={post} onChange={(e) => setPost(e.target.value)} />
            {questions.isPending ? '正在抽题…' : null}
            {questions.isError ? errorMessage(questions.error) : null}
            {questions.data?.items.map((q, k) => (
              <div key={q.id}>
                <div style={{ marginBottom: 4 }}>
                  {k + 1}. {q.question}
                </div>
                <Radio.Group value={answers[q.id]} onChange={(e) => setAnswers((a) => ({ ...a, [q.id]: e.target.value }))}>
                  <Space direction="vertical">
                    {q.options.map((o) => (
                      <Radio key={o} value={o}>
                        {o}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </div>
            ))}
            <Button
              type="primary"
              block
              disabled={!worker.trim() || !Object.keys(answers).length}
              loading={quiz.isPending}
              onClick={submit}
            >
              记录成绩
            </Button>
          </Space>
        ) : (
          <Button block onClick={() => setOpen(true)}>
            开始考试
          </Button>
        )
      ) : null}
    </Card>
  );
}
