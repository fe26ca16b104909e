import 'reflect-metadata';
import { startTestApi } from '../helpers';

/**
 * The API in a process of its own for the abuse measurement (hostile.rel-spec forks it), so the load
 * generators do not share its event loop. Settings come as JSON in HOSTILE_SERVER_ENV; the database
 * (already migrated and filled by the spec) in HOSTILE_DATABASE_URL. Sends { url } when listening and
 * stops on the message "stop".
 */
async function main() {
  const databaseUrl = process.env.HOSTILE_DATABASE_URL;
  if (!databaseUrl) throw new Error('HOSTILE_DATABASE_URL is not set');
  const api = await startTestApi({ databaseUrl, env: JSON.parse(process.env.HOSTILE_SERVER_ENV ?? '{}') });
  process.on('message', (m) => {
    if (m !== 'stop') return;
    void api
      .stop()
      .catch(() => undefined)
      .then(() => process.exit(0));
  });
  process.send!({ url: api.url });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
