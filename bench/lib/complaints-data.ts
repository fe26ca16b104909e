import { Client } from 'pg';

export interface ComplaintsData {
  open: number;
  done: number;
  events: number;
  seconds: number;
}

/** A pseudo-random integer in [0, n) from an integer SQL expression (as orders-data.ts does). */
const pick = (expr: string, n: number) => `(abs(hashint4((${expr})::int)) % ${n})`;
/** A pseudo-random float in [0, 1). */
const frac = (expr: string) => `(abs(hashint4((${expr})::int))::float8 / 2147483648.0)`;

const MIN = 60_000;

/**
 * Complaints written straight in SQL (generate_series, set-based) into a database that has orders and
 * customers (createOrdersData): `open` complaints not yet resolved (15 % OPEN, 35 % ACKNOWLEDGED,
 * 35 % INVESTIGATING, 10 % WAITING_ON_CUSTOMER, 5 % REOPENED) and `done` RESOLVED or CLOSED ones,
 * opened over the last 2 days (OPEN ones in the last 3 hours), with priorities and their SLA policy
 * (packages/domain SLA_POLICIES), owners, and the clock as readSla / nextSlaCheckAt read it at `nowMs`:
 * sla_state, due_at, breach flags and escalated_at, and the next look in complaint_clock. Each gets a plausible event history
 * (last_event_sequence rows in complaint_event). Foreign keys are consistent by construction
 * (session_replication_role = replica skips their triggers). `ownerIds` are staff users.
 */
