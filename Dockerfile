# The app image for docker compose: Node 20, the built web app, the API. Neo4j runs in its own
# container (see docker-compose.yml), so the embedded launcher and Java are not needed here.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=build /app /app
EXPOSE 3000
USER node
# The Node flags of `npm start` (package.json): a young generation of 64 MB, see bench/README.md "Cold reads".
CMD ["npx", "tsx", "--max-semi-space-size=64", "server/main.ts"]
