// One base type of a programme: its names and clauses, its conditions (kinds from the condition
// library with their parameters) and its procedure (kinds from the step library, in order).
import { Button, Card, Checkbox, Divider, Input, Select, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ParamsEditor } from './ParamsEditor';
import { ClauseSelect, ClausesSelect, FieldIssues, useLang } from './parts';
import { newStep, txt, type BaseType, type Issue, type ProgrammeLibrary, type Step } from './model';
import { progIds } from './testids';

interface Props {
  type: BaseType;
  path: string;
  clauseIds: string[];
  library: ProgrammeLibrary;
  issues: Issue[];
  readOnly: boolean;
  set(path: string, value: unknown): void;
  issuerKind: string;
}

function move<T>(list: T[], i: number, d: number): T[] {
  const j = i + d;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

function RowTools({ onUp, onDown, onRemove, disabled, testId }: { onUp(): void; onDown(): void; onRemove(): void; disabled: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space size={2}>
      <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('programmes.type.up')} title={t('programmes.type.up')} onClick={onUp} disabled={disabled} />
      <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={t('programmes.type.down')} title={t('programmes.type.down')} onClick={onDown} disabled={disabled} />
      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('programmes.type.remove1')} title={t('programmes.type.remove1')} onClick={onRemove} disabled={disabled} data-testid={testId} />
    </Space>
  );
}

function Labeled({ label, children, width }: { label: string; children: React.ReactNode; width?: number }) {
  return (
    <div style={{ minWidth: width ?? 140 }}>
      <Typography.Text style={{ fontSize: 12 }}>{label}</Typography.Text>
      <div>{children}</div>
    </div>
  );
}

function Conditions({ type, path, clauseIds, library, issues, readOnly, set }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = type.conditions;
  const kinds = new Map(library.conditionKinds.map((k) => [k.id, k]));
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('programmes.type.conditions')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('programmes.type.conditionsHint')}</Typography.Paragraph>
      <FieldIssues issues={issues} path={`${path}.conditions`} />
      {list.map((c, ci) => {
        const cp = `${path}.conditions[${ci}]`;
        const k = kinds.get(c.kind);
        return (
          <Card key={ci} size="small" style={{ marginBottom: 8 }} data-testid={progIds.condition(ci)}>
            <Space wrap align="start" size={[16, 8]} style={{ width: '100%' }}>
              <Labeled label={t('programmes.type.kind')} width={260}>
                <Select
                  aria-label={t('programmes.type.kind')}
                  style={{ width: 260 }}
                  value={c.kind}
                  options={library.conditionKinds.map((x) => ({ value: x.id, label: txt(x.name, lang) }))}
                  onChange={(v: string) => set(cp, { ...c, kind: v, params: {} })}
                  data-testid={progIds.conditionKind(ci)}
                  disabled={readOnly}
                />
                {k && <Tag style={{ marginTop: 4 }} color={k.machineCheckable ? 'green' : 'orange'}>{t(k.machineCheckable ? 'programmes.type.machine' : 'programmes.type.human')}</Tag>}
              </Labeled>
              <Labeled label={t('programmes.type.clauses')} width={200}>
                <ClausesSelect label={t('programmes.type.clauses')} value={c.clauses} options={clauseIds} onChange={(v) => set(`${cp}.clauses`, v)} testId={progIds.conditionClauses(ci)} disabled={readOnly} />
                <FieldIssues issues={issues} path={`${cp}.clauses`} below />
              </Labeled>
              <RowTools onUp={() => set(`${path}.conditions`, move(list, ci, -1))} onDown={() => set(`${path}.conditions`, move(list, ci, 1))} onRemove={() => set(`${path}.conditions`, list.filter((_, i) => i !== ci))} disabled={readOnly} testId={progIds.conditionRemove(ci)} />
            </Space>
            <Divider style={{ margin: '8px 0' }} />
            <ParamsEditor schema={k?.params} value={c.params} onChange={(v) => set(`${cp}.params`, v)} path={`${cp}.params`} issues={issues} testId={progIds.conditionParam(ci)} disabled={readOnly} />
          </Card>
        );
      })}
      {!readOnly && (
        <Button icon={<PlusOutlined />} onClick={() => set(`${path}.conditions`, [...list, { kind: 'narrative', clauses: [], params: {} }])} data-testid={progIds.conditionAdd}>
          {t('programmes.type.addCondition')}
        </Button>
      )}
    </>
  );
}

