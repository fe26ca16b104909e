import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** A page that failed to load (e.g. its chunk after a new deployment) or threw while rendering. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="fullscreen-center">
      <div className="state state-error" role="alert">
        <h1>{notFound ? t('errors.pageNotFound') : t('errors.pageCrashed')}</h1>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </button>
      </div>
    </div>
  );
}
