import { useTranslation } from 'react-i18next';
import { useSession } from '../../modules/auth/hooks/useSession';
import { LOCALES, toLocale, type Locale } from '../i18n';

const NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'EN' };
const FULL_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

/** 中文 | EN: switches at once and is remembered for the signed-in user. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { setLocale } = useSession();
  const current = toLocale(i18n.resolvedLanguage ?? i18n.language);
  return (
    <div className="segmented" role="group" aria-label={t('shell.language')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={current === l}
          aria-label={FULL_NAMES[l]}
          className={current === l ? 'active' : undefined}
          onClick={() => void setLocale(l)}
        >
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
