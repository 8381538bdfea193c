#!/usr/bin/env bash
# The README's two commands land here (`npm start`, `npm test`): install what they need on a
# machine that has only Node.js, then hand over to the TypeScript scripts.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1

say() { printf '\033[1m» %s\033[0m\n' "$*"; }

# pnpm, at the version package.json pins (corepack is not reliable on closed networks).
want_pnpm=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$want_pnpm" ]; then
  if [ -x ".tools/node_modules/.bin/pnpm" ] && [ "$(.tools/node_modules/.bin/pnpm --version)" = "$want_pnpm" ]; then
    :
  elif [ -w "$(npm prefix -g)" ]; then
    say "Installing pnpm $want_pnpm"
    npm install --global --no-fund --no-audit "pnpm@$want_pnpm" >/dev/null
  else
    say "Installing pnpm $want_pnpm into .tools/ (no write access to npm's global folder)"
    npm install --prefix .tools --no-fund --no-audit --no-save "pnpm@$want_pnpm" >/dev/null
  fi
fi
[ -x ".tools/node_modules/.bin/pnpm" ] && export PATH="$PWD/.tools/node_modules/.bin:$PATH"

say "Installing dependencies"
pnpm install --frozen-lockfile --reporter=append-only 2>&1 | grep -Ev '^(Progress|Downloading)' || {
  echo "pnpm install failed: see the lines above." >&2
  exit 1
}

case "${1:-}" in
  start)
    exec pnpm --silent dev:start
    ;;
  test)
    if [ ! -x /usr/bin/chromium ]; then
      if [ "$(id -u)" = 0 ]; then
        say "Installing Debian's chromium for the browser tests (about a minute)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
      else
        echo "The browser tests need Debian's chromium. Install it once, then run npm test again:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
        exit 1
      fi
    fi
    exec pnpm --silent dev:test
    ;;
  *)
    echo "usage: scripts/bootstrap.sh start|test" >&2
    exit 2
    ;;
esac
