import { REGIONS } from '@fulfilment/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { Region, SupplierFormFragment, SupplierStatus, UpdateSupplierInput } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';
import { createSupplierMutation, updateSupplierMutation } from '../graphql/suppliers';
import { FormField, GeneralFailures, splitFailures } from './FormField';

const STATUSES: SupplierStatus[] = ['QUALIFIED', 'PROBATION', 'SUSPENDED'];
const FIELDS = [
  'code',
  'name',
  'contactName',
  'phone',
  'email',
  'address',
  'regions',
  'status',
  'statusReason',
] as const;
type FieldName = (typeof FIELDS)[number];

// The server's rules (CreateSupplierInput / UpdateSupplierInput), checked before anything is sent.
const CODE = /^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX: Partial<Record<FieldName, number>> = {
  name: 100,
  contactName: 50,
  email: 200,
  address: 200,
  statusReason: 500,
};

interface Values {
  code: string;
  name: string;
  contactName: string;
  phone: string;
  email: string;
  address: string;
  regions: Region[];
  status: SupplierStatus;
  statusReason: string;
}

function initial(s: SupplierFormFragment | null | undefined): Values {
  return {
    code: s?.code ?? '',
    name: s?.name ?? '',
    contactName: s?.contactName ?? '',
    phone: s?.phone ?? '',
    email: s?.email ?? '',
    address: s?.address ?? '',
    regions: s ? [...s.regions] : [],
    status: s?.status ?? 'PROBATION',
    statusReason: s?.statusReason ?? '',
  };
}

/** The reason only counts while the status is not QUALIFIED (qualifying clears it). */
const reasonOf = (v: Values) => (v.status === 'QUALIFIED' ? '' : v.statusReason.trim());

/**
 * Creates a supplier, or changes one (`supplier` given): details, regions, status and its reason.
 * Mounted while open, so each opening starts from the supplier as it is.
 */
