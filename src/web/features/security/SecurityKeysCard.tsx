import { useState, type HTMLAttributes } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined, UsbOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { get, post } from '../../app/api';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { applyFieldErrors } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { restrictionOf, type SecurityKey } from './model';
import { isCeremonyAbort } from './webauthn';

function RemoveKeyModal({ target, onClose, onRemoved }: { target: SecurityKey | null; onClose(): void; onRemoved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password?: string; code?: string }>();
  const [stray, setStray] = useState<unknown>(null);
  const remove = useMutation({
    mutationFn: (v: { password?: string; code?: string }) =>
      post(`/api/auth/webauthn/credentials/${target!.id}/remove`, { ...(v.password ? { password: v.password } : {}), ...(v.code?.trim() ? { code: v.code.trim() } : {}) }),
    onSuccess: onRemoved,
    onError: (e) => {
      const elsewhere = applyFieldErrors(form, e, ['password', 'code']);
      setStray(elsewhere.length > 0 || !(e as { fields?: unknown[] }).fields?.length ? e : null);
    },
  });
  return (
    <Modal
      open={target !== null}
      title={target ? t('security.keys.removeTitle', { name: target.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('security.keys.remove')}
      okButtonProps={{ danger: true, loading: remove.isPending }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      afterClose={() => {
        setStray(null);
        remove.reset();
      }}
    >
      <Typography.Paragraph type="secondary">{t('security.keys.removeHint')}</Typography.Paragraph>
      {!!stray && <ErrorAlert error={stray} />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => remove.mutate(v)} preserve={false}>
        <Form.Item name="password" label={t('security.keys.password')}>
          <Input.Password autoComplete="current-password" autoFocus data-testid={testIds.secKeyRemovePassword} />
        </Form.Item>
        <Form.Item name="code" label={t('security.keys.orCode')}>
          <Input autoComplete="one-time-code" maxLength={20} style={{ maxWidth: 260 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Security keys (WebAuthn) on My account: add one with navigator.credentials.create() through
 * @simplewebauthn/browser, list them, remove one (password or a current code). Adding a key lifts
 * an mfa_enrolment_required restriction, like enrolling TOTP.
 */
export function SecurityKeysCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const me = useMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const restricted = restrictionOf(me) !== null;
  const [name, setName] = useState('');
  const [removing, setRemoving] = useState<SecurityKey | null>(null);
  const keys = useQuery({ queryKey: ['security', 'webauthn'], queryFn: () => get<{ items: SecurityKey[] }>('/api/auth/webauthn/credentials') });

  const refresh = () => {
    void keys.refetch();
    void qc.invalidateQueries({ queryKey: ['security', 'mfa'] });
    // A first key may lift the session's restriction: read the session again.
    void qc.invalidateQueries({ queryKey: ['auth', 'me'] });
  };
  const add = useMutation({
    mutationFn: async () => {
      const optionsJSON = await post<PublicKeyCredentialCreationOptionsJSON>('/api/auth/webauthn/registration/options');
      const response = await startRegistration({ optionsJSON });
      return post<SecurityKey>('/api/auth/webauthn/registration', { name: name.trim(), response });
    },
    onSuccess: () => {
      setName('');
      void message.success(t('security.keys.added'));
      refresh();
    },
    onError: (e) => {
      if (isCeremonyAbort(e)) void message.warning(t('security.keys.cancelled'));
    },
  });

  const columns: ColumnsType<SecurityKey> = [
    {
      title: t('security.keys.name'),
      dataIndex: 'name',
      render: (v: string, k) => (
        <Space size={4} wrap>
          <UsbOutlined />
          <span>{v}</span>
          <Tag style={{ marginInlineStart: 4 }}>{t(`security.keys.${k.deviceType === 'multiDevice' ? 'multiDevice' : 'singleDevice'}`)}</Tag>
        </Space>
      ),
    },
    { title: t('security.keys.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v, lang) },
    { title: t('security.keys.lastUsedAt'), dataIndex: 'lastUsedAt', width: 140, render: (v: string | null) => (v ? formatDateTime(v, lang) : t('security.keys.never')) },
    ...(restricted
      ? []
      : [{
          key: 'op',
          width: 84,
          render: (_: unknown, k: SecurityKey) => (
            <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setRemoving(k)} data-testid={testIds.secKeyRemove(k.id)}>
              {t('security.keys.remove')}
            </Button>
          ),
        }]),
  ];

  const items = keys.data?.items ?? [];
  const abort = add.error && isCeremonyAbort(add.error);
  return (
    <Card
      title={<Space><UsbOutlined />{t('security.keys.title')}</Space>}
      data-testid={testIds.secKeys}
      data-count={keys.data ? String(items.length) : undefined}
      extra={keys.data && <Tag color={items.length > 0 ? 'success' : 'default'}>{t('security.keys.count', { count: items.length })}</Tag>}
    >
      <Typography.Paragraph type="secondary">{t('security.keys.hint')}</Typography.Paragraph>
      {keys.error && <ErrorAlert error={keys.error} />}
      <Table<SecurityKey>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={keys.isFetching}
        pagination={false}
        style={{ marginBottom: 16 }}
        onRow={(k) => ({ 'data-testid': testIds.secKeyRow(k.id) }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('security.keys.empty')} /> }}
      />
      {add.error && !abort && <ErrorAlert error={add.error} onClose={() => add.reset()} />}
      {add.isPending && <Alert type="info" showIcon title={t('security.keys.touch')} style={{ marginBottom: 16 }} />}
      <Space.Compact style={{ maxWidth: 460, width: '100%' }}>
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => name.trim() && add.mutate()}
          placeholder={t('security.keys.namePlaceholder')}
          aria-label={t('security.keys.name')}
          maxLength={60}
          data-testid={testIds.secKeysName}
        />
        <Button type="primary" icon={<PlusOutlined />} disabled={!name.trim()} loading={add.isPending} onClick={() => add.mutate()} data-testid={testIds.secKeysAdd}>
          {t('security.keys.add')}
        </Button>
      </Space.Compact>
      <RemoveKeyModal
        target={removing}
        onClose={() => setRemoving(null)}
        onRemoved={() => {
          setRemoving(null);
          void message.success(t('security.keys.removed'));
          refresh();
        }}
      />
    </Card>
  );
}

