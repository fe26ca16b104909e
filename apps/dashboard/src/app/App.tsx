import { RouterProvider } from 'react-router/dom';
import { SessionProvider } from '../modules/auth/session/SessionProvider';
import { ToastProvider } from '../ui/ToastProvider';
import { router } from './router';

export function App() {
  return (
    <SessionProvider>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </SessionProvider>
  );
}
