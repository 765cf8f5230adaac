#!/usr/bin/env bash
# Builds the bench module and runs WebSocketClientCostBench in a plain JVM (not inside Maven).
# Usage: bench/run-websocket-cost.sh [--clients jdk,okhttp] [--sockets 250,1000,2500] [--url ws://...] [--timeout 60] [--heap 512m]
set -euo pipefail

bench_dir="$(cd "$(dirname "$0")" && pwd)"
classpath_file="$bench_dir/target/classpath.txt"

mvn -B -q -f "$bench_dir/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$classpath_file"

# Each socket is one file descriptor in the client JVM (and one in the server JVM); raise the soft limit to the hard one.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "open-file limit: $(ulimit -n)"

exec java -cp "$bench_dir/target/classes:$(cat "$classpath_file")" dev.chatconnect.bench.WebSocketClientCostBench "$@"
