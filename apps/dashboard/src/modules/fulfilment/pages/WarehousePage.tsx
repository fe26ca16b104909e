import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../ui/PageHeader';
import { PickListsPanel } from '../components/PickListsPanel';
import { ShipmentsPanel } from '../components/ShipmentsPanel';
import '../fulfilment.css';

const TABS = ['lists', 'check', 'shipping', 'shipped'] as const;
type Tab = (typeof TABS)[number];

/** The warehouse floor: pick lists, parts to check and pack, parts ready to ship, and what left today. */
export function WarehousePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as Tab) : 'lists';
  return (
    <div className="page page-fill">
      <PageHeader title={t('fulfilment.title')} subtitle={t('fulfilment.subtitle')} />
      <div className="tabs" role="tablist" aria-label={t('fulfilment.tabs')}>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`warehouse-tab-${k}`}
            aria-selected={tab === k}
            aria-controls="warehouse-panel"
            className={tab === k ? 'tab active' : 'tab'}
            onClick={() => setParams(k === 'lists' ? {} : { tab: k }, { replace: true })}
          >
            {t(`fulfilment.tab.${k}`)}
          </button>
        ))}
      </div>
      <div id="warehouse-panel" role="tabpanel" aria-labelledby={`warehouse-tab-${tab}`} className="panel-fill">
        {tab === 'lists' && <PickListsPanel />}
        {tab === 'check' && <ShipmentsPanel key="check" view="check" />}
        {tab === 'shipping' && <ShipmentsPanel key="ready" view="ready" />}
        {tab === 'shipped' && <ShipmentsPanel key="shipped" view="shipped" />}
      </div>
    </div>
  );
}
