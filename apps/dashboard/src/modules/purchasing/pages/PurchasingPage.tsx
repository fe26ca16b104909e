import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../ui/PageHeader';
import { PurchaseOrdersPanel } from '../components/PurchaseOrdersPanel';
import { RequirementsPanel } from '../components/RequirementsPanel';
import '../purchasing.css';

const TABS = ['requirements', 'orders', 'overdue'] as const;
type Tab = (typeof TABS)[number];

export function PurchasingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as Tab) : 'requirements';
  return (
    <div className="page page-fill">
      <PageHeader title={t('purchasing.title')} subtitle={t('purchasing.subtitle')} />
      <div className="tabs" role="tablist" aria-label={t('purchasing.tabs')}>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`purchasing-tab-${k}`}
            aria-selected={tab === k}
            aria-controls="purchasing-panel"
            className={tab === k ? 'tab active' : 'tab'}
            onClick={() => setParams(k === 'requirements' ? {} : { tab: k }, { replace: true })}
          >
            {t(`purchasing.tab.${k}`)}
          </button>
        ))}
      </div>
      <div id="purchasing-panel" role="tabpanel" aria-labelledby={`purchasing-tab-${tab}`} className="panel-fill">
        {tab === 'requirements' && <RequirementsPanel />}
        {tab === 'orders' && <PurchaseOrdersPanel key="orders" />}
        {tab === 'overdue' && <PurchaseOrdersPanel key="overdue" overdueOnly />}
      </div>
    </div>
  );
}
