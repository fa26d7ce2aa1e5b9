#!/usr/bin/env bash
# Loop's one entry point. Usage: ./run.sh [help|sandbox|test|bench|check|invite|backup]  (no argument: run the bot)
set -euo pipefail
cd "$(dirname "$0")"

die() { echo "run.sh: $*" >&2; exit 1; }

java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

find_jdk() { # sets JAVA_HOME to a JDK >= 21: JAVA_HOME first, then /usr/lib/jvm/*
  local candidates=() best="" best_v=0 v c
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/*; do [ -d "$c" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v=$(java_major "$c/bin/java"); [ -n "$v" ] || continue
    if [ "$v" -ge 21 ]; then
      if [ "$c" = "${JAVA_HOME:-}" ]; then best="$c"; best_v=$v; break; fi
      if [ "$v" -gt "$best_v" ]; then best="$c"; best_v=$v; fi
    fi
  done
  [ -n "$best" ] || die "no JDK 21 or newer found (looked at JAVA_HOME='${JAVA_HOME:-}' and /usr/lib/jvm/*). Install one (e.g. apt-get install openjdk-21-jdk-headless, or Temurin 21+) or set JAVA_HOME to it."
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven's own libraries still use sun.misc.Unsafe; keep newer JDKs from warning about it on every build
  if [ "$best_v" -ge 24 ]; then export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; fi
}

need_maven() {
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is not installed: install it (e.g. apt-get install maven) and run again."
}

JAR=target/loop.jar

build_if_needed() {
  if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml schema.sql -newer "$JAR" -print -quit 2>/dev/null)" ]; then
    need_maven
    echo "Building Loop…" >&2
    mvn -q -B -DskipTests package >&2 || die "the build failed (see above)"
  fi
}

# Loop's footprint (README, Performance): a small young generation (8 MB: a bot's garbage is short-lived, and each
# collection of it is short) whose old generation gives memory back after a collection, a capped code cache, native
# memory handed back to the OS and few malloc arenas keep it under 200 MB resident with 50,000 members. Only the C1
# compiler: a bot's work is mostly waiting, and C2's compilations held 5-10 MB of arenas, and more of freed malloc, for
# seconds at a time (20-40 MB more resident on a busy host), for code that answers an interaction a few tenths of a
# millisecond sooner. The memory benchmark starts Loop the same way: keep MemoryBench.RUN_FLAGS in step.
# The application class-data archive (target/loop.jsa) is written by the JVM when Loop first stops and mapped on every
# later start, which cuts start-up and class metadata; the JDK itself notices a rebuilt jar and writes a fresh one.
# Its notes about classes it skips while writing the archive are the JVM's business, not the operator's: -Xlog:cds*=off.
LOOP_JAVA_FLAGS=(-XX:+UseSerialGC -Xss512k -XX:MaxRAM=512m -Xmn8m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
  -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=40m -XX:TrimNativeHeapInterval=5000 -Djava.awt.headless=true
  -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=target/loop.jsa -Xlog:cds*=off)

run_main() { # runs the entry point $1 (a class in the jar) with Loop's JVM flags and the remaining arguments
  local main="$1"; shift
  export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
  exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${LOOP_JAVA_FLAGS[@]}" \
    -Dlogback.configurationFile=config/logback.xml -cp "$JAR" "$main" "$@"
}

run_jar() { run_main dev.loop.app.Main "$@"; }

usage() {
  cat <<'USAGE'
./run.sh            build if needed and run Loop (needs DISCORD_TOKEN and config/loop.yaml)
./run.sh sandbox    Loop against the built-in Discord simulator with a demo community; no token needed
                    (--stay keeps it running so you can act as a member)
./run.sh test       the whole test suite
./run.sh bench      the benchmarks (./run.sh bench NAME for one; --noisy also beside a CPU hog; --strict)
./run.sh check      validate config/loop.yaml (and, with DISCORD_TOKEN, what the bot can see)
./run.sh invite     print the invite URL with the scopes and permissions Loop needs
./run.sh backup     a consistent copy of the database, safe while Loop runs
                    (default data/backups/loop-YYYYMMDD-HHMMSS.db; ./run.sh backup FILE to choose)
./run.sh help       this text
USAGE
}

cmd="${1:-run}"; [ $# -gt 0 ] && shift
case "$cmd" in
  help|-h|--help) usage ;;
  run)
    find_jdk; build_if_needed
    [ -n "${DISCORD_TOKEN:-}" ] || die "DISCORD_TOKEN is not set. Export your bot token, or try Loop without one: ./run.sh sandbox"
    run_jar run ;;
  sandbox) find_jdk; build_if_needed; run_main dev.loop.sandbox.SandboxMain "$@" ;;
  check) find_jdk; build_if_needed; run_jar check "$@" ;;
  invite) find_jdk; build_if_needed; run_jar invite "$@" ;;
  backup) find_jdk; build_if_needed; run_jar backup "$@" ;;
  test)
    find_jdk; need_maven
    exec mvn -B -ntp test "$@" ;;
  bench)
    find_jdk; build_if_needed
    # The benchmark JVM also hosts the simulator and the baseline bots, so it gets more heap than Loop alone;
    # the memory benchmark starts Loop in its own JVM with run_jar's flags.
    exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xss512k -Xmx1g \
      -Dlogback.configurationFile=config/logback.xml -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
      -cp "$JAR" dev.loop.bench.BenchMain "$@" ;;
  *) usage >&2; die "unknown command '$cmd'" ;;
esac
