#!/usr/bin/env bash
# The README's Spring Boot section makes a complete application as pasted: takes the xml, java and
# yaml blocks between <!-- spring-boot-snippet:start --> and <!-- spring-boot-snippet:end --> in
# README.md, puts them in a throwaway project on spring-boot-starter-parent (with
# spring-boot-starter-web, as the README says), packages it, runs the jar against a private
# redis-server started here on a free port (the README's 127.0.0.1:6379 is replaced; no server this
# script did not start is touched), requests /greet/ada twice and checks that the body ran once and
# the key landed in Redis under the configured prefix. Once per Boot line.
# Arguments go to mvn, e.g. bash .ci/readme-spring-boot.sh -o -Dmaven.repo.local=/tmp/m2
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
boot_lines=(3.5.7 4.0.7)

version=$(sed -n '/<artifactId>cachegen-parent<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;q;}' "$root/pom.xml")
section=$(sed -n '/<!-- spring-boot-snippet:start/,/<!-- spring-boot-snippet:end -->/p' "$root/README.md")
if [ -z "$section" ]; then
  echo "readme-spring-boot: no <!-- spring-boot-snippet:start --> ... end block in README.md" >&2
  exit 1
fi
block() { # the lines of the first ```$1 block of the section
  awk -v lang="$1" '$0 == "```" lang {on=1; next} on && $0 == "```" {exit} on {print}' <<<"$section"
}
xml=$(block xml)
java=$(block java)
yaml=$(block yaml)
for part in xml java yaml; do
  if [ -z "${!part}" ]; then
    echo "readme-spring-boot: the section has no \`\`\`$part block" >&2
    exit 1
  fi
done
if grep -q '<version>' <<<"$xml" && [ "$(grep -o '<version>[^<]*</version>' <<<"$xml" | grep -v "<version>$version</version>" || true)" != "" ]; then
  echo "readme-spring-boot: the README's snippet names another cachegen version than $version" >&2
  exit 1
fi
dependencies=$(awk '/<dependency>/,/<\/dependency>/' <<<"$xml")
plugins=$(awk '/<plugin>/,/<\/plugin>/' <<<"$xml")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

work=$(mktemp -d)
redis_pid=""
app_pid=""
cleanup() {
  # stop (and wait for) what this script started before removing the folder they write in
  for pid in $app_pid $redis_pid; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work" || true
}
trap cleanup EXIT

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" \
  --logfile "$work/redis.log" &
redis_pid=$!

for boot in "${boot_lines[@]}"; do
  app="$work/app-$boot"
  mkdir -p "$app/src/main/java/demo" "$app/src/main/resources"
  cat >"$app/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>$boot</version>
    <relativePath/>
  </parent>
  <groupId>demo</groupId>
  <artifactId>readme-spring-boot</artifactId>
  <version>1</version>
  <properties>
    <java.version>17</java.version>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
    </dependency>
$dependencies
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-maven-plugin</artifactId>
      </plugin>
$plugins
    </plugins>
  </build>
</project>
POM
  {
    cat <<'JAVA'
package demo;

import io.cachegen.annotations.CacheEvict;
import io.cachegen.annotations.Cached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

JAVA
    # one file: the README's public classes become package-private top-level classes here,
    # except the application class, which names the file
    sed -E 's/^public class (GreetingService|Greetings|GreetingController)/class \1/' <<<"$java"
  } >"$app/src/main/java/demo/DemoApplication.java"
  sed "s#redis://127.0.0.1:6379/0#redis://127.0.0.1:$redis_port/0#" <<<"$yaml" \
    >"$app/src/main/resources/application.yml"

  if ! mvn -B -q -f "$app/pom.xml" package -DskipTests "$@"; then
    echo "readme-spring-boot: FAILED: the README's Spring Boot application (Boot $boot, cachegen" \
      "$version) does not build (its pom below)" >&2
    cat -n "$app/pom.xml" >&2
    exit 1
  fi
  port=$(free_port)
  java -jar "$app"/target/readme-spring-boot-1.jar --server.port="$port" >"$app/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/greet/ada" >"$app/first.txt" 2>/dev/null; then break; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then break; fi
    sleep 0.5
  done
  second=$(curl -fsS "http://127.0.0.1:$port/greet/ada" || true)
  first=$(cat "$app/first.txt" 2>/dev/null || true)
  computed=$(grep -c 'computing the greeting for ada' "$app/app.log" || true)
  key=$(redis-cli -p "$redis_port" --raw exists 'myapp:1:greeting:ada')
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  if [ "$first" != "Hello, ada" ] || [ "$second" != "Hello, ada" ] || [ "$computed" != 1 ] || [ "$key" != 1 ]; then
    echo "readme-spring-boot: FAILED on Boot $boot: responses '$first', '$second'; body ran $computed" \
      "times (want 1); key myapp:1:greeting:ada in Redis: $key (want 1). The application's log:" >&2
    cat "$app/app.log" >&2
    exit 1
  fi
  if grep -E ' (WARN|ERROR) ' "$app/app.log" >&2; then
    echo "readme-spring-boot: FAILED on Boot $boot: the README's application logs the warnings above" >&2
    exit 1
  fi
  redis-cli -p "$redis_port" flushall >/dev/null
  echo "readme-spring-boot: the README's Spring Boot application runs on Boot $boot: two requests," \
    "one computation, the key in Redis under its prefix"
done
