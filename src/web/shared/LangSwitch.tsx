import { Segmented } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { setLang, type Lang } from '../i18n';
import { testIds } from '../app/testids';

/** 中文 | English. Each option carries its own test id (lang-switch-zh, lang-switch-en). */
export function LangSwitch({ dark = false }: { dark?: boolean }) {
  const { t, i18n } = useTranslation();
  const value: Lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <span data-testid={testIds.langSwitch} title={t('lang.label')} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <GlobalOutlined style={{ color: dark ? 'rgba(255,255,255,0.85)' : undefined }} aria-hidden />
      <Segmented<Lang>
        size="small"
        value={value}
        onChange={(v) => setLang(v)}
        options={(['zh', 'en'] as const).map((l) => ({
          value: l,
          label: <span data-testid={testIds.langOption(l)} lang={l === 'zh' ? 'zh-CN' : 'en'}>{t(`lang.${l}`)}</span>,
        }))}
      />
    </span>
  );
}
