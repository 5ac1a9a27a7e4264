import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { testIds } from '../app/testids';

/** Title block of a page: title, optional legal basis tag, description and actions on the right. */
export function PageHeader(props: { title: ReactNode; description?: ReactNode; clause?: ReactNode; extra?: ReactNode }) {
  return (
    <div data-testid={testIds.pageHeader} style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Flex align="center" gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {props.title}
          </Typography.Title>
          {props.clause}
        </Flex>
        {props.extra && <Flex gap={8}>{props.extra}</Flex>}
      </Flex>
      {props.description && (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
          {props.description}
        </Typography.Paragraph>
      )}
    </div>
  );
}
