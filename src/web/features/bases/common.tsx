// Small shared pieces of the bases pages: tags for type, status and grade, and the a13.s3 reading.
import type { HTMLAttributes } from 'react';
import { Alert, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ClauseTag } from '../../shared/ClauseTag';
import { testIds } from '../../app/testids';
import type { Lang } from '../../i18n';
import { thisYear, gradeColor, readingColor, reportStatusColor, statusColor, type FailedYearsReading } from './model';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}

export function TypeTag({ typeId }: { typeId: string }) {
  const { t } = useTranslation();
  return <Tag color="geekblue">{t(`bases.type.${typeId}`, { defaultValue: typeId })}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor[status] ?? 'default'} data-status={status}>
      {t(`bases.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function GradeTag({ grade }: { grade: string | null | undefined }) {
  const { t } = useTranslation();
  if (!grade) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tag color={gradeColor[grade] ?? 'default'} data-grade={grade}>
      {t(`bases.grade.${grade}`, { defaultValue: grade })}
    </Tag>
  );
}

export function ReportStatusTag({ status }: { status: string | null }) {
  const { t } = useTranslation();
  const s = status ?? 'not_started';
  return <Tag color={reportStatusColor[s] ?? 'default'}>{t(`bases.reportStatus.${s}`, { defaultValue: s })}</Tag>;
}

export function FieldTags({ fields }: { fields: string[] }) {
  const { t } = useTranslation();
  if (!fields.length) return <>—</>;
  return (
    <Flex gap={4} wrap>
      {fields.map((f) => (
        <Tag key={f}>{t(`bases.field.${f}`, { defaultValue: f })}</Tag>
      ))}
    </Flex>
  );
}

/**
 * a13.s3 shown as the law says it and as the system read it, year by year: which years counted
 * (failed), which were skipped (no round, recognized that year, not eligible) and which reset the
 * run (passed, or a round with no result for the base). The sentences come from the server.
 */
export function FailedYearsView({ reading, compact = false }: { reading: FailedYearsReading; compact?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const effect = (r: string) => (r === 'fail' ? 'counts' : r === 'passed' || r === 'missing' ? 'resets' : r === 'pending' ? 'pending' : 'skipped');
  // A year after the last round held with no round of its own is not "skipped" yet: the ministry
  // has not assessed it so far (the server reads both as no_round; the screen says which).
  const lastRound = Math.max(0, ...reading.years.filter((y) => y.reading !== 'no_round').map((y) => y.year));
  const years = reading.years.map((y) =>
    y.reading === 'no_round' && y.year > lastRound && y.year >= thisYear() - 1 ? { ...y, reading: 'pending' as const } : y,
  );
  type Row = Omit<FailedYearsReading['years'][number], 'reading'> & { reading: string };
  const columns: ColumnsType<Row> = [
    { title: t('bases.reading.year'), dataIndex: 'year', width: 80 },
    {
      title: t('bases.reading.result'),
      key: 'result',
      width: 140,
      render: (_, y) => (y.grade ? <Tag color={gradeColor[y.grade]}>{t(`bases.grade.${y.grade}`)}</Tag> : <Typography.Text type="secondary">{t('bases.reading.noResult')}</Typography.Text>),
    },
    {
      title: t('bases.reading.readAs'),
      dataIndex: 'reading',
      render: (r: string) => (
        <span>
          <Tag color={readingColor[r] ?? 'default'}>{t(`bases.reading.kind.${r}`, { defaultValue: r })}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`bases.reading.explain.${r}`, { defaultValue: '' })}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('bases.reading.effect'),
      key: 'effect',
      width: 130,
      render: (_, y) => {
        const e = effect(y.reading);
        return <Tag color={e === 'counts' ? 'red' : e === 'resets' ? 'green' : e === 'pending' ? 'processing' : 'default'}>{t(`bases.reading.effects.${e}`)}</Tag>;
      },
    },
    { title: t('bases.reading.runLength'), dataIndex: 'runLength', width: 110, render: (n: number) => <b style={{ color: n >= 2 ? '#cf1322' : undefined }}>{n}</b> },
  ];
  return (
    <div data-testid={testIds.basesFailedYears} data-triggered={reading.triggered ? 'yes' : 'no'}>
      <Alert
        type={reading.triggered ? 'error' : reading.run.length > 0 ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          <Flex gap={8} align="center" wrap>
            <span>{t('bases.reading.ruleLabel')}</span>
            <Typography.Text strong data-testid={testIds.basesRuleText}>{reading.rule[lang]}</Typography.Text>
            <ClauseTag clause={reading.clause} />
          </Flex>
        }
        description={
          <div>
            <div data-testid={testIds.basesReadingBecause}>
              {t('bases.reading.conclusion')}
              {reading.because[lang]}
            </div>
            {!compact && <div style={{ marginTop: 4, fontSize: 12 }}>{t('bases.reading.howRead')}</div>}
          </div>
        }
      />
      <Table
        size="small"
        rowKey="year"
        pagination={false}
        columns={columns}
        dataSource={years}
        onRow={(y) => ({ 'data-year': y.year, 'data-reading': y.reading, style: reading.run.includes(y.year) ? { background: '#fff1f0' } : undefined }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('bases.reading.noYears') }}
      />
    </div>
  );
}
