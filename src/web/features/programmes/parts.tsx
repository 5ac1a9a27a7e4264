// Small pieces of the programme editor: issues beside a field, clause pickers and clause tags.
import { Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ClauseTag, articleOf } from '../../shared/ClauseTag';
import { issuesAt, type Issue } from './model';

export type Lang = 'zh' | 'en';
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}

/** The server's issues at this path, in the user's language, under the field they concern. */
export function FieldIssues({ issues, path, below }: { issues: Issue[]; path: string; below?: boolean }) {
  const lang = useLang();
  const mine = issuesAt(issues, path, below);
  if (mine.length === 0) return null;
  return (
    <div role="alert" data-testid={`prog-issue-${path}`}>
      {mine.map((i) => (
        <Typography.Text key={`${i.path}-${i.rule}`} type="danger" style={{ display: 'block', fontSize: 12 }}>
          {lang === 'en' ? i.message.en : i.message.zh}
        </Typography.Text>
      ))}
    </div>
  );
}

/** A clause id: the national Measures' ids get the usual “依据第×条” tag; a local id its own tag. */
export function Clause({ id }: { id: string }) {
  const { t } = useTranslation();
  if (articleOf(id) !== null) return <ClauseTag clause={id} />;
  return (
    <Tag color="purple" data-clause={id} style={{ marginInlineEnd: 0 }}>
      {t('programmes.preview.section', { clause: id })}
    </Tag>
  );
}

export function ClauseList({ ids }: { ids: string[] }) {
  return (
    <Space size={4} wrap>
      {ids.map((c) => (
        <Clause key={c} id={c} />
      ))}
    </Space>
  );
}

/** Pick clause ids among the document's own (new ids may be typed, e.g. a national a5.p1). */
export function ClausesSelect(props: { value: string[]; options: string[]; onChange(v: string[]): void; testId: string; disabled: boolean; label: string }) {
  return (
    <Select
      aria-label={props.label}
      mode="tags"
      style={{ minWidth: 200, width: '100%' }}
      value={props.value}
      options={props.options.map((c) => ({ value: c, label: c }))}
      onChange={props.onChange}
      data-testid={props.testId}
      disabled={props.disabled}
    />
  );
}

/** One clause id (definition / procedure clause). */
export function ClauseSelect(props: { value: string; options: string[]; onChange(v: string): void; testId: string; disabled: boolean; label: string }) {
  return (
    <Select
      aria-label={props.label}
      showSearch
      style={{ minWidth: 140 }}
      value={props.value || undefined}
      options={props.options.map((c) => ({ value: c, label: c }))}
      onChange={props.onChange}
      data-testid={props.testId}
      disabled={props.disabled}
    />
  );
}
