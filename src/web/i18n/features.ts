// Each feature keeps its own interface text beside its pages, under its own top-level key, so that
// features can grow without editing the shared resource files.
import * as recognition from '../features/recognition/i18n';
import * as bases from '../features/bases/i18n';
import * as review from '../features/review/i18n';
import * as security from '../features/security/i18n';
import * as alliance from '../features/alliance/i18n';
import * as programmes from '../features/programmes/i18n';
import * as messages from '../features/notifications/i18n';

const features = { recognition, bases, review, security, programmes, alliance, messages };

export const featureZh = Object.fromEntries(Object.entries(features).map(([k, m]) => [k, m.zh]));
export const featureEn = Object.fromEntries(Object.entries(features).map(([k, m]) => [k, m.en]));
