import fs from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) used so far by a process; 0 once it is gone. */
function cpuOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** PostgreSQL backends serving one database (their title names it). */
function backendsOf(database: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(` ${database} `);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * Measures how many cores the API process, the database's backends and this (load) process kept busy
 * between start and stop: with 2 cores, it tells which of them limits a figure.
 */
export function cpuMeter(apiPid: number | undefined, database: string) {
  const backends = backendsOf(database);
  const pgBefore = new Map(backends.map((p) => [p, cpuOf(p)]));
  const apiBefore = apiPid ? cpuOf(apiPid) : 0;
  const selfBefore = process.cpuUsage();
  const started = performance.now();
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const pgNow = backendsOf(database);
      const pg = pgNow.reduce((sum, p) => sum + cpuOf(p) - (pgBefore.get(p) ?? 0), 0);
      const self = process.cpuUsage(selfBefore);
      return {
        api: apiPid ? (cpuOf(apiPid) - apiBefore) / seconds : 0,
        postgres: pg / seconds,
        load: (self.user + self.system) / 1e6 / seconds,
      };
    },
  };
}
