# Plex Cache's caching proxy in a container, for a NAS or any Docker host next to Plex:
# `plex-cache serve` on 0.0.0.0:32499, so every tool in the household can use one cache.
# Every request through it still needs a Plex token the server accepts (see the README,
# "Use the cache from your tools"). Not run on the project's own machines, which have no Docker.
#
#   docker build -t plex-cache .
#   docker run -d -p 32499:32499 -v plex-cache-data:/data \
#     -e PLEX_URL=http://192.168.1.10:32400 -e PLEX_TOKEN=... plex-cache

# Build stage: the dev tools compile the CLI into one file, out/cli/index.cjs.
FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
RUN npm run build

# Run stage: only the CLI bundle and the runtime dependencies (better-sqlite3 ships a prebuilt
# linux binary for glibc, which node:22-slim is; .npmrc keeps install scripts off).
FROM node:22-slim
WORKDIR /app
ENV NODE_ENV=production \
    PLEX_CACHE_DATA_DIR=/data
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force
COPY bin/plex-cache.cjs ./bin/plex-cache.cjs
COPY scripts/check-node.cjs ./scripts/check-node.cjs
COPY --from=build /app/out/cli ./out/cli
# The cache file, settings.json and the client id live here: keep it on a volume across upgrades.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 32499
# PLEX_URL and PLEX_TOKEN (the server and the token the cache reads it with) come from the environment.
ENTRYPOINT ["node", "bin/plex-cache.cjs"]
CMD ["serve", "--host", "0.0.0.0", "--port", "32499"]
