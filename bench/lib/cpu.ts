import fs from 'node:fs';
import path from 'node:path';
import { withClient } from './platform';

/** CPU time (user + system) of one process so far, in ms, from /proc; undefined once it is gone. */
export function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/**
 * Measures the CPU time (ms) a group of processes uses from now until `end()` is called; `pids()` is
 * asked again at the end, so processes started meanwhile (new database backends) count from zero;
 * processes that exited meanwhile are left out. With 2 cores, it tells which of the
 * API, PostgreSQL and the load generator limits a figure.
 */
export function cpuMeter(pids: () => number[]): { end(): number } {
  const start = new Map(pids().map((pid) => [pid, cpuMsOf(pid) ?? 0]));
  return {
    end() {
      let used = 0;
      for (const pid of new Set([...start.keys(), ...pids()])) {
        const now = cpuMsOf(pid);
        if (now !== undefined) used += now - (start.get(pid) ?? 0);
      }
      return used;
    },
  };
}

/** The PostgreSQL cluster's processes, found again on every call: the postmaster (from postmaster.pid) and its children. */
export async function databasePids(url: string): Promise<() => number[]> {
  const dir = await withClient(
    url,
    async (c) =>
      (await c.query(`SELECT setting FROM pg_settings WHERE name = 'data_directory'`)).rows[0].setting as string,
  );
  const postmaster = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return () => [postmaster, ...children(postmaster)];
}

function children(parent: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}
