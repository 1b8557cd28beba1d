#!/usr/bin/env bash
# Start PEP Voice on loopback: the action server, Rasa, and the API with its pages.
# Migrates and seeds the demo authority first; Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

export PEP_VOICE_HOST=127.0.0.1
export PEP_VOICE_PORT="${PEP_VOICE_PORT:-8000}"
export PEP_VOICE_DEMO_MODE=true
export PEP_VOICE_API_URL="http://127.0.0.1:${PEP_VOICE_PORT}"
# Fresh secrets for every run: nothing printed in this repository signs anything.
export PEP_VOICE_SECRET_KEY="${PEP_VOICE_SECRET_KEY:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(48))')}"
export PEP_VOICE_SERVICE_TOKEN="${PEP_VOICE_SERVICE_TOKEN:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')}"
export SANIC_HOST=127.0.0.1 RASA_TELEMETRY_ENABLED=false
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
LOGS=var/log
mkdir -p "$LOGS"

.venv/bin/pep-voice migrate
.venv/bin/pep-voice seed-demo

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "Stopping PEP Voice…"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

(cd bot && exec ../.venv-bot/bin/python -m rasa_sdk --actions actions --port 5055 --quiet) >"$LOGS/actions.log" 2>&1 &
pids+=($!)
(cd bot && exec ../.venv-bot/bin/rasa run --enable-api -i 127.0.0.1 -p 5005 \
  --model models/pep-voice.tar.gz --endpoints endpoints.yml --credentials credentials.yml) >"$LOGS/rasa.log" 2>&1 &
pids+=($!)
.venv/bin/uvicorn --factory api.main:app_factory --host 127.0.0.1 --port "$PEP_VOICE_PORT" \
  --no-access-log >"$LOGS/api.log" 2>&1 &
pids+=($!)

wait_for() {  # name url seconds
  for _ in $(seq 1 "$3"); do
    if curl -fs -o /dev/null "$2"; then return 0; fi
    sleep 1
  done
  echo "$1 did not start; see $LOGS/" >&2
  return 1
}
wait_for "The API" "http://127.0.0.1:${PEP_VOICE_PORT}/api/v1/health" 60
wait_for "The action server" "http://127.0.0.1:5055/health" 120
wait_for "Rasa" "http://127.0.0.1:5005/status" 240

cat <<INFO

PEP Voice is running on loopback.
  Pages and API:   http://127.0.0.1:${PEP_VOICE_PORT}/   (API docs: /docs)
  Rasa:            http://127.0.0.1:5005/
  Action server:   http://127.0.0.1:5055/health

Demo sign-ins (password: demo-password):
  demo-vs   virtual school          demo-dt   designated teacher
  demo-sw   social worker           demo-ta   teaching assistant
  other-dt  designated teacher at a second school

Logs are in ${LOGS}/. Press Ctrl-C to stop.
INFO
wait -n "${pids[@]}"
echo "A service stopped; see ${LOGS}/" >&2
