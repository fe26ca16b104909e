import 'i18next';
import type en from '../locales/en.json';

// Keys passed to t() are checked against the English catalogue at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
