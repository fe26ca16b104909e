import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../app/layout/LanguageSwitch';
import { UserMenu } from '../../../app/layout/UserMenu';

/** The phone page's own bar: what it is, the language and the sign-out (no office navigation). */
export function CourierTopBar() {
  const { t } = useTranslation();
  return (
    <header className="courier-topbar">
      <div className="courier-brand">
        <svg width="24" height="24" viewBox="0 0 32 32" aria-hidden="true">
          <rect width="32" height="32" rx="7" fill="#1d4ed8" />
          <path d="M8 11h16M8 16h11M8 21h7" stroke="white" strokeWidth="3" strokeLinecap="round" />
        </svg>
        <h1>{t('courier.title')}</h1>
      </div>
      <div className="courier-topbar-right">
        <LanguageSwitch />
        <UserMenu />
      </div>
    </header>
  );
}
