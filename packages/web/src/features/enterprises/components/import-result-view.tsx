import type { ImportResult } from '@anzhi/core';
import { Button, Result } from 'antd';
import { LinkButton } from '../../../components/link-button.tsx';

/** Step 3: what was written. */
export function ImportResultView({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const skipped = new Set(result.errors.map((e) => e.row)).size;
  return (
    <div data-testid="import-result">
      <Result
        status="success"
        title="导入完成"
        subTitle={
          <>
            <div data-testid="import-result-counts">
              新增 {result.created} 家、更新 {result.updated} 家、无变化 {result.unchanged} 家
            </div>
            {skipped ? <div>跳过了 {skipped} 行有问题的数据，改正后可再次导入（已导入的不会重复）。</div> : null}
          </>
        }
        extra={[
          <LinkButton key="list" to="/enterprises" type="primary">
            查看企业列表
          </LinkButton>,
          <Button key="again" onClick={onAgain}>
            继续导入
          </Button>,
        ]}
      />
    </div>
  );
}
