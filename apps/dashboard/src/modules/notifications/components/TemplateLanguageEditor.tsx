import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { NotificationTemplateFieldsFragment } from '../../../gql/graphql';
import { Badge } from '../../../ui/Badge';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage, Spinner } from '../../../ui/States';
import { resetNotificationTemplateMutation, updateNotificationTemplateMutation } from '../graphql/templates';
import { useTemplatePreview } from '../hooks/useTemplatePreview';
import { problemText } from './templateProblems';

const SUBJECT_MAX = 200;
const BODY_MAX = 2000;

type Field = 'subject' | 'body';

/**
 * One event's text in one language: subject and body with placeholder chips that insert at the cursor,
 * the text rendered with example facts as it is typed, its problems, and who changed it last.
 * Mounted per saved version, so after a save or a reset it starts from the text as it is now.
 */
export function TemplateLanguageEditor({
  template,
  placeholders,
  canEdit,
}: {
  template: NotificationTemplateFieldsFragment;
  placeholders: readonly string[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const outcome = useMutationOutcome();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [confirmReset, setConfirmReset] = useState(false);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<Field>('body');
  const { preview, pending } = useTemplatePreview(template.event, template.language, subject, body);
  const dirty = subject !== template.subject || body !== template.body;
  const language = t(`customerLanguage.${template.language}`);
  const headingId = `${id}-heading`;

  /** Puts {{name}} where the cursor is in the field last typed in (the body at first). */
  const insert = (name: string) => {
    const token = `{{${name}}}`;
    const field = lastField.current;
    const el = field === 'subject' ? subjectRef.current : bodyRef.current;
    const value = field === 'subject' ? subject : body;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + token + value.slice(end);
    (field === 'subject' ? setSubject : setBody)(next);
    outcome.clearFailure();
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const save = () =>
    void outcome.run({
      mutation: updateNotificationTemplateMutation,
      variables: { input: { event: template.event, language: template.language, subject, body } },
      success: () => t('templates.saved', { event: t(`notificationEvent.${template.event}`), language }),
    });
  const reset = async () => {
    const ok = await outcome.run({
      mutation: resetNotificationTemplateMutation,
      variables: { input: { event: template.event, language: template.language } },
      success: () => t('templates.resetDone', { event: t(`notificationEvent.${template.event}`), language }),
    });
    if (ok) setConfirmReset(false);
  };

  return (
    <section className="card stack-sm template-editor" aria-labelledby={headingId}>
      <div className="card-title card-title-actions">
        <h3 id={headingId}>{t('templates.languageHeading', { language })}</h3>
        {template.updatedAt ? (
          <Badge tone="accent">{t('templates.customised')}</Badge>
        ) : (
          <Badge tone="neutral">{t('templates.default')}</Badge>
        )}
      </div>
      <p className="muted small template-changed">
        {template.updatedAt
          ? t('templates.changedBy', { who: template.updatedBy ?? '—', at: f.dateTime(template.updatedAt) })
          : t('templates.platformDefault')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-subject`} className="field-label">
          {t('templates.subject')}
        </label>
        <input
          id={`${id}-subject`}
          ref={subjectRef}
          value={subject}
          maxLength={SUBJECT_MAX}
          readOnly={!canEdit}
          aria-describedby={`${id}-subject-hint`}
          onFocus={() => (lastField.current = 'subject')}
          onChange={(e) => {
            setSubject(e.target.value);
            outcome.clearFailure();
          }}
        />
        <span id={`${id}-subject-hint`} className="muted small">
          {t('templates.subjectHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`} className="field-label">
          {t('templates.body')}
        </label>
        <textarea
          id={`${id}-body`}
          ref={bodyRef}
          value={body}
          rows={5}
          maxLength={BODY_MAX}
          readOnly={!canEdit}
          aria-describedby={`${id}-body-count`}
          onFocus={() => (lastField.current = 'body')}
          onChange={(e) => {
            setBody(e.target.value);
            outcome.clearFailure();
          }}
        />
        <span id={`${id}-body-count`} className="muted small template-count">
          {t('templates.length', { count: body.length, max: BODY_MAX })}
        </span>
      </div>
      {canEdit && (
        <div className="placeholder-chips" role="group" aria-label={t('templates.placeholders')}>
          <span className="muted small">{t('templates.insert')}</span>
          {placeholders.map((p) => (
            <button
              key={p}
              type="button"
              className="chip-button mono"
              title={t('templates.insertHint', { name: `{{${p}}}` })}
              // Keeps the cursor in the field: the chip goes where the cursor is.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => insert(p)}
            >
              {`{{${p}}}`}
            </button>
          ))}
        </div>
      )}
      <div className="template-preview" aria-live="polite" aria-busy={pending}>
        <div className="template-preview-head">
          <h4>{t('templates.preview', { language })}</h4>
          {pending && <Spinner small />}
        </div>
        {preview ? (
          <figure className="message-box">
            <figcaption className="message-subject">{preview.subject}</figcaption>
            <div className="message-body">{preview.body}</div>
          </figure>
        ) : (
          <p className="muted small">{t('common.loading')}</p>
        )}
        {preview &&
          (preview.problems.length ? (
            <ul className="template-problems" aria-label={t('templates.problemsTitle')}>
              {preview.problems.map((p) => (
                <li key={p}>{problemText(t, p)}</li>
              ))}
            </ul>
          ) : (
            <p className="small text-success">{t('templates.noProblems')}</p>
          ))}
      </div>
      {outcome.failure?.map((m, i) => (
        <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
      ))}
      {canEdit && (
        <div className="template-actions">
          <button
            type="button"
            className="btn btn-ghost"
            disabled={!template.updatedAt || outcome.busy}
            title={template.updatedAt ? undefined : t('templates.alreadyDefault')}
            onClick={() => setConfirmReset(true)}
          >
            {t('templates.reset')}
          </button>
          {dirty && (
            <button
              type="button"
              className="btn"
              disabled={outcome.busy}
              onClick={() => {
                setSubject(template.subject);
                setBody(template.body);
                outcome.clearFailure();
              }}
            >
              {t('templates.discard')}
            </button>
          )}
          <button type="button" className="btn btn-primary" disabled={!dirty || outcome.busy} onClick={save}>
            {outcome.busy && !confirmReset && <Spinner small />}
            {t('templates.save')}
          </button>
        </div>
      )}
      {confirmReset && (
        <Dialog
          open
          title={t('templates.resetTitle', { event: t(`notificationEvent.${template.event}`), language })}
          onClose={() => setConfirmReset(false)}
          onSubmit={() => void reset()}
          submitLabel={t('templates.reset')}
          submitTone="danger"
          busy={outcome.busy}
        >
          <p>{t('templates.resetText')}</p>
          {outcome.failure?.map((m, i) => (
            <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
          ))}
        </Dialog>
      )}
    </section>
  );
}
