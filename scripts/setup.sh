#!/usr/bin/env bash
# Installs everything Petakerja needs on a Debian machine with Node 20: Debian's Chromium and fonts
# (SOP PDFs and browser tests), PostgreSQL (the store tests run against it too), poppler-utils (PDF checks in tests, pdfsig), openssl (test certificates), LibreOffice headless (Word and Excel SOP
# documents are drawn as PDF to be read; its Python scripting draws the test documents), then the npm packages.
# Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

node -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Petakerja membutuhkan Node.js 20.19 atau lebih baru; terpasang ${process.version}.`);
    process.exit(1);
  }'

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
# openssl: the electronic-signature tests make their test CA and certificates with it (issue 19); pdfsig is poppler's.
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || dpkg -s libreoffice-writer >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || dpkg -s libreoffice-calc >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
dpkg -s python3-uno >/dev/null 2>&1 || missing+=(python3-uno)
# PostgreSQL: the tests start a throwaway server of their own (test/helpers/postgres-server.ts) to run the store and
# API suites against the PostgreSQL store too (issue 18); the quick start itself keeps the embedded store.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if ((${#missing[@]} > 0)); then
  echo "Memasang paket Debian: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci only when the installed tree is older than the lock file (it wipes node_modules every time).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Memasang paket npm…"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The server and CLI run as compiled JavaScript (dist/server/); npm start and npm run petakerja rebuild it when stale.
node scripts/build-server.mjs --if-needed
