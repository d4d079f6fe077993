import { type HazardAction, hazardActionLabels, hazardActions } from '@anzhi/core';
import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

const isAction = (v: string | null): v is HazardAction => hazardActions.includes(v as HazardAction);

/**
 * A deep link from the 待办 centre, /hazards/12?action=rectify, opens that step's form once the hazard is loaded — if
 * the step is still this user's to take; otherwise it says so. The parameter is then dropped, so closing the form
 * does not open it again.
 */
export function useRequestedAction(available: readonly HazardAction[] | undefined, open: (action: HazardAction) => void) {
  const [params, setParams] = useSearchParams();
  const { message } = App.useApp();
  const requested = params.get('action');
  const handled = useRef<string | null>(null);

  useEffect(() => {
    if (!requested || available === undefined || handled.current === requested) return;
    handled.current = requested;
    if (isAction(requested) && available.includes(requested)) open(requested);
    else message.info(isAction(requested) ? `“${hazardActionLabels[requested]}”已办理或当前不需要您办理` : '链接中的操作无效');
    setParams(
      (p) => {
        p.delete('action');
        return p;
      },
      { replace: true },
    );
  }, [requested, available, open, message, setParams]);
}
