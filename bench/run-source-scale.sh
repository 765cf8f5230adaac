#!/usr/bin/env bash
# Builds what it needs and runs SourceScaleBench: N Mixer channels in one source task, the emulator in its own JVM.
# Usage: bench/run-source-scale.sh [--channels 10000] [--rate 0.1] [--seconds 60] [--io-threads 2] [--chats-per-minute 500]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install -pl schemas,emulator,connector -am
mvn -B -q -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec java -Xmx4g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.chatconnect.bench.SourceScaleBench "$@"
