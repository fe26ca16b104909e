import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { SupplierOfferRowFragment } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { ProductPicker } from '../../catalog/components/ProductPicker';
import { setSupplierOfferMutation } from '../graphql/suppliers';
import { FormField, GeneralFailures, splitFailures } from './FormField';

const FIELDS = ['sku', 'unitPrice', 'leadTimeDays', 'minOrderQty', 'packMultiple', 'active'] as const;
type FieldName = (typeof FIELDS)[number];

// The server's rules (SetSupplierOfferInput), checked before anything is sent.
const PRICE = /^\d{1,7}(\.\d{1,2})?$/;
const MAX_ORDER_QUANTITY = 1_000_000;
const MAX_PACK = 10_000;

interface Product {
  sku: string;
  name: string;
  spec?: string | null;
}

/** A whole number from 1 to max, or null. */
function whole(text: string, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 && n <= max ? n : null;
}

/**
 * Sets (or replaces) a supplier's offer for one product: an offer row to change, or a product picked
 * here (an existing offer for it is loaded, since saving replaces it). Mounted while open.
 */
export function SupplierOfferDialog({
  supplierId,
  offers,
  offer,
  onClose,
}: {
  supplierId: string;
  /** The supplier's offers, to start from the existing one when a picked product already has one. */
  offers: readonly SupplierOfferRowFragment[];
  /** The offer to change; none to pick a product. */
  offer?: SupplierOfferRowFragment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const outcome = useMutationOutcome();
  const [product, setProduct] = useState<Product | null>(offer?.product ?? null);
  const [replacing, setReplacing] = useState(false);
  const [price, setPrice] = useState(offer?.unitPrice.amount ?? '');
  const [lead, setLead] = useState(offer ? String(offer.leadTimeDays) : '');
  const [moq, setMoq] = useState(offer ? String(offer.minOrderQty) : '1');
  const [pack, setPack] = useState(offer ? String(offer.packMultiple) : '1');
  const [active, setActive] = useState(offer?.active ?? true);
  const [touched, setTouched] = useState(false);
  const [edited, setEdited] = useState<Set<FieldName>>(new Set());

  const edit = (k: FieldName) => setEdited((e) => new Set(e).add(k));
  const pick = (p: Product) => {
    setProduct(p);
    edit('sku');
    const existing = offers.find((o) => o.product.sku === p.sku);
    setReplacing(Boolean(existing));
    if (existing) {
      setPrice(existing.unitPrice.amount);
      setLead(String(existing.leadTimeDays));
      setMoq(String(existing.minOrderQty));
      setPack(String(existing.packMultiple));
      setActive(existing.active);
    }
  };

  const local: Partial<Record<FieldName, string>> = {};
  if (!product) local.sku = t('suppliers.offerForm.errors.product');
  if (!PRICE.test(price.trim()) || Number(price.trim()) <= 0) local.unitPrice = t('suppliers.offerForm.errors.price');
  if (whole(lead, 365) === null) local.leadTimeDays = t('suppliers.offerForm.errors.leadTime');
  if (whole(moq, MAX_ORDER_QUANTITY) === null)
    local.minOrderQty = t('suppliers.offerForm.errors.whole', { max: MAX_ORDER_QUANTITY });
  if (whole(pack, MAX_PACK) === null) local.packMultiple = t('suppliers.offerForm.errors.whole', { max: MAX_PACK });

  const server = splitFailures(outcome.failure, FIELDS);
  const errorOf = (k: FieldName) => (touched ? local[k] : undefined) ?? (edited.has(k) ? undefined : server.byField[k]);
  const num = (k: FieldName, value: string, onChange: (v: string) => void) => ({
    id: `${id}-${k}`,
    value,
    'aria-invalid': Boolean(errorOf(k)),
    'aria-describedby': `${id}-${k}-msg`,
    onChange: (e: { target: { value: string } }) => {
      onChange(e.target.value);
      edit(k);
    },
  });

  const submit = async () => {
    setTouched(true);
    if (Object.keys(local).length || !product) return;
    setEdited(new Set());
    const ok = await outcome.run({
      mutation: setSupplierOfferMutation,
      variables: {
        input: {
          supplierId,
          sku: product.sku,
          unitPrice: price.trim(),
          leadTimeDays: whole(lead, 365)!,
          minOrderQty: whole(moq, MAX_ORDER_QUANTITY)!,
          packMultiple: whole(pack, MAX_PACK)!,
          active,
        },
      },
      success: () => t('suppliers.offerForm.saved', { sku: product.sku }),
    });
    if (ok) onClose();
  };

  const skuError = errorOf('sku');
  return (
    <Dialog
      open
      title={offer ? t('suppliers.offerForm.editTitle', { sku: offer.product.sku }) : t('suppliers.offerForm.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('suppliers.offerForm.save')}
      busy={outcome.busy}
    >
      <div className="stack">
        {product ? (
          <div className="field">
            <span className="field-label">{t('suppliers.offerForm.product')}</span>
            <div className="picked-product">
              <span>
                <code>{product.sku}</code> {product.name}{' '}
                {product.spec && <span className="muted small">{product.spec}</span>}
              </span>
              {!offer && (
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => {
                    setProduct(null);
                    setReplacing(false);
                  }}
                >
                  {t('suppliers.offerForm.change')}
                </button>
              )}
            </div>
            {replacing && (
              <span className="muted small">{t('suppliers.offerForm.replaces', { sku: product.sku })}</span>
            )}
            {skuError && <span className="field-error">{skuError}</span>}
          </div>
        ) : (
          <div className="field">
            <ProductPicker label={t('suppliers.offerForm.product')} onSelect={pick} />
            {skuError && <span className="field-error">{skuError}</span>}
          </div>
        )}
        <div className="form-grid">
          <FormField
            id={`${id}-unitPrice`}
            label={t('suppliers.offerForm.unitPrice')}
            required
            hint={t('suppliers.offerForm.unitPriceHint')}
            error={errorOf('unitPrice')}
          >
            <input {...num('unitPrice', price, setPrice)} inputMode="decimal" autoComplete="off" placeholder="12.50" />
          </FormField>
          <FormField
            id={`${id}-leadTimeDays`}
            label={t('suppliers.offerForm.leadTime')}
            required
            hint={t('suppliers.offerForm.leadTimeHint')}
            error={errorOf('leadTimeDays')}
          >
            <input {...num('leadTimeDays', lead, setLead)} type="number" min={1} max={365} step={1} />
          </FormField>
          <FormField
            id={`${id}-minOrderQty`}
            label={t('suppliers.offerForm.moq')}
            hint={t('suppliers.offerForm.moqHint')}
            error={errorOf('minOrderQty')}
          >
            <input {...num('minOrderQty', moq, setMoq)} type="number" min={1} max={MAX_ORDER_QUANTITY} step={1} />
          </FormField>
          <FormField
            id={`${id}-packMultiple`}
            label={t('suppliers.offerForm.pack')}
            hint={t('suppliers.offerForm.packHint')}
            error={errorOf('packMultiple')}
          >
            <input {...num('packMultiple', pack, setPack)} type="number" min={1} max={MAX_PACK} step={1} />
          </FormField>
        </div>
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              checked={active}
              aria-describedby={`${id}-active-msg`}
              onChange={(e) => {
                setActive(e.target.checked);
                edit('active');
              }}
            />
            {t('suppliers.offerForm.active')}
          </label>
          <span id={`${id}-active-msg`} className="muted small">
            {t('suppliers.offerForm.activeHint')}
          </span>
        </div>
        <GeneralFailures failures={server.general} />
      </div>
    </Dialog>
  );
}
