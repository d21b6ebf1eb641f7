#!/usr/bin/env bash
# The whole test suite: what a fresh machine lacks for it, then lint, types, unit and integration tests on
# the embedded PGlite AND the local PostgreSQL, then end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
mkdir -p .tmp

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
die() { printf '\n\033[31mERRO: %s\033[0m\n' "$*" >&2; exit 1; }

[[ -x node_modules/.bin/node ]] || die "dependências ausentes: rode 'npm install' antes de 'npm test'."
[[ "$(node --version)" == v24.* ]] || die "os testes precisam do Node 24 (encontrado $(node --version)); rode 'npm install'."

say "Requisitos do sistema"
bash scripts/ensure-test-deps.sh

say "Lint (biome)"
biome check .

say "Tipos (tsc)"
npm run --silent typecheck

say "Build da interface"
npm run --silent build -w @piloto/web

say "Testes unitários e de integração — PGlite embutido"
TEST_DB=pglite vitest run --reporter=default --reporter=json --outputFile.json=.tmp/results-pglite.json

say "Testes de integração — PostgreSQL local (${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test})"
TEST_DB=postgres vitest run apps/api --reporter=default --reporter=json --outputFile.json=.tmp/results-postgres.json

say "Ponta a ponta — Chromium headless"
vitest run --config e2e/vitest.config.ts --reporter=default --reporter=json --outputFile.json=.tmp/results-e2e.json

node scripts/summarize-tests.ts .tmp/results-pglite.json .tmp/results-postgres.json .tmp/results-e2e.json
