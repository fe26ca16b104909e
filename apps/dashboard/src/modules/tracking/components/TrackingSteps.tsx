import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '../../../gql/graphql';

type Step = 'planned' | 'onItsWay' | 'delivered' | 'exception';

const AT: Record<DeliveryStatus, Step> = {
  UNASSIGNED: 'planned',
  ASSIGNED: 'planned',
  OUT_FOR_DELIVERY: 'onItsWay',
  DELIVERED: 'delivered',
  EXCEPTION: 'exception',
  RETURNED: 'exception',
};

/** Planned → on its way → delivered; an exception takes the last step's place. */
export function TrackingSteps({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  const current = AT[status];
  const steps: Step[] = ['planned', 'onItsWay', current === 'exception' ? 'exception' : 'delivered'];
  const at = steps.indexOf(current);
  return (
    <ol className="tracking-steps" aria-label={t('tracking.stepsLabel')}>
      {steps.map((s, i) => {
        const state = i < at || (i === at && s === 'delivered') ? 'done' : i === at ? 'current' : 'todo';
        return (
          <li
            key={s}
            className={`tracking-step tracking-step-${state}${s === 'exception' ? ' tracking-step-exception' : ''}`}
            aria-current={i === at ? 'step' : undefined}
          >
            <span className="tracking-step-dot" aria-hidden="true">
              {state === 'done' ? '✓' : s === 'exception' ? '!' : i + 1}
            </span>
            <span className="tracking-step-label">{t(`tracking.step.${s}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}
