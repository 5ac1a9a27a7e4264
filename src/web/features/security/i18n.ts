// Interface text of the security pages, merged under the 'security' key (t('security.…')).
export const zh = {};
export const en: typeof zh = {};
