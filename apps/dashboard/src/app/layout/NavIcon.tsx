const PATHS = {
  overview: 'M3 13h7V3H3v10Zm0 8h7v-6H3v6Zm11 0h7V11h-7v10Zm0-18v6h7V3h-7Z',
  orders: 'M7 4h10l1 3H6l1-3Zm-2 5h14v11H5V9Zm4 3v2h6v-2H9Z',
  review: 'M12 3 4 6v6c0 4.4 3.4 8.5 8 9 4.6-.5 8-4.6 8-9V6l-8-3Zm-1 13-4-4 1.4-1.4L11 13.2l4.6-4.6L17 10l-6 6Z',
  stock:
    'M12 2 3 6.5v11L12 22l9-4.5v-11L12 2Zm0 2.2 6.6 3.3L12 10.8 5.4 7.5 12 4.2ZM5 9.1l6 3v7.6l-6-3V9.1Zm8 10.6v-7.6l6-3v7.6l-6 3Z',
  warehouse: 'M3 9 12 4l9 5v11h-3v-9H6v9H3V9Zm5 4h8v2H8v-2Zm0 4h8v3H8v-3Z',
  suppliers: 'M4 10 12 4l8 6v10h-5v-6H9v6H4V10Zm7 10v-4h2v4h-2Z',
  purchasing: 'M6 3h12v18l-3-2-3 2-3-2-3 2V3Zm3 4v2h6V7H9Zm0 4v2h6v-2H9Z',
  receiving: 'M3 6h11v9H3V6Zm11 3h4l3 3v3h-7V9ZM6.5 19a2 2 0 1 1 0-4 2 2 0 0 1 0 4Zm11 0a2 2 0 1 1 0-4 2 2 0 0 1 0 4Z',
  dispatch: 'M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7Zm0 9.5a2.5 2.5 0 1 1 0-5 2.5 2.5 0 0 1 0 5Z',
  complaints: 'M4 3h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H8l-4 4V4a1 1 0 0 1 1-1Zm7 3v5h2V6h-2Zm0 7v2h2v-2h-2Z',
  returns: 'M12 3a9 9 0 1 1-8.5 6h2.2A7 7 0 1 0 12 5v3L7 4l5-4v3Zm-4 8h8v2H8v-2Zm0 4h5v2H8v-2Z',
  surveys: 'M12 2 14.9 8.3 22 9.2l-5.2 4.8 1.4 7L12 17.6 5.8 21l1.4-7L2 9.2l7.1-.9L12 2Z',
  notifications:
    'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z',
  templates: 'M5 3h10l4 4v14H5V3Zm9 1.5V8h3.5L14 4.5ZM8 11v2h8v-2H8Zm0 4v2h5v-2H8Z',
  webhooks:
    'M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7c0 .3 0 .5.1.8L8.4 11.2a3 3 0 1 0 0 3.6l6.7 3.4A3 3 0 1 0 18 16Z',
} as const;

export type NavIconName = keyof typeof PATHS;

export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
