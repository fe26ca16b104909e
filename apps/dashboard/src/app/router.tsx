import type { ComponentType } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import type { Permission } from '../gql/graphql';
import { Guard, NotFound } from './Guard';
import { AppShell } from './layout/AppShell';
import { RequireAuth } from './RequireAuth';
import { RouteError } from './RouteError';
import { LoadingState } from '../ui/States';

function HydrateFallback() {
  return (
    <div className="fullscreen-center">
      <LoadingState />
    </div>
  );
}

/** A page loaded on first visit (its own chunk), shown only with the permission it needs. */
function page(permission: Permission, load: () => Promise<ComponentType>) {
  return {
    lazy: async () => {
      const Page = await load();
      return {
        Component: () => (
          <Guard permission={permission}>
            <Page />
          </Guard>
        ),
      };
    },
  };
}

export const router = createBrowserRouter([
  // The customer's tracking link: public, no sign-in, no personal data.
  {
    path: '/track/:token',
    errorElement: <RouteError />,
    HydrateFallback,
    lazy: async () => ({ Component: (await import('../modules/tracking/pages/TrackingPage')).TrackingPage }),
  },
  // A satisfaction survey's link: public, no sign-in.
  {
    path: '/survey/:token',
    errorElement: <RouteError />,
    HydrateFallback,
    lazy: async () => ({ Component: (await import('../modules/tracking/pages/SurveyPage')).SurveyPage }),
  },
  {
    path: '/login',
    errorElement: <RouteError />,
    HydrateFallback,
    lazy: async () => ({ Component: (await import('../modules/auth/pages/LoginPage')).LoginPage }),
  },
  {
    path: '/',
    errorElement: <RouteError />,
    HydrateFallback,
    element: (
      <RequireAuth>
        <Outlet />
      </RequireAuth>
    ),
    children: [
      {
        element: <AppShell />,
        children: [
          {
            index: true,
            ...page('ORDER_READ', async () => (await import('../modules/overview/pages/OverviewPage')).OverviewPage),
          },
          {
            path: 'orders',
            ...page('ORDER_READ', async () => (await import('../modules/orders/pages/OrdersPage')).OrdersPage),
          },
          {
            path: 'orders/:number',
            ...page('ORDER_READ', async () => (await import('../modules/orders/pages/OrderPage')).OrderPage),
          },
          {
            path: 'review',
            ...page(
              'ORDER_REVIEW',
              async () => (await import('../modules/review/pages/ReviewQueuePage')).ReviewQueuePage,
            ),
          },
          {
            path: 'stock',
            ...page('STOCK_READ', async () => (await import('../modules/stock/pages/StockPage')).StockPage),
          },
          {
            path: 'stock/:id',
            ...page('STOCK_READ', async () => (await import('../modules/stock/pages/StockLevelPage')).StockLevelPage),
          },
          {
            path: 'suppliers',
            ...page(
              'PURCHASING_READ',
              async () => (await import('../modules/purchasing/pages/SuppliersPage')).SuppliersPage,
            ),
          },
          {
            path: 'suppliers/:id',
            ...page(
              'PURCHASING_READ',
              async () => (await import('../modules/purchasing/pages/SupplierPage')).SupplierPage,
            ),
          },
          {
            path: 'purchasing',
            ...page(
              'PURCHASING_READ',
              async () => (await import('../modules/purchasing/pages/PurchasingPage')).PurchasingPage,
            ),
          },
          {
            path: 'purchasing/orders/:id',
            ...page(
              'PURCHASING_READ',
              async () => (await import('../modules/purchasing/pages/PurchaseOrderPage')).PurchaseOrderPage,
            ),
          },
          {
            path: 'receiving',
            ...page(
              'GOODS_RECEIVE',
              async () => (await import('../modules/purchasing/pages/ReceivingPage')).ReceivingPage,
            ),
          },
          {
            path: 'warehouse',
            ...page(
              'FULFILMENT_READ',
              async () => (await import('../modules/fulfilment/pages/WarehousePage')).WarehousePage,
            ),
          },
          {
            path: 'warehouse/pick-lists/:id',
            ...page(
              'FULFILMENT_READ',
              async () => (await import('../modules/fulfilment/pages/PickListPage')).PickListPage,
            ),
          },
          {
            path: 'warehouse/shipments/:id',
            ...page(
              'FULFILMENT_READ',
              async () => (await import('../modules/fulfilment/pages/ShipmentPage')).ShipmentPage,
            ),
          },
          {
            path: 'dispatch',
            ...page('DELIVERY_READ', async () => (await import('../modules/delivery/pages/DispatchPage')).DispatchPage),
          },
          {
            path: 'dispatch/runs/:id',
            ...page(
              'DELIVERY_READ',
              async () => (await import('../modules/delivery/pages/DeliveryRunPage')).DeliveryRunPage,
            ),
          },
          {
            path: 'complaints',
            ...page(
              'COMPLAINT_READ',
              async () => (await import('../modules/complaints/pages/ComplaintsPage')).ComplaintsPage,
            ),
          },
          {
            path: 'complaints/:id',
            ...page(
              'COMPLAINT_READ',
              async () => (await import('../modules/complaints/pages/ComplaintPage')).ComplaintPage,
            ),
          },
          {
            path: 'surveys',
            ...page(
              'COMPLAINT_READ',
              async () => (await import('../modules/complaints/pages/SurveysPage')).SurveysPage,
            ),
          },
          {
            path: 'returns',
            ...page('RETURN_READ', async () => (await import('../modules/returns/pages/ReturnsPage')).ReturnsPage),
          },
          {
            path: 'returns/:id',
            ...page('RETURN_READ', async () => (await import('../modules/returns/pages/ReturnPage')).ReturnPage),
          },
          {
            path: 'notifications',
            ...page(
              'NOTIFICATION_READ',
              async () => (await import('../modules/notifications/pages/NotificationsPage')).NotificationsPage,
            ),
          },
          {
            path: 'notifications/templates',
            ...page(
              'NOTIFICATION_READ',
              async () => (await import('../modules/notifications/pages/TemplatesPage')).TemplatesPage,
            ),
          },
          {
            path: 'webhooks',
            ...page(
              'WEBHOOK_MANAGE',
              async () => (await import('../modules/notifications/pages/WebhooksPage')).WebhooksPage,
            ),
          },
          {
            path: 'webhooks/:id',
            ...page(
              'WEBHOOK_MANAGE',
              async () => (await import('../modules/notifications/pages/WebhookEndpointPage')).WebhookEndpointPage,
            ),
          },
          { path: '*', Component: NotFound },
        ],
      },
      // The courier's phone page: a screen of its own, without the office navigation.
      {
        path: 'courier',
        ...page('COURIER_WORK', async () => (await import('../modules/courier/pages/CourierPage')).CourierPage),
      },
      // Print views: a clean sheet without the navigation, opened in a tab of their own.
      {
        path: 'print/pick-lists/:id',
        ...page(
          'FULFILMENT_READ',
          async () => (await import('../modules/fulfilment/pages/PickListPrintPage')).PickListPrintPage,
        ),
      },
      {
        path: 'print/shipments/:id/labels',
        ...page(
          'FULFILMENT_READ',
          async () => (await import('../modules/fulfilment/pages/LabelsPrintPage')).LabelsPrintPage,
        ),
      },
    ],
  },
]);
