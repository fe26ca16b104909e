import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SignatureCanvas, type SignatureCanvasHandle } from '../../../ui/signature/SignatureCanvas';

interface SignatureProofProps {
  pad: RefObject<SignatureCanvasHandle | null>;
  onSigned: (signed: boolean) => void;
  recipient: string;
  onRecipient: (name: string) => void;
}

/** The recipient signs with a finger; their name beside it. */
export function SignatureProof({ pad, onSigned, recipient, onRecipient }: SignatureProofProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="stack-sm">
      <div className="signature-head">
        <span className="field-label">{t('courier.deliver.signHere')}</span>
        <button type="button" className="btn btn-small" onClick={() => pad.current?.clear()}>
          {t('common.clear')}
        </button>
      </div>
      <div className="signature-box">
        <SignatureCanvas
          ref={pad}
          height={200}
          onChange={(empty) => onSigned(!empty)}
          aria-label={t('courier.deliver.signatureLabel')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-recipient`} className="field-label">
          {t('courier.deliver.recipient')}
        </label>
        <input
          id={`${id}-recipient`}
          value={recipient}
          maxLength={50}
          autoComplete="off"
          onChange={(e) => onRecipient(e.target.value)}
        />
      </div>
    </div>
  );
}
