# shellcheck shell=bash
# Sourced by scripts: point JAVA_HOME at the newest JDK >= 21 under /usr/lib/jvm (the default java here is 17).
gpkg311_find_jdk() {
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -x "$d/bin/javac" ] || continue
    v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/{print $2}')
    v=${v%%.*}
    [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ] && { best=$d; best_v=$v; }
  done
  [ -n "$best" ] && echo "$best"
}
# shellcheck disable=SC2317  # (exit is reached when the file is run, not sourced)
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(gpkg311_find_jdk) || { echo "no JDK >= 21 under /usr/lib/jvm" >&2; return 1 2>/dev/null || exit 1; }
  export JAVA_HOME
fi
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's bundled Guava calls sun.misc.Unsafe, which JDK 24+ reports on every build; allow it quietly there.
if "$JAVA_HOME/bin/java" -XX:+IgnoreUnrecognizedVMOptions --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
  case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe-memory-access*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi
