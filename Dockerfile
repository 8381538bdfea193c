# One image for both servers; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
ENV NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 CI=true
RUN npm install --global pnpm@12.4.2
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm exec turbo run build --filter=@hashiya/web... --filter=@hashiya/collab...

FROM node:20-bookworm-slim
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
RUN npm install --global pnpm@12.4.2
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000 1234
CMD ["pnpm", "--filter", "@hashiya/web", "start"]
