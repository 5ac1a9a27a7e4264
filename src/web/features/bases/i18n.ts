// Interface text of the bases pages, merged under the 'bases' key (t('bases.…')).
export const zh = {};
export const en: typeof zh = {};
