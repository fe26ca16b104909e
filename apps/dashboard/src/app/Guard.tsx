import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Permission } from '../gql/graphql';
import { useCan } from '../modules/auth/hooks/useSession';

/** A page the user may not use says so (the link to it is not shown in the first place). */
export function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  if (can(permission)) return <>{children}</>;
  return <Forbidden />;
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <div className="state state-error page-state" role="alert">
      <h1>{t('errors.FORBIDDEN')}</h1>
      <p className="muted">{t('errors.forbiddenHint')}</p>
      <Link to="/" className="btn">
        {t('common.backHome')}
      </Link>
    </div>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="state state-empty page-state">
      <h1>{t('errors.pageNotFound')}</h1>
      <Link to="/" className="btn">
        {t('common.backHome')}
      </Link>
    </div>
  );
}
