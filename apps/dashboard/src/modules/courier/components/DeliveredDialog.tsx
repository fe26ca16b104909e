import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { CourierStopFragment, ProofKind } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import type { SignatureCanvasHandle } from '../../../ui/signature/SignatureCanvas';
import { GeneralFailures, splitFailures } from '../../purchasing/components/FormField';
import { confirmDeliveryMutation } from '../graphql/courier';
import type { Fix } from '../hooks/usePositionReporter';
import { PhotoProof } from './PhotoProof';
import { SignatureProof } from './SignatureProof';

const KINDS: ProofKind[] = ['SIGNATURE', 'CONTACTLESS'];
/** A fix older than this does not say where the delivery was handed over. */
const FIX_FRESH_MS = 2 * 60_000;

interface DeliveredDialogProps {
  stop: CourierStopFragment;
  fix: Fix | null;
  onClose: () => void;
  onDone: () => void;
}

/** The proof of delivery: the recipient's signature, or a photo and a note when left at the door. Mounted while open. */
export function DeliveredDialog({ stop, fix, onClose, onDone }: DeliveredDialogProps) {
  const { t } = useTranslation();
  const outcome = useMutationOutcome();
  const pad = useRef<SignatureCanvasHandle | null>(null);
  const [kind, setKind] = useState<ProofKind>('SIGNATURE');
  const [signed, setSigned] = useState(false);
  const [recipient, setRecipient] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const { byField, general } = splitFailures(outcome.failure, ['note']);
  const ready = kind === 'SIGNATURE' ? signed : Boolean(photo) && note.trim().length > 0;

  const submit = async () => {
    const image = kind === 'SIGNATURE' ? (pad.current?.toPngDataUrl() ?? '') : (photo ?? '');
    const where = fix && Date.now() - fix.at < FIX_FRESH_MS ? { lat: fix.lat, lng: fix.lng } : {};
    const ok = await outcome.run({
      mutation: confirmDeliveryMutation,
      variables: {
        input: {
          deliveryId: stop.id,
          kind,
          image,
          ...(kind === 'SIGNATURE' && recipient.trim() ? { recipientName: recipient.trim() } : {}),
          ...(kind === 'CONTACTLESS' ? { note: note.trim() } : {}),
          ...where,
        },
      },
      success: () => t('courier.deliver.done', { number: stop.number }),
    });
    if (ok) onDone();
  };

  return (
    <Dialog
      open
      title={t('courier.deliver.title', { seq: stop.stopSeq ?? '—' })}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('courier.deliver.submit')}
      submitDisabled={!ready}
      busy={outcome.busy}
      footerNote={<span className="muted small mono">{stop.number}</span>}
    >
      <div className="stack">
        <p className="small">
          {stop.address.contactName} · {stop.address.address}
        </p>
        <div className="segmented proof-kinds" role="group" aria-label={t('courier.deliver.kind')}>
          {KINDS.map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={kind === k}
              className={kind === k ? 'active' : undefined}
              onClick={() => {
                outcome.clearFailure();
                setSigned(false);
                setKind(k);
              }}
            >
              {t(`proofKind.${k}`)}
            </button>
          ))}
        </div>
        {kind === 'SIGNATURE' ? (
          <SignatureProof pad={pad} onSigned={setSigned} recipient={recipient} onRecipient={setRecipient} />
        ) : (
          <PhotoProof photo={photo} onPhoto={setPhoto} note={note} onNote={setNote} noteError={byField.note} />
        )}
        <GeneralFailures failures={general} />
      </div>
    </Dialog>
  );
}
