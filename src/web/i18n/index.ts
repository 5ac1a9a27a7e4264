import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';
import { enUS } from './en-US';
import { featureEn, featureZh } from './features';

/** The two interface languages. Internally 'zh' | 'en' (what the server's x-guohe-lang expects). */
export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'guohe.lang';

export function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'zh' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: { ...zhCN, ...featureZh } }, en: { translation: { ...enUS, ...featureEn } } },
  lng: storedLang() ?? 'zh',
  fallbackLng: 'zh',
  supportedLngs: ['zh', 'en'],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

function syncDocument(lang: string) {
  document.documentElement.lang = lang === 'en' ? 'en-US' : 'zh-CN';
  document.title = i18n.t('app.name');
}
syncDocument(i18n.language);
i18n.on('languageChanged', syncDocument);

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh';
}

/** Switch language and remember the choice in this browser. */
export function setLang(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  void i18n.changeLanguage(lang);
}

/** A user's saved locale ('zh-CN', 'en-US', 'en') applies unless this browser chose explicitly. */
export function adoptUserLocale(locale: string | undefined) {
  if (storedLang() || !locale) return;
  const lang: Lang = locale.toLowerCase().startsWith('en') ? 'en' : 'zh';
  if (lang !== currentLang()) void i18n.changeLanguage(lang);
}

/** Chinese numerals for article numbers (1–99): 9 → 九, 11 → 十一, 21 → 二十一. */
export function chineseNumeral(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
  return String(n);
}

export default i18n;
