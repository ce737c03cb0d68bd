#!/usr/bin/env bash
# The README's Maven snippet ("Using it in your project") builds a project as pasted: takes the XML
# between <!-- maven-snippet:start --> and <!-- maven-snippet:end --> in README.md, puts it in a
# throwaway pom (nothing else in <build>: the snippet alone must make the processor run), adds a
# Users class with an @Cached method and a Main that uses the generated UsersCached, and runs
# `mvn -B -q package` on it against the cachegen version installed in the local repository.
# Arguments go to mvn, and mvn reads MAVEN_OPTS as usual, e.g.
#   bash .ci/readme-snippet.sh -o -Dmaven.repo.local=/tmp/m2
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

version=$(sed -n '/<artifactId>cachegen-parent<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;q;}' "$root/pom.xml")
if [ -z "$version" ]; then
  echo "readme-snippet: cannot read the project version from pom.xml" >&2
  exit 1
fi

# The lines between the markers, less the ``` fences.
snippet=$(sed -n '/<!-- maven-snippet:start/,/<!-- maven-snippet:end -->/p' "$root/README.md" \
  | sed '1d;$d' | grep -v '^```')
if [ -z "$snippet" ]; then
  echo "readme-snippet: no <!-- maven-snippet:start --> ... <!-- maven-snippet:end --> block in README.md" >&2
  exit 1
fi
# The snippet names the version users paste; it must be the one this build installs.

cachegen_versions=$(grep -A2 '<groupId>io.cachegen</groupId>' <<<"$snippet" | grep -o '<version>[^<]*</version>' | sort -u)
if [ "$cachegen_versions" != "<version>$version</version>" ]; then
  echo "readme-snippet: the README's snippet names cachegen $cachegen_versions, the build is $version" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/java/demo"
{
  cat <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>demo</groupId>
  <artifactId>readme-snippet</artifactId>
  <version>1</version>
  <properties>
    <!-- as a user's pom says it: source and target (which any compiler plugin reads), and release -->
    <maven.compiler.source>17</maven.compiler.source>
    <maven.compiler.target>17</maven.compiler.target>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
POM
  printf '%s\n' "$snippet"
  echo '</project>'
} >"$work/pom.xml"

cat >"$work/src/main/java/demo/Users.java" <<'JAVA'
package demo;

import io.cachegen.annotations.Cached;

public class Users {
  @Cached(key = "user:{id}", timeout = 60)
  public String user(long id) {
    return "user " + id;
  }
}
JAVA
cat >"$work/src/main/java/demo/Main.java" <<'JAVA'
package demo;

public class Main {
  public static void main(String[] args) {
    Users users = new UsersCached();
    System.out.println(users.user(42) + " " + UsersCached.keyForUser(42));
  }
}
JAVA

if ! mvn -B -q -f "$work/pom.xml" package "$@"; then
  echo "readme-snippet: FAILED: a project with the README's Maven snippet (cachegen $version) does not build" \
    "(its pom below)" >&2
  cat -n "$work/pom.xml" >&2
  exit 1
fi
echo "readme-snippet: a project with the README's Maven snippet builds against cachegen $version"