export async function createComplaintsData(
  c: Client,
  opts: { open: number; done: number; nowMs: number; ownerIds: string[] },
): Promise<ComplaintsData> {
  const started = performance.now();
  const N = opts.open + opts.done;
  await c.query(`SET synchronous_commit = off`);
  await c.query(`SET session_replication_role = replica`);
  await c.query(`SET work_mem = '64MB'`);
  await c.query(`SET maintenance_work_mem = '256MB'`);
  await c.query(
    `CREATE TEMP TABLE o_rn AS SELECT row_number() OVER (ORDER BY created_at, id)::int AS rn, id, customer_id FROM orders`,
  );
  await c.query(`CREATE UNIQUE INDEX ON o_rn (rn)`);
  const orders = (await c.query(`SELECT count(*)::int AS n FROM o_rn`)).rows[0].n as number;
  await c.query(
    `CREATE TEMP TABLE owners AS SELECT (ordinality - 1)::int AS n, id FROM unnest($1::uuid[]) WITH ORDINALITY id`,
    [opts.ownerIds],
  );
  // Times in ms since the epoch (float8), turned into timestamps on insert.
  await c.query(
    `CREATE TEMP TABLE k0 AS
     SELECT i, gen_random_uuid() AS id,
            CASE WHEN i > $2 THEN CASE WHEN i % 3 = 0 THEN 'CLOSED' ELSE 'RESOLVED' END
                 ELSE (ARRAY['OPEN','OPEN','OPEN','ACKNOWLEDGED','ACKNOWLEDGED','ACKNOWLEDGED','ACKNOWLEDGED','ACKNOWLEDGED','ACKNOWLEDGED','ACKNOWLEDGED',
                             'INVESTIGATING','INVESTIGATING','INVESTIGATING','INVESTIGATING','INVESTIGATING','INVESTIGATING','INVESTIGATING',
                             'WAITING_ON_CUSTOMER','WAITING_ON_CUSTOMER','REOPENED'])[1 + ${pick('i * 13 + 1', 20)}] END AS status,
            (ARRAY['URGENT','HIGH','HIGH','HIGH','NORMAL','NORMAL','NORMAL','NORMAL','NORMAL','NORMAL','NORMAL','NORMAL','NORMAL','NORMAL',
                   'NORMAL','NORMAL','NORMAL','NORMAL','LOW','LOW'])[1 + ${pick('i * 11 + 2', 20)}] AS priority,
            (ARRAY['QUALITY','LATE','LATE','DAMAGED','WRONG_ITEM','MISSING_ITEM','COURIER_SERVICE','OTHER'])[1 + ${pick('i * 17 + 3', 8)}] AS category,
            (ARRAY['PHONE','CHAT','CHAT','EMAIL','APP','APP'])[1 + ${pick('i * 19 + 4', 6)}] AS channel,
            1 + ${pick('i * 23 + 5', orders)} AS order_rn,
            ${pick('i * 29 + 6', opts.ownerIds.length)} AS owner_n,
            ${frac('i * 31 + 7')} AS h1, ${frac('i * 37 + 8')} AS h2, ${frac('i * 41 + 9')} AS h3
       FROM generate_series(1, $1) i`,
    [N, opts.open],
  );
  await c.query(
    `CREATE TEMP TABLE k1 AS
     SELECT k0.*,
            CASE priority WHEN 'URGENT' THEN 60 WHEN 'HIGH' THEN 120 WHEN 'NORMAL' THEN 120 ELSE 240 END AS resp_min,
            CASE priority WHEN 'URGENT' THEN 480 WHEN 'HIGH' THEN 720 ELSE 1440 END AS res_min,
            CASE priority WHEN 'URGENT' THEN 'urgent-1h-8h' WHEN 'HIGH' THEN 'high-2h-12h' WHEN 'NORMAL' THEN 'standard-2h-24h' ELSE 'low-4h-24h' END AS policy,
            $1::float8 - CASE WHEN status = 'OPEN' THEN ${MIN} + h1 * ${180 * MIN}
                              WHEN status IN ('RESOLVED', 'CLOSED') THEN ${120 * MIN} + h1 * ${2760 * MIN}
                              ELSE ${5 * MIN} + h1 * ${2875 * MIN} END AS opened
       FROM k0`,
    [opts.nowMs],
  );
  await c.query(
    `CREATE TEMP TABLE k2 AS
     SELECT k1.*, floor(CASE WHEN status = 'OPEN' THEN NULL ELSE opened + least(($1 - opened) * 0.8, ${5 * MIN} + h2 * ${150 * MIN}) END) AS responded
       FROM k1`,
    [opts.nowMs],
  );
  await c.query(
    `CREATE TEMP TABLE k3 AS
     SELECT k2.*,
            floor(CASE WHEN status = 'REOPENED' THEN responded + ($1 - responded) * (0.4 + 0.4 * h3) ELSE opened END) AS started,
            floor(CASE WHEN status = 'WAITING_ON_CUSTOMER' THEN responded + ($1 - responded) * h3 END) AS paused_since,
            floor(CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN responded + ($1 - responded) * (0.2 + 0.5 * h3) END) AS resolved
       FROM k2`,
    [opts.nowMs],
  );
  // readSla at now (packages/domain/src/complaint-sla.ts), column by column.
  await c.query(
    `CREATE TEMP TABLE k4 AS
     SELECT k3.*, coalesce($1 - paused_since, 0) AS paused,
            opened + resp_min * ${MIN} + CASE WHEN started = opened THEN coalesce($1 - paused_since, 0) ELSE 0 END AS resp_due,
            started + res_min * ${MIN} + coalesce($1 - paused_since, 0) AS res_due
       FROM k3`,
    [opts.nowMs],
  );
  await c.query(
    `CREATE TEMP TABLE k5 AS
     SELECT k4.*, CASE WHEN responded IS NULL THEN resp_due ELSE res_due END AS due,
            CASE WHEN responded IS NULL THEN resp_min ELSE res_min END * ${MIN} AS win,
            coalesce(responded, $1) > resp_due AS resp_breached,
            coalesce(resolved, $1) > res_due AS res_breached
       FROM k4`,
    [opts.nowMs],
  );
  await c.query(
    `CREATE TEMP TABLE k AS
     SELECT k5.*,
            CASE WHEN resolved IS NOT NULL THEN CASE WHEN resp_breached OR res_breached THEN 'BREACHED' ELSE 'MET' END
                 WHEN paused_since IS NOT NULL THEN 'PAUSED'
                 WHEN due < $1 THEN 'BREACHED'
                 WHEN due - $1 < win * 0.25 THEN 'AT_RISK'
                 ELSE 'ON_TRACK' END AS sla_state,
            CASE WHEN resolved IS NOT NULL OR paused_since IS NOT NULL THEN NULL
                 ELSE least(CASE WHEN due - win * 0.25 > $1 THEN due - win * 0.25 END, CASE WHEN due > $1 THEN due END,
                            CASE WHEN responded IS NULL AND res_due > $1 THEN res_due END) END AS next_check,
            CASE WHEN resolved IS NULL AND paused_since IS NULL AND due - win * 0.25 <= $1 THEN greatest(opened, due - win * 0.25)
                 WHEN resp_breached THEN opened + resp_min * ${MIN} * 0.75 END AS escalated,
            CASE status WHEN 'OPEN' THEN 1 WHEN 'ACKNOWLEDGED' THEN 3 WHEN 'INVESTIGATING' THEN 4 WHEN 'WAITING_ON_CUSTOMER' THEN 5
                        WHEN 'REOPENED' THEN 7 WHEN 'RESOLVED' THEN 5 ELSE 6 END AS events
       FROM k5`,
    [opts.nowMs],
  );
  const ts = (col: string) => `to_timestamp((${col}) / 1000.0)`;
  await c.query(
    `INSERT INTO complaint (id, number, customer_id, order_id, channel, category, priority, department, owner_id, description, status,
                            root_cause, outcome, resolution_note, sla_policy, opened_at, started_at, paused_ms, paused_since, responded_at,
                            resolved_at, closed_at, sla_state, due_at, response_breached, resolution_breached, escalated_at,
                            created_by, last_event_sequence, created_at, updated_at)
     SELECT k.id, 'CP-' || lpad(k.i::text, 6, '0'), o.customer_id, CASE WHEN k.i % 10 = 0 THEN NULL ELSE o.id END, k.channel, k.category, k.priority,
            CASE k.category WHEN 'QUALITY' THEN 'PURCHASING_QUALITY' WHEN 'LATE' THEN 'DELIVERY' WHEN 'COURIER_SERVICE' THEN 'DELIVERY'
                            WHEN 'OTHER' THEN 'CUSTOMER_SERVICE' ELSE 'WAREHOUSE' END,
            CASE WHEN k.status = 'OPEN' THEN NULL ELSE w.id END,
            (ARRAY['草莓有几颗已经发霉了', '说好下午送到,晚上九点才到', '箱子被压扁,两瓶水漏了', '买的是全脂牛奶,送来的是脱脂的',
                   '少了一袋面粉', '没打电话就把东西放在门口了', '发票抬头开错了'])[1 + k.i % 7],
            k.status,
            CASE WHEN k.resolved IS NOT NULL THEN CASE k.category WHEN 'QUALITY' THEN 'SUPPLIER_QUALITY' WHEN 'LATE' THEN 'LATE_DELIVERY'
                 WHEN 'DAMAGED' THEN 'PACKING_DAMAGE' WHEN 'WRONG_ITEM' THEN 'PICKING_ERROR' WHEN 'MISSING_ITEM' THEN 'CHECK_MISSED'
                 WHEN 'COURIER_SERVICE' THEN 'COURIER_CONDUCT' ELSE 'CUSTOMER_EXPECTATION' END END,
            CASE WHEN k.resolved IS NOT NULL THEN (ARRAY['REFUND', 'EXCHANGE', 'REDELIVERY', 'COMPENSATION', 'EXPLANATION'])[1 + k.i % 5] END,
            CASE WHEN k.resolved IS NOT NULL THEN '已向客户致歉并处理完毕' END,
            json_build_object('name', k.policy, 'responseMinutes', k.resp_min, 'resolutionMinutes', k.res_min, 'atRiskShare', 0.25)::jsonb,
            ${ts('k.opened')}, ${ts('k.started')}, 0, ${ts('k.paused_since')}, ${ts('k.responded')}, ${ts('k.resolved')},
            CASE WHEN k.status = 'CLOSED' THEN ${ts('k.resolved + ($1 - k.resolved) * 0.5')} END,
            k.sla_state, ${ts('k.due')}, k.resp_breached, k.res_breached, ${ts('k.escalated')},
            'user:bench-agent', k.events, ${ts('k.opened')},
            ${ts('greatest(k.opened, k.responded, k.started, k.paused_since, k.resolved)')}
       FROM k JOIN o_rn o ON o.rn = k.order_rn JOIN owners w ON w.n = k.owner_n`,
    [opts.nowMs],
  );
  await c.query(
    `INSERT INTO complaint_clock (complaint_id, next_check_at) SELECT k.id, ${ts('k.next_check')} FROM k
      WHERE k.next_check IS NOT NULL`,
  );
  const events = (
    await c.query(
      `INSERT INTO complaint_event (complaint_id, sequence, type, from_status, to_status, reason, actor, created_at)
       SELECT k.id, s, CASE WHEN s = 1 THEN 'OPENED' WHEN s = 2 THEN 'ASSIGNED' ELSE 'STATUS_CHANGED' END,
              CASE WHEN s > 1 THEN 'OPEN' END, CASE WHEN s = k.events THEN k.status ELSE 'OPEN' END, NULL, 'bench-agent',
              ${ts('k.opened + (coalesce(k.responded, k.opened) - k.opened) * (s - 1) / k.events')}
         FROM k CROSS JOIN LATERAL generate_series(1, k.events) s`,
    )
  ).rowCount!;
  await c.query(`SELECT setval('complaint_number_seq', $1)`, [N]);
  await c.query(`SET session_replication_role = DEFAULT`);
  for (const t of ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k', 'o_rn', 'owners']) await c.query(`DROP TABLE ${t}`);
  await c.query(`VACUUM ANALYZE complaint`);
  await c.query(`VACUUM ANALYZE complaint_clock`);
  await c.query(`VACUUM ANALYZE complaint_event`);
  return { open: opts.open, done: opts.done, events, seconds: (performance.now() - started) / 1000 };
}
