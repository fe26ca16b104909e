import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

// Both catalogues must have every key of the other: a missing translation fails the type-check.
zhCN satisfies typeof en;
en satisfies typeof zhCN;

/** Any Chinese browser language (zh, zh-CN, zh-TW, zh-HK…) gets Simplified Chinese; everything else English. */
export function toLocale(lng: string | null | undefined): Locale {
  return lng && lng.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function currentLocale(): Locale {
  return toLocale(i18n.resolvedLanguage ?? i18n.language);
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    supportedLngs: [...LOCALES],
    fallbackLng: 'en',
    load: 'currentOnly',
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: 'fulfilment.locale',
      caches: ['localStorage'],
      convertDetectedLanguage: toLocale,
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });

const syncDocument = (lng: string) => {
  document.documentElement.lang = toLocale(lng);
  document.title = i18n.t('app.title');
};
syncDocument(i18n.language);
i18n.on('languageChanged', syncDocument);

export default i18n;
