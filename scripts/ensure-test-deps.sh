#!/usr/bin/env bash
# Makes sure the machine has what the tests need, installing it where it can (root on Debian),
# and says exactly what is missing where it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
can_install() { [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; }
apt_updated=0
apt_install() {
  if ((apt_updated == 0)); then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# 1. Debian's Chromium for the end-to-end tests.
if [[ ! -x /usr/bin/chromium ]]; then
  if can_install; then
    echo "instalando chromium (Debian)..."
    apt_install chromium fonts-liberation
  else
    echo "FALTA: Chromium. Instale com: sudo apt-get install chromium fonts-liberation" >&2
    exit 1
  fi
fi
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
# Emoji in the screenshots (the agent writes 🙂): without a color emoji font they come out as boxes.
if ! fc-list 2>/dev/null | grep -qi 'emoji'; then
  if can_install; then
    apt_install fonts-noto-color-emoji || echo "aviso: sem fonte de emoji; os screenshots mostram quadrados" >&2
  else
    echo "aviso: sem fonte de emoji (sudo apt-get install fonts-noto-color-emoji); os screenshots mostram quadrados" >&2
  fi
fi

# 2. A running PostgreSQL for the integration tests.
if ! node scripts/check-postgres.ts "$PG_URL" connect 2>/dev/null; then
  if [[ -z ${TEST_DATABASE_URL:-} ]] && command -v pg_ctlcluster >/dev/null && [[ $(id -u) == 0 ]]; then
    echo "iniciando o PostgreSQL local..."
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
    sleep 2
  fi
  node scripts/check-postgres.ts "$PG_URL" connect ||
    { echo "FALTA: PostgreSQL em $PG_URL. Inicie o servidor ou defina TEST_DATABASE_URL." >&2; exit 1; }
fi

# 3. pgvector in that PostgreSQL (Debian 12 has no package: build it from Debian's source).
if ! node scripts/check-postgres.ts "$PG_URL" vector; then
  if can_install && [[ -z ${TEST_DATABASE_URL:-} ]]; then
    echo "instalando pgvector no PostgreSQL local (compilado do fonte do Debian)..."
    bash scripts/install-pgvector.sh
  else
    echo "FALTA: a extensão pgvector no PostgreSQL de $PG_URL. Em Debian, como root: bash scripts/install-pgvector.sh" >&2
    exit 1
  fi
fi
node scripts/check-postgres.ts "$PG_URL" report
