import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type PostCardKind, type PostView, postCardKindLabels, postCardKinds, postQuizLimits, type QuizItem } from '@anzhi/core';
import { App, Button, Card, Drawer, Flex, Form, Input, Radio, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../lib/api-client.ts';
import { useSavePost } from './api.ts';
import { LinesEditor } from './lines-editor.tsx';

type Draft = { name: string; department: string; cards: Record<PostCardKind, string[]>; quiz: QuizItem[] };

const emptyDraft = (): Draft => ({
  name: '',
  department: '',
  cards: { riskList: [], dutyList: [], operationCard: [], emergencyCard: [] },
  quiz: [],
});
const draftOf = (p: PostView): Draft => ({
  name: p.name,
  department: p.department ?? '',
  cards: { ...p.cards },
  quiz: p.quiz.map((q) => ({ ...q })),
});

/** 两单两卡 and 应知应会 of one post: each card's lines (edit, reorder) and the quiz's questions with the right option. */
export function PostEditor({
  open,
  post,
  enterpriseId,
  onClose,
}: {
  open: boolean;
  post: PostView | null;
  enterpriseId: number | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const save = useSavePost();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  useEffect(() => {
    if (open) setDraft(post ? draftOf(post) : emptyDraft());
  }, [open, post]);

  const setQuiz = (i: number, q: Partial<QuizItem>) =>
    setDraft((d) => ({ ...d, quiz: d.quiz.map((x, j) => (j === i ? { ...x, ...q } : x)) }));
  const submit = async () => {
    const body = { name: draft.name, department: draft.department || null, cards: draft.cards, quiz: draft.quiz };
    try {
      if (post) await save.mutateAsync({ id: post.id, body: { ...body, version: post.version } });
      else if (enterpriseId) await save.mutateAsync({ id: null, body: { ...body, enterpriseId } });
      message.success('已保存');
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={Math.min(760, window.innerWidth)}
      title={post ? `编辑岗位：${post.name}` : '新增岗位'}
      extra={
        <Button type="primary" loading={save.isPending} onClick={submit}>
          保存
        </Button>
      }
    >
      <Form layout="vertical">
        <Flex gap={12} wrap>
          <Form.Item label="岗位名称" required style={{ flex: 1, minWidth: 200 }}>
            <Input
              value={draft.name}
              maxLength={50}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              placeholder="如：冲压工"
            />
          </Form.Item>
          <Form.Item label="所属部门" style={{ flex: 1, minWidth: 200 }}>
            <Input
              value={draft.department}
              maxLength={50}
              onChange={(e) => setDraft({ ...draft, department: e.target.value })}
              placeholder="如：冲压车间"
            />
          </Form.Item>
        </Flex>
      </Form>
      <Tabs
        items={[
          ...postCardKinds.map((kind) => ({
            key: kind,
            label: `${postCardKindLabels[kind]}（${draft.cards[kind].length}）`,
            children: (
              <LinesEditor
                value={draft.cards[kind]}
                onChange={(lines) => setDraft((d) => ({ ...d, cards: { ...d.cards, [kind]: lines } }))}
                placeholder={`${postCardKindLabels[kind]}的一条内容`}
              />
            ),
          })),
          {
            key: 'quiz',
            label: `应知应会（${draft.quiz.length}）`,
            children: (
              <Flex vertical gap={12}>
                <Typography.Text type="secondary">
                  每题 {postQuizLimits.minOptions}–{postQuizLimits.maxOptions} 个选项，选中正确答案；最多 {postQuizLimits.maxQuestions}{' '}
                  题。员工扫码答题后立即看到得分和正确答案。
                </Typography.Text>
                {draft.quiz.map((q, i) => (
                  <Card
                    // biome-ignore lint/suspicious/noArrayIndexKey: questions are edited in place; the index is their identity
                    key={i}
                    size="small"
                    title={`第 ${i + 1} 题`}
                    extra={
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => setDraft((d) => ({ ...d, quiz: d.quiz.filter((_, j) => j !== i) }))}
                      >
                        删除
                      </Button>
                    }
                  >
                    <Input.TextArea
                      autoSize
                      value={q.question}
                      placeholder="题目"
                      onChange={(e) => setQuiz(i, { question: e.target.value })}
                    />
                    <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 4px' }}>
                      选项
                    </Typography.Text>
                    <LinesEditor
                      value={q.options}
                      max={postQuizLimits.maxOptions}
                      addLabel="添加选项"
                      onChange={(options) => setQuiz(i, { options, answer: Math.min(q.answer, Math.max(0, options.length - 1)) })}
                    />
                    <Flex align="center" gap={8} wrap style={{ marginTop: 8 }}>
                      <span>正确答案：</span>
                      <Radio.Group
                        value={q.answer}
                        onChange={(e) => setQuiz(i, { answer: e.target.value })}
                        options={q.options.map((o, j) => ({
                          value: j,
                          label: `${String.fromCharCode(65 + j)}${o ? `. ${o.slice(0, 12)}` : ''}`,
                        }))}
                      />
                    </Flex>
                  </Card>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={draft.quiz.length >= postQuizLimits.maxQuestions}
                  onClick={() => setDraft((d) => ({ ...d, quiz: [...d.quiz, { question: '', options: ['', ''], answer: 0 }] }))}
                >
                  添加题目
                </Button>
              </Flex>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
