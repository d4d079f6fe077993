import type { HazardAction } from '@anzhi/core';
import { Col, Flex, Result, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../lib/session.ts';
import { useIsMobile } from '../../../lib/use-is-mobile.ts';
import { useHazard } from '../api.ts';
import { HazardActionBar } from '../components/hazard-action-bar.tsx';
import { HazardActionDrawer } from '../components/hazard-action-drawer.tsx';
import { HazardEscalations } from '../components/hazard-escalations.tsx';
import { HazardCriteria, HazardFacts, PendingExtension } from '../components/hazard-facts.tsx';
import { HazardHeader } from '../components/hazard-header.tsx';
import { HazardPlan } from '../components/hazard-plan.tsx';
import { HazardPropagateButton } from '../components/hazard-propagate-button.tsx';
import { HazardRemindButton } from '../components/hazard-remind-button.tsx';
import { HazardResumption } from '../components/hazard-resumption.tsx';
import { HazardTimeline } from '../components/hazard-timeline.tsx';
import { useRequestedAction } from '../use-requested-action.ts';
import '../hazards.css';

export function HazardDetailPage() {
  const id = Number(useParams().id);
  const hazard = useHazard(id);
  const isMobile = useIsMobile();
  const [acting, setActing] = useState<HazardAction | null>(null);
  // The server lists steps by the hazard rules, but sending one needs hazard.act too (a village cadre may report
  // and is listed as checker of what they found, yet lacks it): offer only what can be sent.
  const canAct = useCan('hazard.act');
  useRequestedAction(hazard.data ? (canAct ? hazard.data.actions : []) : undefined, setActing);

  if (!(id > 0)) return <Result status="404" title="隐患不存在" subTitle="链接中的隐患编号有误。" />;
  if (hazard.isError) return <QueryError error={hazard.error} onRetry={() => void hazard.refetch()} />;
  if (hazard.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  const h = hazard.data;
  const actions = canAct ? h.actions : [];
  const bar = <HazardActionBar actions={actions} onAct={setActing} mobile={isMobile} />;
  const propagate = (
    <Flex gap={8} wrap>
      <HazardRemindButton hazardId={h.id} canRemind={h.canRemind} />
      <HazardPropagateButton hazardId={h.id} criteriaCodes={h.criteriaCodes} />
    </Flex>
  );

  return (
    <div data-testid="hazard-detail" className={isMobile && actions.length ? 'hazard-detail has-action-bar' : 'hazard-detail'}>
      <Flex vertical gap={16}>
        <HazardHeader
          h={h}
          actions={
            isMobile ? (
              propagate
            ) : (
              <Flex gap={8} wrap>
                {bar}
                {propagate}
              </Flex>
            )
          }
        />
        <PendingExtension h={h} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Flex vertical gap={16}>
              <HazardFacts h={h} />
              <HazardCriteria h={h} />
              <HazardPlan h={h} />
              <HazardResumption h={h} />
            </Flex>
          </Col>
          <Col xs={24} lg={10}>
            <Flex vertical gap={16}>
              <HazardTimeline h={h} />
              <HazardEscalations h={h} />
            </Flex>
          </Col>
        </Row>
      </Flex>
      {isMobile ? bar : null}
      <HazardActionDrawer h={h} action={acting} onClose={() => setActing(null)} />
    </div>
  );
}
