import { useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { BookOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { chineseNumeral } from '../i18n';

interface ArticleText {
  title_zh: string;
  title_en: string;
  clauses: Array<{ id: string; text_zh: string; gloss_en: string }>;
}

let articlesPromise: Promise<Map<number, ArticleText>> | null = null;
/** The Measures' text (≈50 kB) loads on first hover only, as its own chunk. */
function loadArticles() {
  articlesPromise ??= import('../../regulation/text/measures-2011.json').then(
    (m) => new Map((m.default.articles as Array<ArticleText & { number: number }>).map((a) => [a.number, a])),
  );
  return articlesPromise;
}

/** Parses a clause id of the Measures ('a9.s1', 'a11.s0', 'a7.p2.i1') into its article number. */
export function articleOf(clause: string): number | null {
  const m = /^a(\d+)(?:\.|$)/.exec(clause);
  return m ? Number(m[1]) : null;
}

/**
 * "依据第九条" / "Art. 9": marks where a rule of the 2011 Measures is applied. Hover shows the
 * article's title and the clause's text (or its English gloss).
 */
export function ClauseTag({ clause }: { clause: string }) {
  const { t, i18n } = useTranslation();
  const [tip, setTip] = useState<string | null>(null);
  const n = articleOf(clause);
  if (n === null) return null;
  const en = i18n.language === 'en';
  const label = t('clause.tag', { n: en ? String(n) : chineseNumeral(n) });

  const onOpen = (open: boolean) => {
    if (!open || tip) return;
    void loadArticles().then((articles) => {
      const a = articles.get(n);
      if (!a) return;
      const c = a.clauses.find((x) => x.id === clause);
      const head = t('clause.tip', { n: en ? String(n) : chineseNumeral(n), title: en ? a.title_en : a.title_zh });
      setTip(c ? `${head}\n${en ? c.gloss_en : c.text_zh}` : head);
    });
  };

  return (
    <Tooltip
      title={<span style={{ whiteSpace: 'pre-line' }}>{tip ?? t('clause.loading')}</span>}
      onOpenChange={onOpen}
      styles={{ root: { maxWidth: 480 } }}
    >
      <Tag icon={<BookOutlined />} color="geekblue" data-clause={clause} style={{ cursor: 'help', marginInlineEnd: 0 }}>
        {label}
      </Tag>
    </Tooltip>
  );
}