export function SupplierFormDialog({
  supplier,
  onClose,
  onSaved,
}: {
  supplier?: SupplierFormFragment | null;
  onClose: () => void;
  onSaved?: (supplier: SupplierFormFragment) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const outcome = useMutationOutcome();
  const editing = Boolean(supplier);
  const [v, setV] = useState<Values>(() => initial(supplier));
  const [touched, setTouched] = useState(false);
  const [nothing, setNothing] = useState(false);
  /** Fields changed since the server answered: its error on them no longer applies. */
  const [edited, setEdited] = useState<Set<FieldName>>(new Set());

  const local: Partial<Record<FieldName, string>> = {};
  const trimmed = (k: FieldName) => String(v[k]).trim();
  if (!editing && !CODE.test(v.code.trim())) local.code = t('suppliers.form.errors.code');
  for (const k of ['name', 'contactName', 'address'] as const) {
    if (!trimmed(k)) local[k] = t('suppliers.form.errors.required');
  }
  if (!PHONE.test(v.phone.trim()))
    local.phone = v.phone.trim() ? t('suppliers.form.errors.phone') : t('suppliers.form.errors.required');
  if (v.email.trim() && !EMAIL.test(v.email.trim())) local.email = t('suppliers.form.errors.email');
  for (const [k, max] of Object.entries(MAX) as [FieldName, number][]) {
    if (!local[k] && trimmed(k).length > max) local[k] = t('suppliers.form.errors.tooLong', { max });
  }
  if (v.regions.length === 0) local.regions = t('suppliers.form.errors.regions');
  if (v.status === 'SUSPENDED' && !v.statusReason.trim())
    local.statusReason = t('suppliers.form.errors.suspendedReason');

  const server = splitFailures(outcome.failure, FIELDS);
  const errorOf = (k: FieldName) => (touched ? local[k] : undefined) ?? (edited.has(k) ? undefined : server.byField[k]);

  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((old) => ({ ...old, [k]: value }));
    setEdited((e) => new Set(e).add(k));
    setNothing(false);
  };
  const text = (k: Exclude<FieldName, 'regions' | 'status'>) => ({
    id: `${id}-${k}`,
    value: v[k],
    'aria-invalid': Boolean(errorOf(k)),
    'aria-describedby': `${id}-${k}-msg`,
    onChange: (e: { target: { value: string } }) => set(k, e.target.value),
  });

  const submit = async () => {
    setTouched(true);
    setNothing(false);
    if (Object.keys(local).length) return;
    setEdited(new Set());
    const reason = reasonOf(v);
    if (!supplier) {
      const ok = await outcome.run({
        mutation: createSupplierMutation,
        variables: {
          input: {
            code: v.code.trim(),
            name: v.name.trim(),
            contactName: v.contactName.trim(),
            phone: v.phone.trim(),
            ...(v.email.trim() ? { email: v.email.trim() } : {}),
            address: v.address.trim(),
            regions: v.regions,
            status: v.status,
            ...(reason ? { statusReason: reason } : {}),
          },
        },
        success: (p) => {
          if (p.supplier) onSaved?.(p.supplier);
          return t('suppliers.created', { code: p.supplier?.code ?? v.code.trim() });
        },
      });
      if (ok) onClose();
      return;
    }
    // Only what changed is sent: fields left out stay as they are.
    const was = initial(supplier);
    const input: UpdateSupplierInput = { supplierId: supplier.id };
    if (v.name.trim() !== was.name) input.name = v.name.trim();
    if (v.contactName.trim() !== was.contactName) input.contactName = v.contactName.trim();
    if (v.phone.trim() !== was.phone) input.phone = v.phone.trim();
    if (v.email.trim() !== was.email) input.email = v.email.trim() || null;
    if (v.address.trim() !== was.address) input.address = v.address.trim();
    if ([...v.regions].sort().join() !== [...was.regions].sort().join()) input.regions = v.regions;
    if (v.status !== was.status) input.status = v.status;
    if (reason !== reasonOf(was)) input.statusReason = reason || null;
    if (Object.keys(input).length === 1) {
      setNothing(true);
      return;
    }
    const ok = await outcome.run({
      mutation: updateSupplierMutation,
      variables: { input },
      success: (p) => {
        if (p.supplier) onSaved?.(p.supplier);
        return t('suppliers.saved', { code: supplier.code });
      },
    });
    if (ok) onClose();
  };

  const regionsError = errorOf('regions');
  return (
    <Dialog
      open
      wide
      title={supplier ? t('suppliers.form.editTitle', { code: supplier.code }) : t('suppliers.form.createTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={supplier ? t('suppliers.form.save') : t('suppliers.form.create')}
      busy={outcome.busy}
      footerNote={<span className="muted small">{t('suppliers.form.required')}</span>}
    >
      <div className="stack">
        <div className="form-grid">
          <FormField
            id={`${id}-code`}
            label={t('suppliers.form.code')}
            required={!editing}
            hint={editing ? t('suppliers.form.codeFixed') : t('suppliers.form.codeHint')}
            error={errorOf('code')}
          >
            <input {...text('code')} readOnly={editing} autoComplete="off" spellCheck={false} maxLength={32} />
          </FormField>
          <FormField id={`${id}-name`} label={t('suppliers.form.name')} required error={errorOf('name')}>
            <input {...text('name')} autoComplete="organization" />
          </FormField>
          <FormField
            id={`${id}-contactName`}
            label={t('suppliers.form.contactName')}
            required
            error={errorOf('contactName')}
          >
            <input {...text('contactName')} autoComplete="name" />
          </FormField>
          <FormField
            id={`${id}-phone`}
            label={t('suppliers.form.phone')}
            required
            hint={t('suppliers.form.phoneHint')}
            error={errorOf('phone')}
          >
            <input {...text('phone')} type="tel" inputMode="tel" autoComplete="tel" />
          </FormField>
          <FormField id={`${id}-email`} label={t('suppliers.form.email')} error={errorOf('email')}>
            <input {...text('email')} type="email" autoComplete="email" />
          </FormField>
          <FormField id={`${id}-address`} label={t('suppliers.form.address')} required error={errorOf('address')}>
            <input {...text('address')} autoComplete="street-address" />
          </FormField>
        </div>
        <fieldset className="region-checks" aria-describedby={`${id}-regions-msg`} aria-invalid={Boolean(regionsError)}>
          <legend className="field-label">
            {t('suppliers.form.regions')}
            <span aria-hidden="true"> *</span>
          </legend>
          <div className="segmented-field">
            {(REGIONS as readonly Region[]).map((r) => (
              <label key={r} className="check">
                <input
                  type="checkbox"
                  checked={v.regions.includes(r)}
                  onChange={(e) =>
                    set('regions', e.target.checked ? [...v.regions, r] : v.regions.filter((x) => x !== r))
                  }
                />
                {t(`region.${r}`)}
              </label>
            ))}
          </div>
          <span id={`${id}-regions-msg`} className={regionsError ? 'field-error' : 'muted small'}>
            {regionsError ?? t('suppliers.form.regionsHint')}
          </span>
        </fieldset>
        <div className="form-grid">
          <FormField
            id={`${id}-status`}
            label={t('suppliers.form.status')}
            hint={editing ? undefined : t('suppliers.form.statusHint')}
            error={errorOf('status')}
          >
            <select
              id={`${id}-status`}
              value={v.status}
              aria-describedby={`${id}-status-msg`}
              onChange={(e) => set('status', e.target.value as SupplierStatus)}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`supplierStatus.${s}`)}
                </option>
              ))}
            </select>
          </FormField>
          {v.status !== 'QUALIFIED' && (
            <FormField
              id={`${id}-statusReason`}
              label={t('suppliers.form.statusReason')}
              required={v.status === 'SUSPENDED'}
              hint={t('suppliers.form.statusReasonHint')}
              error={errorOf('statusReason')}
            >
              <textarea {...text('statusReason')} rows={2} maxLength={500} />
            </FormField>
          )}
        </div>
        {nothing && <InlineMessage tone="info" title={t('suppliers.form.errors.nothingChanged')} />}
        <GeneralFailures failures={server.general} />
      </div>
    </Dialog>
  );
}
