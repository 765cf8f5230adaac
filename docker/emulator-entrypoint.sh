#!/bin/sh
# Runs the chat emulator and writes the credentials it prints on start (its "EMULATOR {json}" line) to a properties
# file for Kafka Connect's FileConfigProvider, so that the connector configs in config/ name them as
# ${file:/etc/chatconnect/secrets.properties:<key>} and hold no secret themselves.
#
#   emulator-entrypoint.sh [emulator options]      e.g. --port 8080 --seed 20200722 --rate 1 (java -jar ... --help)
#
# Environment: EMULATOR_JAR (default /opt/chatconnect/chat-emulator.jar), SECRETS_FILE (default
# /etc/chatconnect/secrets.properties), JAVA_OPTS. The image of emulator/Dockerfile runs it as its entrypoint; it works
# the same on a host (config/connect-standalone.properties shows how).
set -eu

jar=${EMULATOR_JAR:-/opt/chatconnect/chat-emulator.jar}
secrets=${SECRETS_FILE:-/etc/chatconnect/secrets.properties}
keys="mixer.client.id mixer.oauth.token osu.client.id osu.client.secret osu.refresh.token"

# A file left from an earlier run holds credentials this run does not accept (osu! refresh tokens are random):
# remove it, so that whoever waits for the file (the compose health check) waits for this run's.
rm -f "$secrets"
log=$(mktemp)
# stdin from /dev/null: the emulator reads operator commands from stdin and keeps serving at its end.
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$jar" "$@" </dev/null >"$log" 2>&1 &
pid=$!
tail -n +1 -f "$log" &
tail_pid=$!
stop() {
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    kill "$tail_pid" 2>/dev/null || true
    rm -f "$log"
    exit 143
}
trap stop TERM INT

line=""
while [ -z "$line" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
        status=0
        wait "$pid" || status=$?
        kill "$tail_pid" 2>/dev/null || true
        echo "emulator-entrypoint: the emulator exited ($status) before printing its EMULATOR line" >&2
        exit "${status:-1}"
    fi
    line=$(grep -m 1 '^EMULATOR {' "$log" || true)
    [ -n "$line" ] || sleep 0.2
done

json=${line#EMULATOR }
mkdir -p "$(dirname "$secrets")"
tmp="$secrets.tmp.$$"
# Readable by the Connect worker (another container, another user), which mounts the volume holding it read-only.
umask 022
{
    echo "# Written by emulator-entrypoint.sh from the EMULATOR line of the emulator started $(date -u +%Y-%m-%dT%H:%M:%SZ)."
    for key in $keys; do
        pattern=$(printf '%s' "$key" | sed 's/\./\\./g')
        value=$(printf '%s' "$json" | sed -n "s/.*\"$pattern\":\"\([^\"]*\)\".*/\1/p")
        if [ -z "$value" ]; then
            echo "emulator-entrypoint: no $key in: $line" >&2
            exit 1
        fi
        printf '%s=%s\n' "$key" "$value"
    done
} >"$tmp"
mv "$tmp" "$secrets"
echo "emulator-entrypoint: wrote $secrets ($keys)"

status=0
wait "$pid" || status=$?
kill "$tail_pid" 2>/dev/null || true
rm -f "$log"
exit "$status"
