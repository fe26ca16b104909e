import { runTraffic } from './traffic';
import { logger } from '../common/logger';

/** `npm run demo [-- --rate 60 --url http://localhost:4000/graphql]`: live traffic for a running platform. */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const rate = Number(arg('rate', process.env.DEMO_RATE ?? '30'));
if (!Number.isFinite(rate) || rate <= 0 || rate > 6000) {
  console.error('--rate must be orders per minute, between 1 and 6000');
  process.exit(2);
}
runTraffic({
  url: arg('url', process.env.API_URL ?? `http://localhost:${process.env.PORT ?? 4000}/graphql`),
  rate,
}).catch((e: Error) => {
  logger.fatal(e.message);
  process.exit(1);
});
