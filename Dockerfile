# syntax=docker/dockerfile:1
# Admin Hub: multi-stage image. The build stage installs everything, builds, and assembles the
# app with scripts/image-app.ts; the runtime stage holds that app and production dependencies
# only, runs as the unprivileged `node` user, and is started with npm start's own command.
# tests/e2e/image.test.ts assembles the same app and starts it with this CMD and ENV.

FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund \
 && NEXT_TELEMETRY_DISABLED=1 npm run build \
 && npx tsx scripts/image-app.ts /app

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HUB_PREBUILT=1 \
    HUB_HOST=0.0.0.0 \
    HUB_PORT=3000 \
    HUB_DATA_DIR=/app/.data
WORKDIR /app
COPY --from=build --chown=node:node /app ./
# Production dependencies only; the postinstall step writes the engine package (node_modules/@admin-hub/engine).
RUN npm ci --omit=dev --no-audit --no-fund && chown -R node:node /app
USER node
EXPOSE 3000
# Ready when the hub's own database answers (the same endpoint as a Kubernetes readiness probe).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: stop accepting, finish in-flight requests within HUB_SHUTDOWN_TIMEOUT_MS (10 s), settle the audit, exit 0.
STOPSIGNAL SIGTERM
CMD ["node", "--max-old-space-size=1024", "--max-semi-space-size=4", "--import", "tsx", "scripts/start.ts"]
