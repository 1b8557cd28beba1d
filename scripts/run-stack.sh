#!/usr/bin/env bash
# Start PEP Voice on loopback under supervisord: the action server, Rasa, and the API with its pages.
# Migrates and seeds the demo authority first; Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

export PEP_VOICE_HOST=127.0.0.1
export PEP_VOICE_PORT="${PEP_VOICE_PORT:-8000}"
export PEP_VOICE_RASA_PORT="${PEP_VOICE_RASA_PORT:-5005}"
export PEP_VOICE_ACTIONS_PORT="${PEP_VOICE_ACTIONS_PORT:-5055}"
export PEP_VOICE_DEMO_MODE=true
export PEP_VOICE_API_URL="http://127.0.0.1:${PEP_VOICE_PORT}"
export PEP_VOICE_RASA_URL="http://127.0.0.1:${PEP_VOICE_RASA_PORT}"
export PEP_VOICE_ACTIONS_URL="http://127.0.0.1:${PEP_VOICE_ACTIONS_PORT}/webhook"
# Fresh secrets for every run: nothing printed in this repository signs anything.
export PEP_VOICE_SECRET_KEY="${PEP_VOICE_SECRET_KEY:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(48))')}"
export PEP_VOICE_SERVICE_TOKEN="${PEP_VOICE_SERVICE_TOKEN:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')}"
# The API's key to Rasa's channel, and Rasa's key to the action server.
export PEP_VOICE_RASA_TOKEN="${PEP_VOICE_RASA_TOKEN:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')}"
export PEP_VOICE_ACTIONS_TOKEN="${PEP_VOICE_ACTIONS_TOKEN:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')}"
export SANIC_HOST=127.0.0.1 RASA_TELEMETRY_ENABLED=false
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
# supervisord keeps its socket and every service's log here (scripts/supervisord.conf).
mkdir -p "${PEP_VOICE_LOG_DIR:-var/log}"
export PEP_VOICE_LOG_DIR="$(cd "${PEP_VOICE_LOG_DIR:-var/log}" && pwd)"
LOGS="$PEP_VOICE_LOG_DIR"
# The services' scratch files stay in a folder of ours, not in the machine's /tmp: TensorFlow,
# under Rasa, writes dozens a start and removes them only on a clean exit, so the last run's
# are removed here.
mkdir -p "${PEP_VOICE_TMP_DIR:-var/tmp}"
export TMPDIR="$(cd "${PEP_VOICE_TMP_DIR:-var/tmp}" && pwd)"
find "$TMPDIR" -maxdepth 1 -name '__autograph_generated_file*' -delete

.venv/bin/pep-voice migrate
.venv/bin/pep-voice seed-demo

# supervisord restarts any service that dies; Ctrl-C stops them all.
.venv/bin/supervisord -c scripts/supervisord.conf &
supervisor=$!
stop() {
  trap - INT TERM EXIT
  echo; echo "Stopping PEP Voice…"
  kill "$supervisor" 2>/dev/null || true
  wait "$supervisor" 2>/dev/null || true
}
trap stop INT TERM EXIT

wait_for() {  # name url seconds
  for _ in $(seq 1 "$3"); do
    if curl -fs -o /dev/null "$2"; then return 0; fi
    sleep 1
  done
  echo "$1 did not start; see $LOGS/" >&2
  return 1
}
wait_for "The API" "http://127.0.0.1:${PEP_VOICE_PORT}/api/v1/health" 60
wait_for "The action server" "http://127.0.0.1:${PEP_VOICE_ACTIONS_PORT}/health" 120
wait_for "Rasa" "${PEP_VOICE_RASA_URL}/webhooks/guarded/" 240

cat <<INFO

PEP Voice is running on loopback.
  Pages and API:   http://127.0.0.1:${PEP_VOICE_PORT}/   (API docs: /docs)
  Rasa:            ${PEP_VOICE_RASA_URL}/   (its channel needs PEP_VOICE_RASA_TOKEN)
  Action server:   http://127.0.0.1:${PEP_VOICE_ACTIONS_PORT}/health

Demo sign-ins (password: demo-password):
  demo-vs   virtual school          demo-dt   designated teacher
  demo-sw   social worker           demo-ta   teaching assistant
  demo-dsl  safeguarding lead       other-dt  designated teacher at a second school

Logs are in ${LOGS}/. A service that stops is restarted by supervisord
(PEP_VOICE_LOG_DIR=${LOGS} .venv/bin/supervisorctl -c scripts/supervisord.conf status).
Press Ctrl-C to stop.
INFO
wait "$supervisor"
