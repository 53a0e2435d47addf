#!/usr/bin/env bash
# The README's Java examples from a project of their own, on the installed artifacts, as a new
# user runs them: installs the client, starts the packaged server on free ports, compiles this
# project (pom.xml: the README's <dependency>) and runs QuickStart and SpaazaQuickStart against it;
# then runs the README's JUnit 5 example (examples/junit-extension) on the installed extension.
# Needs the server jar (`mvn -B verify` or `package` first). Exit 0 when both print what they should.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
jar=server-jaxrs/target/standin-server.jar
[ -f "$jar" ] || { echo "check.sh: $jar is missing; run mvn -B package first" >&2; exit 1; }

mvn -B -q install -DskipTests -Djib.skip=true -Dcds.skip=true -pl client-java,junit-extension -am

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
apify_port=$(free_port)
spaaza_port=$(free_port)
work=$(mktemp -d)
log="$work/server.log"
java -jar "$jar" --port "$apify_port" --spaaza-port "$spaaza_port" --data-dir "$work/data" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 60); do
  grep -q 'Spaaza chain 1 with privileged token' "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
apify_token=$(sed -n 's/.*API token: \(apify_api_[A-Za-z0-9]*\).*/\1/p' "$log")
spaaza_token=$(sed -n 's/.*privileged token: \([^ ]*\).*/\1/p' "$log")
[ -n "$apify_token" ] && [ -n "$spaaza_token" ] || { echo "check.sh: no tokens printed:" >&2; cat "$log" >&2; exit 1; }

pom=examples/java-client/pom.xml
mvn -B -q -f "$pom" compile
apify=$(mvn -B -q -f "$pom" exec:java -Dexec.mainClass=dev.standin.examples.QuickStart \
  -Dexec.args="http://localhost:$apify_port $apify_token")
echo "QuickStart: $apify"
spaaza=$(mvn -B -q -f "$pom" exec:java -Dexec.mainClass=dev.standin.examples.SpaazaQuickStart \
  -Dexec.args="http://localhost:$spaaza_port $spaaza_token")
echo "SpaazaQuickStart: $spaaza"

case "$apify" in
  *maxItems=20*proxy=null*|*proxy=null*maxItems=20*) ;;
  *) echo "check.sh: QuickStart printed an unexpected input" >&2; exit 1 ;;
esac
case "$spaaza" in
  *"ready; task "*" "*"http://localhost:$spaaza_port/"*) ;;
  *) echo "check.sh: SpaazaQuickStart printed no link to this server" >&2; exit 1 ;;
esac
echo "check.sh: the README's Java examples compile and run against the installed client"

# The README's JUnit 5 example ("Use it in your tests"): its test class and seed, in a project of
# their own on the installed junit-extension; both tests must pass.
mvn -B -q -f examples/junit-extension/pom.xml test
echo "check.sh: the README's JUnit 5 example passes on the installed junit-extension"
