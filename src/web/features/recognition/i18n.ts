// Interface text of the recognition pages, merged under the 'recognition' key (t('recognition.…')).
export const zh = {};
export const en: typeof zh = {};
