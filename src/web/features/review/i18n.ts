// Interface text of the review pages, merged under the 'review' key (t('review.…')).
export const zh = {};
export const en: typeof zh = {};
