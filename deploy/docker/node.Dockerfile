# syntax=docker/dockerfile:1
#
# One image recipe for every Node service of the monorepo (see deploy/docker/README.md).
#
#   docker build -f deploy/docker/node.Dockerfile --build-arg SERVICE=registry -t dpi/registry .
#   docker build -f deploy/docker/node.Dockerfile --target all -t dpi/init .
#
# Build context: the repository root (filtered by /.dockerignore).
#
# Stages
#   manifests  package.json files + package-lock.json only, so `npm ci` below stays cached
#              until a manifest or the lockfile changes (not on every source edit)
#   deps       npm ci (all dependencies, dev included; install scripts are not needed)
#   build      nx builds every project once, prunes dev dependencies and lays out /out.
#              It does not depend on SERVICE, so `docker compose build` runs it once and all
#              images share it.
#   runtime    node:20-bookworm-slim + healthcheck, user `node`  (base of the two targets below)
#   all        every service + every lib: the one-shot `init` container (topics + migrations)
#   service    ONE service (build arg SERVICE); the default target (last stage)
#
# Runtime layout (identical to the workspace, so the npm workspace symlinks
# node_modules/@dpi/<lib> -> ../../libs/<lib> keep resolving):
#   /app/package.json
#   /app/node_modules/...                  production dependencies only
#   /app/libs/<lib>/{package.json,dist}    every lib that has a build output
#   /app/services/<svc>/{package.json,dist}
#   /app/healthcheck.cjs

ARG NODE_IMAGE=node:20-bookworm-slim

# --------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
# Keep the directory structure (cp --parents): npm needs libs/<x>/package.json and
# services/<x>/package.json at their workspace paths to link the workspaces.
RUN mkdir /manifests \
 && cp --parents package.json package-lock.json libs/*/package.json services/*/package.json /manifests/

# --------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV CI=true \
    NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_SKIP_NX_CACHE=true \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --ignore-scripts --no-audit --no-fund

# --------------------------------------------------------------------------------------------
FROM deps AS build
COPY . .
# Build every project (libs, services, dashboard) once; nx orders them by the project graph.
RUN npx nx run-many -t build --outputStyle=static
# Drop dev dependencies (nx, swc, vite, jest, ...); the workspace links stay.
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund
# Assemble exactly what the runtime images need (projects without a build output, e.g. test-only
# ones, are skipped):
#   /out/common   package.json, node_modules, libs/<lib>/{package.json,dist}
#   /out/services services/<svc>/{package.json,dist}
RUN set -eu; \
    mkdir -p /out/common /out/services; \
    cp -a package.json node_modules /out/common/; \
    for dir in libs/*/; do \
      name="$(basename "$dir")"; \
      if [ -d "$dir/dist" ]; then \
        mkdir -p "/out/common/libs/$name"; \
        cp -a "$dir/package.json" "$dir/dist" "/out/common/libs/$name/"; \
      fi; \
    done; \
    for dir in services/*/; do \
      name="$(basename "$dir")"; \
      if [ -d "$dir/dist" ]; then \
        mkdir -p "/out/services/$name"; \
        cp -a "$dir/package.json" "$dir/dist" "/out/services/$name/"; \
      fi; \
    done; \
    echo "libs: $(ls /out/common/libs | tr '\n' ' ')"; \
    echo "services: $(ls /out/services | tr '\n' ' ')"

# --------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    npm_config_update_notifier=false
WORKDIR /app
COPY deploy/docker/healthcheck.cjs /app/healthcheck.cjs
# Files stay owned by root (read-only for the process); the process runs as `node` (uid 1000).
COPY --from=build /out/common/ /app/
USER node
# Liveness only (the process answers); docker-compose.yml probes /health/ready instead.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "/app/healthcheck.cjs", "/health/live"]

# --------------------------------------------------------------------------------------------
# Every service: used by the one-shot init container of docker-compose.yml:
#   node /app/libs/kafka/dist/cli/ensure-topics.js
#   node /app/services/<registry|harvester|reporting>/dist/migrate.js
FROM runtime AS all
COPY --from=build /out/services/ /app/services/
ENV DPI_SERVICE=all
WORKDIR /app
HEALTHCHECK NONE
CMD ["sh", "-c", "node libs/kafka/dist/cli/ensure-topics.js && node services/registry/dist/migrate.js && node services/harvester/dist/migrate.js && node services/reporting/dist/migrate.js"]

# --------------------------------------------------------------------------------------------
# One service; default target. SERVICE: registry | harvester | reporting | dashboard
FROM runtime AS service
ARG SERVICE
# Copying .../${SERVICE}/dist fails the build when SERVICE is empty or unknown.
COPY --from=build /out/services/${SERVICE}/package.json /app/services/${SERVICE}/package.json
COPY --from=build /out/services/${SERVICE}/dist /app/services/${SERVICE}/dist
ENV DPI_SERVICE=${SERVICE}
WORKDIR /app/services/${SERVICE}
# `node .` starts the file named by "main" in services/<svc>/package.json:
# dist/main.js for the NestJS services, dist/server/main.js for the dashboard.
CMD ["node", "."]
