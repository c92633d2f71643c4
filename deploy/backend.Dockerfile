# The Caseflow backend with the built UI and the bundled templates.
#   docker build -f deploy/backend.Dockerfile -t caseflow-backend .
# Build context: the repository root.

FROM node:24-bookworm-slim AS build
WORKDIR /src
# better-sqlite3 compiles when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY editor-ui/package.json editor-ui/
RUN npm install --no-audit --no-fund
COPY tsconfig.json ./
COPY backend backend
COPY editor-ui editor-ui
RUN npm run build -w backend && npm run build -w editor-ui

FROM node:24-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY editor-ui/package.json editor-ui/
# Runtime dependencies of the backend only (no dev tools, no UI toolchain).
RUN npm install --omit=dev --workspace backend --no-audit --no-fund
# better-sqlite3 is compiled against Node 24.18.1's headers, not the image's: from 24.19 on,
# node_object_wrap.h (compiled into the addon) makes a garbage collection outside any V8 context
# abort the process (nodejs/node#65446). 24.18.1's ObjectWrap predates that and every 24.x loads
# the result (one ABI); the grep fails the build should the newer header slip in. The Node 24
# test suites use a binary built the same way (scripts/test/sqlite-binding.ts).
RUN npm_config_build_from_source=true npm_config_target=24.18.1 npm rebuild better-sqlite3 \
 && ! grep -q RemoveEnvironmentCleanupHook node_modules/better-sqlite3/build/Release/better_sqlite3.node

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3100 \
    CASEFLOW_UI_DIST=/app/editor-ui/dist \
    CASEFLOW_TEMPLATES_DIR=/app/templates \
    CASEFLOW_DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY --from=deps /app/package.json ./
COPY backend/package.json backend/
COPY backend/bin backend/bin
COPY --from=build /src/backend/dist backend/dist
COPY --from=build /src/editor-ui/dist editor-ui/dist
COPY templates templates
RUN mkdir -p /data && chown node:node /data && ln -s /app/backend/bin/caseflow.js /usr/local/bin/caseflow
USER node
EXPOSE 3100
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:3100/api/v1/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "backend/dist/main.js"]
