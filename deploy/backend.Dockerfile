# The Caseflow backend with the built UI and the bundled templates.
#   docker build -f deploy/backend.Dockerfile -t caseflow-backend .
# Build context: the repository root.

FROM node:20-bookworm-slim AS build
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

FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY editor-ui/package.json editor-ui/
# Runtime dependencies of the backend only (no dev tools, no UI toolchain).
RUN npm install --omit=dev --workspace backend --no-audit --no-fund

FROM node:20-bookworm-slim
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
