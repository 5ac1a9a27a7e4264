// Pieces shared by the recognition pages: condition verdicts, the step bar, the history, file
// upload and links, and the refusal banner.
import { useState } from 'react';
import { Alert, App, Button, Empty, Flex, Space, Steps, Tag, Timeline, Tooltip, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import {
  CheckCircleFilled, CloseCircleFilled, FileTextOutlined, PaperClipOutlined, QuestionCircleFilled, SafetyCertificateOutlined, UploadOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ClauseTag } from '../../shared/ClauseTag';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { testIds } from '../../app/testids';
import { useMe } from '../../app/session';
import { currentLang, type Lang } from '../../i18n';
import {
  ACCEPTED_EXTENSIONS, MAX_ATTACHMENT_BYTES, beijing, clauseCitation, humanSize, orgName, refusalOf, txt,
  type AppEvent, type AttachmentMeta, type Step, type Text, type Verdict,
} from './data';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}

/** Clause tags for a list of clause ids: one tag per article (the tag names the article; hover shows the text). */
export function Clauses({ ids, cite }: { ids: string[]; cite?: boolean }) {
  const lang = useLang();
  const byArticle = new Map<string, string>();
  for (const c of ids) {
    const a = /^a\d+/.exec(c)?.[0] ?? c;
    if (!byArticle.has(a)) byArticle.set(a, c);
  }
  return (
    <Space size={4} wrap>
      {[...byArticle.values()].map((c) => (
        <ClauseTag key={c} clause={c} />
      ))}
      {cite && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[...new Set(ids)].map((c) => clauseCitation(c, lang)).join(lang === 'en' ? '; ' : '、')}
        </Typography.Text>
      )}
    </Space>
  );
}

/** One verdict: met / unmet / for a person to judge, with the reason and the clause. */
export function VerdictLine({ v, compact, conditionText }: { v: Verdict; compact?: boolean; conditionText?: Text }) {
  const { t } = useTranslation();
  const lang = useLang();
  const state = v.met === true ? 'met' : v.met === false ? 'unmet' : 'manual';
  const icon =
    state === 'met' ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : state === 'unmet' ? <CloseCircleFilled style={{ color: '#cf1322' }} /> : <QuestionCircleFilled style={{ color: '#8c8c8c' }} />;
  if (compact) {
    return (
      <Tooltip title={`${t(`recognition.verdict.${state}`)}：${txt(v.because, lang)}`}>
        <span data-verdict={state} data-clause={v.clause} style={{ cursor: 'help' }}>
          {icon}
        </span>
      </Tooltip>
    );
  }
  return (
    <Flex gap={8} align="baseline" data-testid={testIds.recVerdict(v.clause)} data-verdict={state}>
      {icon}
      <Tag color={state === 'met' ? 'success' : state === 'unmet' ? 'error' : 'default'} style={{ marginInlineEnd: 0 }}>
        {t(`recognition.verdict.${state}`)}
      </Tag>
      {/* A condition left to the experts: its reason would only repeat the condition's text. */}
      {state === 'manual' && conditionText && txt(v.because, lang) === txt(conditionText, lang) ? (
        <Typography.Text type="secondary">{t('recognition.verdict.manualHint')}</Typography.Text>
      ) : (
        <Typography.Text>{txt(v.because, lang)}</Typography.Text>
      )}
      <ClauseTag clause={v.clause} />
    </Flex>
  );
}

export function VerdictList({ verdicts, conditionText }: { verdicts: Verdict[]; conditionText?: Text }) {
  if (!verdicts.length) return null;
  return (
    <Flex vertical gap={6}>
      {verdicts.map((v, i) => (
        <VerdictLine key={`${v.clause}-${i}`} v={v} conditionText={conditionText} />
      ))}
    </Flex>
  );
}

/** Who acts on a step: the bodies named by the Measures, in the user's language. */
export function actorText(step: Pick<Step, 'actorKinds' | 'joint'>, t: (k: string, o?: Record<string, unknown>) => string, lang: Lang) {
  const names = step.actorKinds.map((k) => t(`recognition.actor.${k}`, { defaultValue: k }));
  return names.join(step.joint ? t('recognition.steps.jointWith') : lang === 'en' ? ' or ' : '或');
}

/**
 * The step bar: the type's procedure (recognition phase; the post-recognition steps of a6.p2.i4
 * follow after a divider), each step with its clause and who acts; the current step highlighted.
 */
