# syntax=docker/dockerfile:1
# One image for every role: `serve` (the chat adapters) and `worker` (guest checks, kb-sync, digests).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` (the build) needs the sources, copied below.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY scripts/build.mjs ./scripts/build.mjs
COPY src ./src
# The bundle in dist/ holds the compiled CLI, the KB data and the collector script (scripts/build.mjs checks all three).
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    LISBOT_STATE_DIR=/var/lib/lisbot \
    METRICS_PORT=9464
WORKDIR /app
RUN groupadd --system lisbot && useradd --system --gid lisbot --home-dir /var/lib/lisbot --create-home lisbot
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
COPY --chown=root:root bin ./bin
USER lisbot
EXPOSE 3000 9464
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.METRICS_PORT||9464)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "bin/lisbot.js"]
CMD ["serve"]
