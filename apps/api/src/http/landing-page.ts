import { createHash } from 'node:crypto';

/** The page's only inline content; the Content-Security-Policy allows it by its hash (security-headers.ts). */
const LANDING_PAGE_STYLE = `
  body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 46rem; margin: 4rem auto; padding: 0 1.5rem; color: #1f2933; line-height: 1.6; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; } p.sub { color: #52606d; margin-top: 0; }
  a.button { display: inline-block; background: #1d4ed8; color: #fff; padding: .6rem 1rem; border-radius: .4rem; text-decoration: none; margin-right: .5rem; }
  code, pre { background: #f1f5f9; border-radius: .3rem; } code { padding: .1rem .3rem; } pre { padding: 1rem; overflow-x: auto; }
`;
export const LANDING_PAGE_STYLE_HASH = `sha256-${createHash('sha256').update(LANDING_PAGE_STYLE).digest('base64')}`;

/** What `/` shows until the dashboard exists. */
export function landingPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fulfilment platform</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${LANDING_PAGE_STYLE}</style></head>
<body>
<h1>Order-fulfilment operations platform</h1>
<p class="sub">订单履约运营平台 · orders, stock, allocation and live order status</p>
<p>The GraphQL API is at <code>/graphql</code> (HTTP POST, and graphql-ws subscriptions on the same path).</p>
<p><a class="button" href="/graphql">Open the GraphQL explorer</a> <a class="button" href="/health">Health</a></p>
<p>Try this in the explorer:</p>
<pre>{ orders(first: 5, filter: { status: PENDING_REVIEW }) {
    edges { node { number status holdReasons total { amount } customer { name } } } } }</pre>
</body></html>`;
}
