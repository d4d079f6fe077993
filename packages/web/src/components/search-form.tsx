import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Form, type FormInstance, Space } from 'antd';
import { type ReactNode, useEffect } from 'react';

interface SearchFormProps<T extends object> {
  form: FormInstance<T>;
  /** Current filters (from the URL), so the form shows what the table shows. */
  values: Partial<T>;
  onSearch: (values: T) => void;
  onReset: () => void;
  children: ReactNode;
}

/** The search form on top of every list page: fields inline on desktop, stacked on phones. */
export function SearchForm<T extends object>({ form, values, onSearch, onReset, children }: SearchFormProps<T>) {
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, values]);

  return (
    <Card size="small" className="search-form">
      <Form form={form} layout="inline" onFinish={onSearch} className="search-form-body">
        {children}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                onReset();
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
