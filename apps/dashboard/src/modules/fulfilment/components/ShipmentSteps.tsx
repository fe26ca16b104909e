import { useTranslation } from 'react-i18next';
import type { ShipmentStatus } from '../../../gql/graphql';

const STEPS: Exclude<ShipmentStatus, 'CANCELLED'>[] = ['PICKING', 'PICKED', 'CHECKED', 'PACKED', 'SHIPPED'];

/** Where a shipment is on the floor: the stages done, the current one, those to come. */
export function ShipmentSteps({ status }: { status: ShipmentStatus }) {
  const { t } = useTranslation();
  if (status === 'CANCELLED') return null;
  const at = STEPS.indexOf(status as (typeof STEPS)[number]);
  return (
    <ol className="steps" aria-label={t('fulfilment.steps.label')}>
      {STEPS.map((s, i) => (
        <li
          key={s}
          className={i < at ? 'step step-done' : i === at ? 'step step-current' : 'step'}
          aria-current={i === at ? 'step' : undefined}
        >
          <span className="step-dot" aria-hidden="true">
            {i < at ? '✓' : i + 1}
          </span>
          {t(`fulfilment.steps.${s}`)}
        </li>
      ))}
    </ol>
  );
}
