// Expert review (评审) scores and assessment (考核) results entered by hand by the body organizing
// the review (a5.p2.i3, a6.p2.i2, a7.p2.i2, a8.p2.i2), through the same interface the expert
// module will use when it lands.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api';
import { testIds } from '../../app/testids';
import { ClauseTag } from '../../shared/ClauseTag';
import { applyFieldErrors } from '../../shared/errors';
import type { ReviewResult } from './data';
import { RefusalAlert } from './parts';

interface Values {
  kind: 'review' | 'assessment';
  score?: number;
  result?: 'pass' | 'fail';
  opinion: string;
  panel?: string[];
}

export function ReviewResultModal(props: { applicationId: string | null; title?: string; clause?: string; defaultKind?: 'review' | 'assessment'; onClose(): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form) ?? props.defaultKind ?? 'review';
  const save = useMutation({
    mutationFn: (v: Values) =>
      post<ReviewResult>(
        `/api/recognition/applications/${props.applicationId}/review-results`,
        v.kind === 'review' ? { kind: 'review', score: v.score, opinion: v.opinion, panel: v.panel ?? [] } : { kind: 'assessment', result: v.result, opinion: v.opinion, panel: v.panel ?? [] },
      ),
    onSuccess: () => {
      void message.success(t('recognition.review.saved'));
      void qc.invalidateQueries({ queryKey: ['recognition'] });
      form.resetFields();
      props.onClose();
    },
    onError: (e) => {
      const stray = applyFieldErrors(form, e, ['score', 'result', 'opinion', 'panel']);
      if (stray.length || !(e as { fields?: unknown[] }).fields?.length) setError(e);
    },
  });
  if (!props.applicationId) return null;
  return (
    <Modal
      open
      title={t('recognition.review.title')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('recognition.review.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': testIds.recReviewSave } as never}
      destroyOnHidden
      width={560}
    >
      {props.title && <Typography.Paragraph strong>{props.title}</Typography.Paragraph>}
      <Typography.Paragraph type="secondary">
        {t('recognition.review.hint')} {props.clause && <ClauseTag clause={props.clause} />}
      </Typography.Paragraph>
      <RefusalAlert error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" data-testid={testIds.recReviewForm} initialValues={{ kind: props.defaultKind ?? 'review' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="kind" label={t('recognition.review.kind')}>
          <Radio.Group data-testid={testIds.recReviewField('kind')}>
            <Radio.Button value="review">{t('recognition.review.kindReview')}</Radio.Button>
            <Radio.Button value="assessment">{t('recognition.review.kindAssessment')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {kind === 'review' ? (
          <Form.Item name="score" label={t('recognition.review.score')} rules={[{ required: true, message: t('validation.required', { label: t('recognition.review.score') }) }]} extra={t('recognition.review.scoreHint')}>
            <InputNumber min={0} max={100} step={0.5} style={{ width: 160 }} data-testid={testIds.recReviewField('score')} />
          </Form.Item>
        ) : (
          <Form.Item name="result" label={t('recognition.review.result')} rules={[{ required: true, message: t('validation.select', { label: t('recognition.review.result') }) }]}>
            <Radio.Group data-testid={testIds.recReviewField('result')}>
              <Radio value="pass">{t('recognition.review.pass')}</Radio>
              <Radio value="fail">{t('recognition.review.fail')}</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item name="opinion" label={t('recognition.review.opinion')} rules={[{ required: true, whitespace: true, message: t('validation.required', { label: t('recognition.review.opinion') }) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} showCount data-testid={testIds.recReviewField('opinion')} />
        </Form.Item>
        <Form.Item name="panel" label={t('recognition.review.panel')} extra={t('recognition.review.panelHint')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} data-testid={testIds.recReviewField('panel')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
