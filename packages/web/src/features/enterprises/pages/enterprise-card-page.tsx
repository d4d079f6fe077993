import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { useEnterprise } from '../api.ts';
import { ResponsibilityCard } from '../components/responsibility-card.tsx';
import '../responsibility-card.css';
import { LinkButton } from '../../../components/link-button.tsx';

/** The printable card, outside the admin layout so the page prints as the sheet alone. */
export function EnterpriseCardPage() {
  const id = Number(useParams().id);
  const enterprise = useEnterprise(id);
  const name = enterprise.data?.name;

  useEffect(() => {
    if (!name) return;
    const previous = document.title;
    // The browser suggests the title as the PDF file name.
    document.title = `${name}-三个责任人公示牌`;
    return () => {
      document.title = previous;
    };
  }, [name]);

  return (
    <div className="card-page">
      <div className="card-toolbar no-print">
        <LinkButton to={`/enterprises/${id}`} icon={<ArrowLeftOutlined />}>
          返回企业详情
        </LinkButton>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!enterprise.data}>
          打印
        </Button>
      </div>
      {enterprise.isError ? (
        <div className="no-print" style={{ background: '#fff', maxWidth: 720, margin: '0 auto' }}>
          <QueryError error={enterprise.error} onRetry={() => void enterprise.refetch()} />
        </div>
      ) : enterprise.data ? (
        <ResponsibilityCard enterprise={enterprise.data} />
      ) : (
        <div style={{ background: '#fff', maxWidth: 720, margin: '0 auto', padding: 24 }}>
          <Skeleton active paragraph={{ rows: 10 }} />
        </div>
      )}
    </div>
  );
}
