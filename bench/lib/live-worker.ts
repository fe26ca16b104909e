import WebSocket from 'ws';

/**
 * A child process holding many graphql-ws (graphql-transport-ws protocol) connections for the live
 * benchmarks, spoken by hand on `ws` so that thousands of clients cost the client side little. It
 * notes when each result arrives, on a clock every process shares (performance.timeOrigin +
 * performance.now()), and hands the notes to the parent on request. Driven over IPC by live.ts.
 */

export interface ConnectionSpec {
  auth: string;
  subs: { query: string; variables?: Record<string, unknown> }[];
}

export type WorkerCommand =
  | { cmd: 'open'; wsUrls: string[]; conns: ConnectionSpec[]; firstIndex: number; perSecond: number }
  | { cmd: 'collect' }
  | { cmd: 'status' }
  | { cmd: 'close' };

/** One delivered result: subscriber (connection index × 100 + subscription number), event key, sequence, order, arrival. */
export interface Arrivals {
  sub: number[];
  key: string[];
  seq: number[];
  order: string[];
  at: number[];
}

export interface WorkerStatus {
  open: number;
  closed: number;
  closeCodes: Record<string, number>;
  errors: number;
  errorSamples: string[];
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function localOf(globalId: string | undefined): string {
  if (!globalId) return '';
  const s = Buffer.from(globalId, 'base64url').toString();
  return s.slice(s.indexOf(':') + 1);
}

const sockets: WebSocket[] = [];
let arrivals: Arrivals = { sub: [], key: [], seq: [], order: [], at: [] };
const status: WorkerStatus = { open: 0, closed: 0, closeCodes: {}, errors: 0, errorSamples: [] };

function noteError(message: string) {
  status.errors++;
  if (status.errorSamples.length < 5) status.errorSamples.push(message.slice(0, 300));
}

const ORDER_EVENT =
  /^\{"id":"(\d+)","type":"next","payload":\{"data":\{"orderStatusChanged":\{"id":"([^"]+)","sequence":(\d+),.*?"order":\{"id":"([^"]+)"/;
const STOCK_ALERT =
  /^\{"id":"(\d+)","type":"next","payload":\{"data":\{"stockAlert":\{"sku":"([^"]*)","warehouseCode":"([^"]*)",.*?"createdAt":"([^"]+)"/;
/** courierMoved selected with courierCode and recordedAt first (bench 12): the key is code|recordedAt. */
const COURIER_MOVED =
  /^\{"id":"(\d+)","type":"next","payload":\{"data":\{"courierMoved":\{"courierCode":"([^"]*)","recordedAt":"([^"]+)"/;

function onResult(conn: number, raw: string) {
  const at = now();
  // Thousands of results a second: the fields needed are read straight from the text when it has the
  // usual shape (no errors), so that the clients take little of the machine the server runs on.
  if (!raw.includes('"errors"')) {
    const o = ORDER_EVENT.exec(raw);
    const a = o ? null : STOCK_ALERT.exec(raw);
    if (o || a) {
      arrivals.sub.push(conn * 100 + Number((o ?? a)![1]));
      arrivals.key.push(o ? localOf(o[2]) : `${a![2]}|${a![3]}|${a![4]}`);
      arrivals.seq.push(o ? Number(o[3]) : -1);
      arrivals.order.push(o ? localOf(o[4]) : '');
      arrivals.at.push(at);
      return;
    }
    const cm = COURIER_MOVED.exec(raw);
    if (cm) {
      arrivals.sub.push(conn * 100 + Number(cm[1]));
      arrivals.key.push(`${cm[2]}|${cm[3]}`);
      arrivals.seq.push(-1);
      arrivals.order.push('');
      arrivals.at.push(at);
      return;
    }
  }
  const m = JSON.parse(raw);
  if (m.type === 'ping') return;
  if (m.type !== 'next') {
    if (m.type === 'error') noteError(JSON.stringify(m.payload));
    return;
  }
  const p = m.payload;
  if (p.errors) noteError(JSON.stringify(p.errors));
  const d = p.data;
  if (!d) return;
  const sub = conn * 100 + Number(m.id);
  if (d.orderStatusChanged) {
    const e = d.orderStatusChanged;
    arrivals.sub.push(sub);
    arrivals.key.push(localOf(e.id));
    arrivals.seq.push(e.sequence ?? -1);
    arrivals.order.push(localOf(e.order?.id));
    arrivals.at.push(at);
  } else if (d.courierMoved) {
    const c = d.courierMoved;
    arrivals.sub.push(sub);
    arrivals.key.push(`${c.courierCode}|${c.recordedAt}`);
    arrivals.seq.push(-1);
    arrivals.order.push('');
    arrivals.at.push(at);
  } else if (d.stockAlert) {
    const a = d.stockAlert;
    arrivals.sub.push(sub);
    arrivals.key.push(`${a.sku}|${a.warehouseCode}|${a.createdAt}`);
    arrivals.seq.push(-1);
    arrivals.order.push('');
    arrivals.at.push(at);
  }
}

/** Opens one connection and sends its subscriptions once the server acknowledged it. */
function openOne(url: string, index: number, spec: ConnectionSpec): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false, skipUTF8Validation: true });
    let acked = false;
    const timer = setTimeout(() => {
      if (!acked) {
        if (openErrors.length < 3) openErrors.push(`connection ${index}: no ack within 30 s`);
        ws.terminate();
        resolve(false);
      }
    }, 30_000);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: spec.auth } })));
    ws.on('message', (data) => {
      const raw = data.toString();
      if (!acked) {
        const m = JSON.parse(raw);
        if (m.type !== 'connection_ack') return;
        acked = true;
        clearTimeout(timer);
        status.open++;
        spec.subs.forEach((s, i) =>
          ws.send(
            JSON.stringify({
              id: String(i + 1),
              type: 'subscribe',
              payload: { query: s.query, variables: s.variables ?? {} },
            }),
          ),
        );
        resolve(true);
        return;
      }
      onResult(index, raw);
    });
    ws.on('error', (e) => {
      if (acked) noteError(`connection ${index}: ${e.message}`);
      else if (openErrors.length < 3) openErrors.push(`connection ${index}: ${e.message}`);
    });
    ws.on('close', (code) => {
      if (acked) {
        status.open--;
        status.closed++;
        status.closeCodes[code] = (status.closeCodes[code] ?? 0) + 1;
      } else {
        clearTimeout(timer);
        resolve(false);
      }
    });
    sockets.push(ws);
  });
}

/** As a real client does: a connection refused or reset before it was acknowledged is tried again, up to 5 times. */
async function openWithRetries(url: string, index: number, spec: ConnectionSpec): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    if (await openOne(url, index, spec)) return true;
    if (attempt === 5) return false;
    retries++;
    await sleep(500 * attempt + Math.random() * 500);
  }
}

