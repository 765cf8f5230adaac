#!/bin/sh
# One-shot: waits for the Kafka Connect REST API, then creates every connector config given (JSON files in the
# {"name": ..., "config": {...}} form of POST /connectors). A connector that exists already is left as it is, so
# running this again (docker compose up, a second time) is harmless; to change one, use PUT /connectors/<name>/config.
#
#   register-connectors.sh config/mixer-source.json config/osu-source.json config/chat-sink.json
#
# Environment: CONNECT_URL (default http://connect:8083), CONNECT_WAIT_SECONDS (default 300).
set -eu

url=${CONNECT_URL:-http://connect:8083}
wait_seconds=${CONNECT_WAIT_SECONDS:-300}
[ "$#" -gt 0 ] || { echo "usage: $0 connector.json..." >&2; exit 2; }

waited=0
until curl -fsS -o /dev/null "$url/connectors"; do
    if [ "$waited" -ge "$wait_seconds" ]; then
        echo "register-connectors: no Kafka Connect at $url after ${wait_seconds}s" >&2
        exit 1
    fi
    sleep 2
    waited=$((waited + 2))
done
echo "register-connectors: Kafka Connect is up at $url; plugins:"
curl -fsS "$url/connector-plugins?connectorsOnly=true"
echo

failed=0
for file in "$@"; do
    attempt=1
    while :; do
        status=$(curl -sS -o /tmp/register-response.json -w '%{http_code}' -X POST \
            -H 'Content-Type: application/json' --data-binary "@$file" "$url/connectors") || status=000
        body=$(cat /tmp/register-response.json 2>/dev/null || true)
        case "$status" in
            201) echo "register-connectors: created $file"; break ;;
            409) case "$body" in
                     *"already exists"*) echo "register-connectors: $file exists already, left unchanged"; break ;;
                 esac ;;            # otherwise a rebalance is in progress: retry
            000|5*) ;;              # the worker is still joining its group: retry
            *) echo "register-connectors: $file answered HTTP $status: $body" >&2; failed=1; break ;;
        esac
        if [ "$attempt" -ge 30 ]; then
            echo "register-connectors: $file still answered HTTP $status after $attempt attempts: $body" >&2
            failed=1
            break
        fi
        attempt=$((attempt + 1))
        sleep 2
    done
done
exit "$failed"
