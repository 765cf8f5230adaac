#!/usr/bin/env bash
# The local demo, no Docker: builds the project, then runs an embedded Kafka broker and Connect worker, the emulator
# with live chat traffic and the connectors, and shows what flows into Kafka. Ctrl-C stops it.
#   ./demo.sh                 run until Ctrl-C
#   ./demo.sh --seconds 30    run 30 s, print a summary, exit
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests install
mvn -B -q -pl demo dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Xmx1g -cp "demo/target/classes:$(cat demo/target/classpath.txt)" dev.chatconnect.demo.DemoMain "$@"
