import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Language, NotificationEvent } from '../../../gql/graphql';
import { Badge } from '../../../ui/Badge';
import { PageHeader } from '../../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { TemplateLanguageEditor } from '../components/TemplateLanguageEditor';
import { useTemplates } from '../hooks/useTemplates';
import '../notifications.css';

const LANGUAGES: Language[] = ['ZH_CN', 'EN'];

/** Every event's message in Chinese and English: managers edit them with a live preview of both. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const canEdit = useCan()('TEMPLATE_MANAGE');
  const { templates, events, loaded, error, refresh } = useTemplates();
  const [params, setParams] = useSearchParams();

  if (error && !loaded) return <ErrorState error={error} onRetry={refresh} />;
  if (!loaded) return <LoadingState rows={8} />;

  const selected = (events.find((e) => e.event === params.get('event')) ?? events[0])?.event;
  const select = (event: NotificationEvent) => setParams({ event }, { replace: true });
  const of = (event: NotificationEvent, language: Language) =>
    templates.find((x) => x.event === event && x.language === language);
  const info = events.find((e) => e.event === selected);

  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/notifications">{t('nav.notifications')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{t('templates.title')}</span>
      </nav>
      <PageHeader
        title={t('templates.title')}
        subtitle={canEdit ? t('templates.subtitle') : t('templates.subtitleReadOnly')}
      />
      <div className="templates-layout">
        <nav className="card template-events" aria-label={t('templates.events')}>
          <ul>
            {events.map(({ event }) => {
              const customised = LANGUAGES.filter((l) => of(event, l)?.updatedAt);
              return (
                <li key={event}>
                  <button
                    type="button"
                    className={event === selected ? 'template-event active' : 'template-event'}
                    aria-current={event === selected ? 'true' : undefined}
                    onClick={() => select(event)}
                  >
                    <span>{t(`notificationEvent.${event}`)}</span>
                    {customised.length > 0 && (
                      <Badge tone="accent" title={customised.map((l) => t(`customerLanguage.${l}`)).join(', ')}>
                        {t('templates.customisedShort')}
                      </Badge>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        {selected && info && (
          <div className="stack template-workspace">
            <div>
              <h2 className="template-event-title">{t(`notificationEvent.${selected}`)}</h2>
              <p className="muted small">{t(`notificationEventHint.${selected}`)}</p>
            </div>
            <div className="template-columns">
              {LANGUAGES.map((language) => {
                const template = of(selected, language);
                return template ? (
                  <TemplateLanguageEditor
                    key={`${selected}-${language}-${template.updatedAt ?? 'default'}-${template.subject}-${template.body}`}
                    template={template}
                    placeholders={template.placeholders.length ? template.placeholders : info.placeholders}
                    canEdit={canEdit}
                  />
                ) : null;
              })}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
