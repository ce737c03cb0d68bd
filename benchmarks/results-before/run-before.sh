#!/usr/bin/env bash
set -euo pipefail
JAR=${JAR:?the benchmarks.jar built at the base commit}
OUT=${OUT:-benchmarks/results-before}
: "${REDIS_URL:?a private redis-server, e.g. redis://127.0.0.1:PORT}"
J="-Xms256m -Xmx256m -XX:+AlwaysPreTouch"
B='^io\.cachegen\.benchmarks\.'
MEM="$B(MemoryFloor\.(caffeineSmall|caffeineGraph|caffeineStringKeySmall|caffeineDecodeGraph|caffeineMissSetSmall)|CachegenMethods\.(hitConstSmall|hitParamSmall|hitStringSmall|hitParamGraph|missSetSmall|missSetGraph)|SpringLocal\.(hitConstSmall|hitStringSmall|hitParamGraph|missSetSmall|missSetGraph))$"
RED="$B(RedisFloor\.(jedisGetSmall|redisClientGetSmall|jedisMissSetSmall)|CachegenMethods\.(hitConstSmall|hitParamSmall|missSetSmall)|SpringRedis\.(hitParamSmall|missSetSmall))$"
for t in 1 2; do
  java -jar $JAR -bm thrpt -tu s -prof gc -jvmArgsAppend "$J" -p backend=reference,value -f 1 -wi 2 -w 300ms -i 4 -r 300ms -t $t "$MEM" -rf json -rff $OUT/threads$t-memory.json -o /tmp/h2bench-before-mem$t.txt
  java -jar $JAR -bm thrpt -tu s -prof gc -jvmArgsAppend "$J" -p backend=redis -f $t -wi 3 -w 400ms -i 3 -r 1s -t $t "$RED" -rf json -rff $OUT/threads$t-redis.json -o /tmp/h2bench-before-red$t.txt
done
