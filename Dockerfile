# syntax=docker/dockerfile:1
# Multi-stage build: compile with dev dependencies, ship only production ones.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json nest-cli.json openapi.json redocly.yaml ./
COPY src ./src
COPY scripts ./scripts
COPY test ./test
COPY bench ./bench
COPY web ./web
# The API (tsc) and the dashboard (web/ → dist/dashboard, served at /dashboard).
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
# tini reaps the embedded PostgreSQL's processes and forwards signals.
RUN apt-get update && apt-get install -y --no-install-recommends tini curl && rm -rf /var/lib/apt/lists/*
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/health/live" || exit 1
ENTRYPOINT ["/usr/bin/tini", "--"]
# APP_ROLE=api|worker|all selects what this container runs.
CMD ["node", "dist/src/main.js"]
