#!/usr/bin/env bash
# Installs what the tests need (npm packages; Debian's Chromium when missing) and runs every test:
# type-check, unit tests (Vitest), production build, browser tests (Playwright in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund

if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium (Playwright cannot download browsers here)…"
  SUDO=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

npm test