function StepCard({ s, si, props }: { s: Step; si: number; props: Props }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { path, clauseIds, library, issues, readOnly, set, type } = props;
  const sp = `${path}.procedure[${si}]`;
  const k = library.stepKinds.find((x) => x.id === s.kind);
  const list = type.procedure;
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={progIds.step(si)} title={<Space><Tag>{si + 1}</Tag>{k ? txt(k.name, lang) : s.kind}{s.deciding && <Tag color="red">{t('programmes.preview.deciding')}</Tag>}</Space>}
      extra={<RowTools onUp={() => set(`${path}.procedure`, move(list, si, -1))} onDown={() => set(`${path}.procedure`, move(list, si, 1))} onRemove={() => set(`${path}.procedure`, list.filter((_, i) => i !== si))} disabled={readOnly} testId={progIds.stepRemove(si)} />}
    >
      <Space wrap align="start" size={[16, 8]}>
        <Labeled label={t('programmes.type.stepId')}>
          <Input aria-label={t('programmes.type.stepId')} style={{ width: 140 }} value={s.id} onChange={(e) => set(`${sp}.id`, e.target.value)} data-testid={progIds.stepField(si, 'id')} disabled={readOnly} />
          <FieldIssues issues={issues} path={`${sp}.id`} />
        </Labeled>
        <Labeled label={t('programmes.type.kind')} width={240}>
          <Select aria-label={t('programmes.type.kind')} style={{ width: 240 }} value={s.kind} options={library.stepKinds.map((x) => ({ value: x.id, label: txt(x.name, lang) }))} onChange={(v: string) => set(sp, { ...s, kind: v, params: {} })} data-testid={progIds.stepField(si, 'kind')} disabled={readOnly} />
        </Labeled>
        <Labeled label={t('programmes.type.clauses')} width={180}>
          <ClausesSelect label={t('programmes.type.clauses')} value={s.clauses} options={clauseIds} onChange={(v) => set(`${sp}.clauses`, v)} testId={progIds.stepField(si, 'clauses')} disabled={readOnly} />
          <FieldIssues issues={issues} path={`${sp}.clauses`} below />
        </Labeled>
        <Labeled label={t('programmes.type.actor')} width={260}>
          <Select aria-label={t('programmes.type.actor')} mode="multiple" style={{ width: 260 }} value={s.actor.orgKinds} options={library.orgKinds.map((o) => ({ value: o, label: t(`programmes.orgKind.${o}`) }))} onChange={(v: string[]) => set(`${sp}.actor.orgKinds`, v)} data-testid={progIds.stepField(si, 'actor')} disabled={readOnly} />
          <FieldIssues issues={issues} path={`${sp}.actor`} below />
        </Labeled>
        <Labeled label={t('programmes.type.role')}>
          <Select aria-label={t('programmes.type.role')} style={{ width: 120 }} value={s.actor.role ?? 'officer'} options={library.roles.map((r) => ({ value: r, label: t(`programmes.role.${r}`) }))} onChange={(v: string) => set(`${sp}.actor.role`, v)} disabled={readOnly} />
        </Labeled>
      </Space>
      <Space wrap size={16} style={{ margin: '8px 0' }}>
        <Checkbox checked={!!s.deciding} onChange={(e) => set(`${sp}.deciding`, e.target.checked)} data-testid={progIds.stepField(si, 'deciding')} disabled={readOnly}>{t('programmes.type.deciding')}</Checkbox>
        <Checkbox checked={!!s.deadlineBound} onChange={(e) => set(`${sp}.deadlineBound`, e.target.checked)} disabled={readOnly}>{t('programmes.type.deadlineBound')}</Checkbox>
        <Checkbox checked={!!s.actor.joint} onChange={(e) => set(`${sp}.actor.joint`, e.target.checked)} disabled={readOnly}>{t('programmes.type.joint')}</Checkbox>
        <Select aria-label={t('programmes.type.phase')} style={{ width: 140 }} value={s.phase ?? 'recognition'} options={(['recognition', 'post_recognition'] as const).map((p) => ({ value: p, label: t(`programmes.type.phaseName.${p}`) }))} onChange={(v) => set(`${sp}.phase`, v)} disabled={readOnly} />
      </Space>
      <ParamsEditor schema={k?.params} value={s.params} onChange={(v) => set(`${sp}.params`, v)} path={`${sp}.params`} issues={issues} testId={progIds.stepParam(si)} disabled={readOnly} />
    </Card>
  );
}

