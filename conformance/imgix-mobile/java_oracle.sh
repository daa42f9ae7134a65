#!/usr/bin/env bash
# Runs JavaOracle.java on cases read from stdin (JSON), with imgix-java 2.3.2 on the class path.
#   IMGIX_JAVA_CLASSPATH=<jar or class dir> bash java_oracle.sh < cases.json
# Without IMGIX_JAVA_CLASSPATH, the published jar com.imgix:imgix-java:2.3.2 is resolved from
# Maven Central into lib/ (pom.xml). The oracle fails, never falls back, when neither works.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CP="${IMGIX_JAVA_CLASSPATH:-}"
if [ -z "$CP" ]; then
  if ! ls "$HERE"/lib/imgix-java-2.3.2.jar >/dev/null 2>&1; then
    mvn -q -B -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$HERE/lib" >&2
  fi
  CP="$HERE/lib/imgix-java-2.3.2.jar"
fi
exec java -Dfile.encoding=UTF-8 -cp "$CP" "$HERE/JavaOracle.java"
