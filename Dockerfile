# Multi-stage build: dependencies and build in one stage, a slim runtime in the next.
# Migrations are applied by a one-shot service (docker-compose.yml `migrate`), never by
# each replica: run `npx prisma migrate deploy` with this image before starting it.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci
COPY . .
RUN npx remix vite:build && npm prune --omit=dev

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/app ./app
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/public ./public
COPY package.json prisma.config.ts server.ts ./
EXPOSE 3000
# As scripts/server-command.ts starts it (a 32 MB young generation, decision 040).
CMD ["node", "--max-semi-space-size=32", "--import", "tsx", "server.ts"]
