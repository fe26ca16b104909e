import { NavLink, Outlet, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../gql/graphql';
import { useCan } from '../../modules/auth/hooks/useSession';
import { SlaAlertToasts } from '../../modules/complaints/live/SlaAlertToasts';
import { OverdueToasts } from '../../modules/purchasing/live/OverdueToasts';
import { LanguageSwitch } from './LanguageSwitch';
import { LiveIndicator } from './LiveIndicator';
import { NavIcon, type NavIconName } from './NavIcon';
import { UserMenu } from './UserMenu';

interface NavItem {
  to: string;
  label:
    | 'nav.overview'
    | 'nav.orders'
    | 'nav.review'
    | 'nav.stock'
    | 'nav.warehouse'
    | 'nav.suppliers'
    | 'nav.purchasing'
    | 'nav.receiving'
    | 'nav.dispatch'
    | 'nav.complaints'
    | 'nav.returns'
    | 'nav.surveys'
    | 'nav.notifications'
    | 'nav.templates'
    | 'nav.webhooks';
  icon: NavIconName;
  permission: Permission;
  /** Active only on this very path (not on the pages under it). */
  end?: boolean;
}

/** What each page needs; the navigation shows only what the user may open. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'nav.overview', icon: 'overview', permission: 'ORDER_READ' },
  { to: '/orders', label: 'nav.orders', icon: 'orders', permission: 'ORDER_READ' },
  { to: '/review', label: 'nav.review', icon: 'review', permission: 'ORDER_REVIEW' },
  { to: '/stock', label: 'nav.stock', icon: 'stock', permission: 'STOCK_READ' },
  { to: '/warehouse', label: 'nav.warehouse', icon: 'warehouse', permission: 'FULFILMENT_READ' },
  { to: '/suppliers', label: 'nav.suppliers', icon: 'suppliers', permission: 'PURCHASING_READ' },
  { to: '/purchasing', label: 'nav.purchasing', icon: 'purchasing', permission: 'PURCHASING_READ' },
  { to: '/receiving', label: 'nav.receiving', icon: 'receiving', permission: 'GOODS_RECEIVE' },
  { to: '/dispatch', label: 'nav.dispatch', icon: 'dispatch', permission: 'DELIVERY_READ' },
  { to: '/complaints', label: 'nav.complaints', icon: 'complaints', permission: 'COMPLAINT_READ' },
  { to: '/returns', label: 'nav.returns', icon: 'returns', permission: 'RETURN_READ' },
  { to: '/surveys', label: 'nav.surveys', icon: 'surveys', permission: 'COMPLAINT_READ' },
  {
    to: '/notifications',
    label: 'nav.notifications',
    icon: 'notifications',
    permission: 'NOTIFICATION_READ',
    end: true,
  },
  { to: '/notifications/templates', label: 'nav.templates', icon: 'templates', permission: 'NOTIFICATION_READ' },
  { to: '/webhooks', label: 'nav.webhooks', icon: 'webhooks', permission: 'WEBHOOK_MANAGE' },
];

export function AppShell() {
  const { t } = useTranslation();
  const can = useCan();
  const navigation = useNavigation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="#1d4ed8" />
            <path d="M8 11h16M8 16h11M8 21h7" stroke="white" strokeWidth="3" strokeLinecap="round" />
          </svg>
          <span>{t('app.name')}</span>
        </div>
        <nav aria-label={t('shell.navigation')}>
          <ul>
            {NAV_ITEMS.filter((item) => can(item.permission)).map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.to === '/' || item.end}
                  className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}
                >
                  <NavIcon name={item.icon} />
                  <span>{t(item.label)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="main-column">
        <header className="topbar">
          <div
            className={navigation.state === 'loading' ? 'route-progress active' : 'route-progress'}
            aria-hidden="true"
          />
          <LiveIndicator />
          <div className="topbar-right">
            <LanguageSwitch />
            <UserMenu />
          </div>
        </header>
        <main id="main" className="content" tabIndex={-1}>
          <Outlet />
        </main>
        {can('PURCHASING_READ') && <OverdueToasts />}
        {can('COMPLAINT_READ') && <SlaAlertToasts />}
      </div>
    </div>
  );
}