let retries = 0;
/** Why connections failed before they were acknowledged (a sample). */
const openErrors: string[] = [];

async function open(c: Extract<WorkerCommand, { cmd: 'open' }>) {
  const started = now();
  const gap = 1000 / c.perSecond;
  const pending: Promise<boolean>[] = [];
  // At most this many connections waiting for their ack: a server that falls behind is not buried.
  let inFlight = 0;
  for (let i = 0; i < c.conns.length; i++) {
    const due = started + i * gap;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    while (inFlight >= 100) await sleep(10);
    const index = c.firstIndex + i;
    inFlight++;
    pending.push(openWithRetries(c.wsUrls[index % c.wsUrls.length], index, c.conns[i]).finally(() => inFlight--));
  }
  const results = await Promise.all(pending);
  return {
    opened: results.filter(Boolean).length,
    failed: results.filter((r) => !r).length,
    retries,
    openErrors,
    ms: now() - started,
  };
}

// The bench process is gone (finished, failed or killed): so are we.
process.on('disconnect', () => process.exit(0));

process.on('message', async (c: WorkerCommand) => {
  try {
    if (c.cmd === 'open') process.send!({ reply: 'open', ...(await open(c)) });
    else if (c.cmd === 'collect') {
      const out = arrivals;
      arrivals = { sub: [], key: [], seq: [], order: [], at: [] };
      process.send!({ reply: 'collect', arrivals: out });
    } else if (c.cmd === 'status') process.send!({ reply: 'status', status });
    else if (c.cmd === 'close') {
      for (const ws of sockets) ws.terminate();
      process.send!({ reply: 'close' }, () => process.exit(0));
    }
  } catch (e) {
    process.send!({ reply: 'failed', message: String((e as Error).stack ?? e) });
  }
});
