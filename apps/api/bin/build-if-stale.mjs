/* global console */
// `npm start` builds only what changed: the API (and bench) with `tsc -b` when a TypeScript source or
// config is newer than its build info, the dashboard with Vite when one of its inputs is newer than its
// index.html. On an unchanged checkout it costs a directory walk (~tens of ms) instead of ~15 s of builds.
// Plain JavaScript because it runs before anything is compiled.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const at = (p) => path.join(root, p);

/** Newest modification time (ms) of the files under the given paths; 0 when none exist. */
function newest(paths) {
  let max = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') visit(path.join(p, name));
    } else max = Math.max(max, stat.mtimeMs);
  };
  paths.forEach((p) => visit(at(p)));
  return max;
}

const built = (p) => {
  try {
    return fs.statSync(at(p)).mtimeMs;
  } catch {
    return -1;
  }
};

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

const sources = [
  'tsconfig.base.json',
  'packages/domain/src',
  'packages/domain/tsconfig.json',
  'packages/domain/package.json',
];
const api = [...sources, 'apps/api/src', 'apps/api/test', 'apps/api/tsconfig.json', 'apps/api/package.json', 'bench'];
if (newest(api) > Math.min(built('apps/api/dist/tsconfig.tsbuildinfo'), built('bench/dist/tsconfig.tsbuildinfo'))) {
  console.log('building the API (sources changed)');
  run('npx', ['tsc', '-b', 'apps/api', 'bench']);
}
const dashboard = [
  ...sources,
  'apps/dashboard/src',
  'apps/dashboard/index.html',
  'apps/dashboard/vite.config.ts',
  'apps/dashboard/tsconfig.json',
  'apps/dashboard/package.json',
];
if (newest(dashboard) > built('apps/dashboard/dist/index.html')) {
  console.log('building the dashboard (sources changed)');
  run('npm', ['run', 'build', '-w', '@fulfilment/dashboard']);
}