export function TypeEditor(props: Props) {
  const { t } = useTranslation();
  const { type, path, clauseIds, issues, readOnly, set, issuerKind } = props;
  return (
    <div data-testid={progIds.type(path)}>
      <Space wrap align="start" size={[16, 8]}>
        <Labeled label={t('programmes.type.id')} width={220}>
          <Input aria-label={t('programmes.type.id')} value={type.id} onChange={(e) => set(`${path}.id`, e.target.value)} placeholder={t('programmes.type.idHint')} data-testid={progIds.typeField('id')} disabled={readOnly} />
          <FieldIssues issues={issues} path={`${path}.id`} />
        </Labeled>
        <Labeled label={t('programmes.type.nameZh')} width={240}>
          <Input aria-label={t('programmes.type.nameZh')} value={type.name.zh} onChange={(e) => set(`${path}.name.zh`, e.target.value)} data-testid={progIds.typeField('nameZh')} disabled={readOnly} />
          <FieldIssues issues={issues} path={`${path}.name.zh`} />
        </Labeled>
        <Labeled label={t('programmes.type.nameEn')} width={260}>
          <Input aria-label={t('programmes.type.nameEn')} value={type.name.en} onChange={(e) => set(`${path}.name.en`, e.target.value)} data-testid={progIds.typeField('nameEn')} disabled={readOnly} />
          <FieldIssues issues={issues} path={`${path}.name.en`} />
        </Labeled>
        <Labeled label={t('programmes.type.definitionClause')}>
          <ClauseSelect label={t('programmes.type.definitionClause')} value={type.definitionClause} options={clauseIds} onChange={(v) => set(`${path}.definitionClause`, v)} testId={progIds.typeField('definitionClause')} disabled={readOnly} />
          <FieldIssues issues={issues} path={`${path}.definitionClause`} />
        </Labeled>
        <Labeled label={t('programmes.type.procedureClause')}>
          <ClauseSelect label={t('programmes.type.procedureClause')} value={type.procedureClause} options={clauseIds} onChange={(v) => set(`${path}.procedureClause`, v)} testId={progIds.typeField('procedureClause')} disabled={readOnly} />
          <FieldIssues issues={issues} path={`${path}.procedureClause`} />
        </Labeled>
      </Space>
      <Divider />
      <Conditions {...props} />
      <Divider />
      <Typography.Title level={5}>{t('programmes.type.procedure')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('programmes.type.procedureHint')}</Typography.Paragraph>
      <FieldIssues issues={issues} path={`${path}.procedure`} />
      {type.procedure.map((s, si) => (
        <StepCard key={si} s={s} si={si} props={props} />
      ))}
      {!readOnly && (
        <Button icon={<PlusOutlined />} onClick={() => set(`${path}.procedure`, [...type.procedure, newStep(`step${type.procedure.length + 1}`, 'formalCheck', '', [issuerKind])])} data-testid={progIds.stepAdd}>
          {t('programmes.type.addStep')}
        </Button>
      )}
    </div>
  );
}