export function StepBar({ steps, status }: { steps: Step[]; status: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const stopped = status === 'rejected' || status === 'withdrawn';
  const finished = status === 'recognized';
  const main = steps.filter((s) => s.phase === 'recognition');
  const after = steps.filter((s) => s.phase === 'post_recognition');
  const current = main.findIndex((s) => s.state === 'current');
  const item = (s: Step) => ({
    key: s.id,
    title: (
      <span data-testid={testIds.recStep(s.id)} data-state={s.state}>
        {txt(s.name, lang)}
      </span>
    ),
    status:
      s.state === 'done' || (finished && s.phase === 'recognition')
        ? ('finish' as const)
        : s.state === 'current'
          ? stopped
            ? ('error' as const)
            : ('process' as const)
          : ('wait' as const),
    content: (
      <Flex vertical gap={4} style={{ paddingTop: 2 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('recognition.steps.actedBy', { who: actorText(s, t, lang) })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[...new Set(s.clauses.map((c) => c.id))].map((c) => clauseCitation(c, lang)).join(lang === 'en' ? '; ' : '、')}
        </Typography.Text>
        <Clauses ids={s.clauses.map((c) => c.id)} />
      </Flex>
    ),
  });
  return (
    <div data-testid={testIds.recStepBar}>
      <Steps
        size="small"
        titlePlacement="vertical"
        current={current < 0 ? (finished ? main.length : 0) : current}
        items={main.map(item)}
        className="guohe-step-bar"
      />
      {after.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', margin: '16px 0 8px' }}>
            {t('recognition.steps.afterRecognition')}
          </Typography.Text>
          <Steps size="small" titlePlacement="vertical" current={after.findIndex((s) => s.state === 'current')} items={after.map(item)} />
        </>
      )}
    </div>
  );
}

const actionColor: Record<string, string> = { submit: 'blue', approve: 'green', return: 'orange', reject: 'red', withdraw: 'default', record: 'cyan' };

/** The signed history: every event with its actor (organization and person), opinion, time, files. */
export function History({ events, attachments }: { events: AppEvent[]; attachments: AttachmentMeta[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recognition.history.empty')} />;
  const byId = new Map(attachments.map((a) => [a.id, a]));
  return (
    <Timeline
      data-testid={testIds.recHistory}
      items={[...events].reverse().map((e) => {
        const base = e.action.split(':')[0] ?? e.action;
        return {
          key: e.id,
          color: base === 'reject' ? 'red' : base === 'return' ? 'orange' : base === 'approve' || base === 'submit' ? 'green' : 'gray',
          content: (
            <div data-testid={testIds.recHistoryItem(e.seq)}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{beijing(e.at)}</Typography.Text>
                <Tag color={actionColor[base] ?? 'default'}>{t(`recognition.action.${base}`, { defaultValue: e.action })}</Tag>
                <Typography.Text>{txt(e.stepName, lang)}</Typography.Text>
                <Clauses ids={e.clauses.map((c) => c.id)} />
              </Flex>
              <Typography.Text type="secondary">
                {orgName(e.actor.org, lang)}
                {e.actor.displayName ? ` · ${e.actor.displayName}` : ''}
              </Typography.Text>
              {e.text && (
                <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', background: '#fafafa', padding: '6px 10px', borderRadius: 4 }}>
                  {e.text}
                </Typography.Paragraph>
              )}
              <Flex gap={12} wrap style={{ marginTop: 4 }}>
                {e.attachmentIds.map((id) => (
                  <AttachmentLink key={id} id={id} name={byId.get(id)?.filename ?? id.slice(0, 8)} />
                ))}
                {e.signature && (
                  <Tooltip title={`${t('recognition.history.digest')}：${e.digest}`}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <SafetyCertificateOutlined /> {t('recognition.history.signed')}
                    </Typography.Text>
                  </Tooltip>
                )}
              </Flex>
            </div>
          ),
        };
      })}
    />
  );
}

export function AttachmentLink({ id, name, size, href }: { id: string; name: string; size?: number; href?: string }) {
  return (
    <a href={href ?? `/api/recognition/attachments/${id}`} data-testid={testIds.recAttachment(id)}>
      <PaperClipOutlined /> {name}
      {size !== undefined && <Typography.Text type="secondary"> ({humanSize(size)})</Typography.Text>}
    </a>
  );
}

/**
 * Upload one file at a time to the application (multipart, CSRF and language headers). Type and
 * size are checked here first so the user learns at once; the server checks the content again and
 * its refusal is shown on the file.
 */
export function AttachmentUpload(props: { applicationId: string; disabled?: boolean; onUploaded(meta: AttachmentMeta): void; testId: string; /** Another owner's upload endpoint (annual reports use the same storage rules). */ uploadUrl?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <div data-testid={props.testId}>
    <Upload
      multiple
      disabled={props.disabled}
      accept={ACCEPTED_EXTENSIONS.join(',')}
      fileList={files}
      showUploadList={{ showRemoveIcon: true }}
      onRemove={(f) => setFiles((l) => l.filter((x) => x.uid !== f.uid))}
      beforeUpload={(file) => {
        const ext = file.name.toLowerCase().slice(file.name.lastIndexOf('.'));
        const problem = !ACCEPTED_EXTENSIONS.includes(ext)
          ? t('recognition.upload.badType', { name: file.name })
          : file.size > MAX_ATTACHMENT_BYTES
            ? t('recognition.upload.tooLarge', { name: file.name, size: humanSize(file.size) })
            : file.size === 0
              ? t('recognition.upload.empty', { name: file.name })
              : null;
        if (problem) {
          setFiles((l) => [...l, { uid: file.uid, name: file.name, status: 'error', response: problem, error: new Error(problem) }]);
          void message.error(problem);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={async ({ file, onSuccess, onError }) => {
        const f = file as File & { uid: string };
        setFiles((l) => [...l, { uid: f.uid, name: f.name, status: 'uploading' }]);
        const body = new FormData();
        body.append('file', f, f.name);
        try {
          const res = await fetch(props.uploadUrl ?? `/api/recognition/applications/${props.applicationId}/attachments`, {
            method: 'POST',
            body,
            credentials: 'same-origin',
            headers: { 'x-csrf-token': me.csrfToken, 'x-guohe-lang': currentLang(), accept: 'application/json' },
          });
          const json = (await res.json().catch(() => ({}))) as AttachmentMeta & { error?: { message?: string } };
          if (!res.ok) {
            const msg = json.error?.message || t('recognition.upload.failed', { status: res.status });
            setFiles((l) => l.map((x) => (x.uid === f.uid ? { ...x, status: 'error', response: msg, error: new Error(msg) } : x)));
            void message.error(`${f.name}：${msg}`);
            onError?.(new Error(msg));
            return;
          }
          setFiles((l) => l.filter((x) => x.uid !== f.uid));
          props.onUploaded(json);
          onSuccess?.(json);
        } catch (e) {
          const msg = t('error.network');
          setFiles((l) => l.map((x) => (x.uid === f.uid ? { ...x, status: 'error', response: msg } : x)));
          onError?.(e as Error);
        }
      }}
    >
      <Button icon={<UploadOutlined />} disabled={props.disabled}>
        {t('recognition.upload.button')}
      </Button>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }} onClick={(e) => e.stopPropagation()}>
        {t('recognition.upload.hint')}
      </Typography.Text>
    </Upload>
    </div>
  );
}

/**
 * A refusal of the Measures shown so that the user learns what to do: the deadline it names, the
 * day a revoked unit may apply again (a13.s5), and the clause. Other errors fall back to ErrorAlert.
 */
export function RefusalAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const { t } = useTranslation();
  const r = refusalOf(error);
  if (!error) return null;
  if (!r) return <ErrorAlert error={error} onClose={onClose} />;
  const deadline = typeof r.data.deadline === 'string' ? beijing(r.data.deadline) : null;
  const mayApplyFrom = typeof r.data.mayApplyFrom === 'string' ? r.data.mayApplyFrom : null;
  const extra =
    r.code === 'deadline_passed' && deadline
      ? t('recognition.refusal.deadline', { deadline })
      : r.code === 'banned' && mayApplyFrom
        ? t('recognition.refusal.banned', { date: mayApplyFrom })
        : r.code === 'duplicate_type'
          ? t('recognition.refusal.duplicate')
          : null;
  return (
    <Alert
      data-testid={testIds.recRefusal}
      data-code={r.code}
      type="error"
      showIcon
      closable={!!onClose}
      onClose={onClose}
      style={{ marginBottom: 16 }}
      title={
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{r.message}</Typography.Text>
          {r.clause && <ClauseTag clause={r.clause} />}
        </Flex>
      }
      description={extra ?? t(`recognition.refusal.code.${r.code}`, { defaultValue: '' }) ?? undefined}
    />
  );
}

export function DocLink({ id, kind, code, of }: { id: string; kind: 'recognition' | 'plaque'; code: string; of?: string }) {
  const { t } = useTranslation();
  return (
    <a href={`/api/recognition/documents/${id}/pdf`} target="_blank" rel="noreferrer" data-testid={testIds.recPdfLink(kind, id)}>
      <FileTextOutlined /> {t(`recognition.decision.pdf.${kind}`)}
      {of ? `${t('common.colon')}${of}` : ''}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {' '}
        ({t('recognition.decision.verification')} {code})
      </Typography.Text>
    </a>
  );
}
