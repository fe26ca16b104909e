import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compressPhoto } from '../../../ui/signature/photo';
import { InlineMessage, Spinner } from '../../../ui/States';

interface PhotoProofProps {
  photo: string | null;
  onPhoto: (dataUrl: string | null) => void;
  note: string;
  onNote: (note: string) => void;
  noteError?: string;
}

/** Left at the door: a photo from the camera (made small for upload) and where it was left. */
export function PhotoProof({ photo, onPhoto, note, onNote, noteError }: PhotoProofProps) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setFailed(false);
    try {
      onPhoto(await compressPhoto(file));
    } catch {
      onPhoto(null);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack-sm">
      <div className="field">
        <label htmlFor={`${id}-photo`} className="field-label">
          {t('courier.deliver.photo')}
          <span aria-hidden="true"> *</span>
        </label>
        <input
          id={`${id}-photo`}
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(e) => void pick(e.target.files?.[0])}
        />
      </div>
      {busy && <Spinner small />}
      {failed && <InlineMessage tone="error" title={t('courier.deliver.photoFailed')} />}
      {photo && <img src={photo} alt={t('courier.deliver.photoPreview')} className="photo-preview" />}
      <div className="field">
        <label htmlFor={`${id}-note`} className="field-label">
          {t('courier.deliver.note')}
          <span aria-hidden="true"> *</span>
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          maxLength={500}
          placeholder={t('courier.deliver.notePlaceholder')}
          aria-invalid={Boolean(noteError)}
          aria-describedby={noteError ? `${id}-note-msg` : undefined}
          onChange={(e) => onNote(e.target.value)}
        />
        {noteError && (
          <span id={`${id}-note-msg`} className="field-error">
            {noteError}
          </span>
        )}
      </div>
    </div>
  );
}
