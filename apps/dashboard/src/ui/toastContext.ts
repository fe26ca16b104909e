import { createContext, useContext } from 'react';

export interface ToastInput {
  tone: 'success' | 'error' | 'info';
  title: string;
  detail?: string;
}

export const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

/** toast({ tone, title }) shows a short message in the corner, read out by screen readers. */
export function useToast() {
  const push = useContext(ToastContext);
  if (!push) throw new Error('useToast outside ToastProvider');
  return push;
}
