#!/usr/bin/env bash
# Runs the JMH suite and writes docs/BENCHMARKS.md and docs/benchmarks-ratios.svg.
#
#   benchmarks/run.sh                 # build, start a private redis-server, run (< 10 min on 2 cores)
#   REDIS_URL=redis://host:port benchmarks/run.sh   # reuse a Redis (keys under bench:*, never flushed)
#   QUICK=1 benchmarks/run.sh         # smoke test: 1 fork, 1 short iteration (numbers meaningless)
#   SKIP_BUILD=1 benchmarks/run.sh    # reuse benchmarks/target/benchmarks.jar
#
# Ratios are computed from one run; absolute numbers depend on the machine and its neighbours.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
OUT="$ROOT/benchmarks/target/results"
START=$(date +%s)

if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
  echo "run.sh: building the benchmarks uber-jar"
  # processor is listed because it is on the processor path only (no dependency edge for -am)
  mvn -q -B -pl processor,benchmarks -am clean package -DskipTests
fi
# The previous run's results are kept, so the report can show how far the ratios moved between runs.
rm -rf "$OUT.previous"
if ls "$OUT"/threads1*.json >/dev/null 2>&1; then mv "$OUT" "$OUT.previous"; else rm -rf "$OUT"; fi
mkdir -p "$OUT"

# ---- Redis: REDIS_URL, or a private server on a free port, stopped by the trap ----
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

# start_redis NAME [CPU]: a private redis-server on a free port (pinned to CPU if given); sets
# STARTED_URL. Stopped by the trap.
start_redis() {
  local name=$1 cpu=${2:-} port pin=()
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  [ -n "$cpu" ] && pin=(taskset -c "$cpu")
  "${pin[@]}" redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no \
    --daemonize no --logfile "$OUT/$name.log" >/dev/null 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  redis-cli -p "$port" ping >/dev/null
  STARTED_URL="redis://127.0.0.1:$port"
}

OWN_REDIS=""
if [ -z "${REDIS_URL:-}" ]; then
  command -v redis-server >/dev/null || { echo "run.sh: redis-server not on PATH (apt-get install redis-server) and REDIS_URL not set" >&2; exit 1; }
  start_redis redis
  export REDIS_URL="$STARTED_URL"
  OWN_REDIS=1
  echo "run.sh: private redis-server at $REDIS_URL"
fi
REDIS_VERSION=$(redis-cli -u "$REDIS_URL" INFO server 2>/dev/null | tr -d '\r' | sed -n 's/^redis_version://p')

# ---- JMH settings: short iterations, several forks, pre-touched fixed heap ----
# Memory subjects run millions of ops/s and are compiled by C2 within milliseconds; Redis subjects
# run thousands, so their I/O path needs about 2 s of warmup before C2 has compiled it.
# Redis subjects are the noisy ones (a loopback round trip is ~75 us here, and how fast a blocked
# thread wakes up drifts with the neighbours): they run in ROUNDS interleaved passes of one fork
# each, so a drift hits floor, cachegen and Spring alike, and report.py merges the rounds.
if [ -n "${QUICK:-}" ]; then
  FORKS=1; FORKS_2T=1; WI=1; W=200ms; RWI=1; RW=200ms; I=1; R=200ms; I_2T=1; SS_WI=1; SS_I=3
  ROUNDS=1; ROUNDS_2T=1; RI=1; PWI=1; PI=1
  NEAR_WI=1; NEAR_DELAY=(-Dnear.delay.warmup=200 -Dnear.delay.samples=1000)
  NEAR_ZIPF=(-Dnear.zipf.keys=10000 -Dnear.zipf.warmup=2000 -Dnear.zipf.ops=10000)
else
  # Memory, 1 thread: 2 forks x 4 iterations; 2 threads: 1 fork x 5 (forks dominate the time).
  FORKS=${FORKS:-2}; FORKS_2T=${FORKS_2T:-1}; I=${I:-4}; R=${R:-250ms}; I_2T=${I_2T:-5}
  WI=${WI:-2}; W=${W:-200ms}; RWI=${RWI:-3}; RW=${RW:-400ms}; SS_WI=${SS_WI:-3}; SS_I=${SS_I:-12}
  # Redis, 1 and 2 threads: ROUNDS passes x 1 fork x RI iterations.
  ROUNDS=${ROUNDS:-2}; ROUNDS_2T=${ROUNDS_2T:-2}; RI=${RI:-3}
  # The pinned pass: 1 fork x PI iterations of 1 s after PWI warmup iterations of 1 s.
  PWI=${PWI:-8}; PI=${PI:-4}
  # Near cache: warmup iterations of the by-value hits; the harnesses' invalidation delay samples, and the
  # Zipf workload's keys and operations per instance (near off, then on).
  NEAR_WI=${NEAR_WI:-8}
  NEAR_DELAY=(-Dnear.delay.warmup="${NEAR_DELAY_WARMUP:-2000}" -Dnear.delay.samples="${NEAR_DELAY_SAMPLES:-10000}")
  NEAR_ZIPF=(-Dnear.zipf.keys="${NEAR_ZIPF_KEYS:-100000}" -Dnear.zipf.warmup="${NEAR_ZIPF_WARMUP:-20000}"
    -Dnear.zipf.ops="${NEAR_ZIPF_OPS:-60000}")
fi
JVM_ARGS="-Xms256m -Xmx256m -XX:+AlwaysPreTouch"
COMMON=(-r "$R" -bm thrpt -tu s -prof gc -jvmArgsAppend "$JVM_ARGS")
B='^io\.cachegen\.benchmarks\.'

# Every throughput subject runs on 1 and on 2 threads, in two groups by warmup.
MEMORY="$B(MemoryFloor|SpringLocal|CachegenApi|CachegenMethods)\."
REDIS="$B(RedisFloor|SpringRedis|CachegenApi|CachegenMethods|CachegenBatch)\."
# Informative subjects (the clock, the API decomposition) run on 1 thread only, and in the first
# Redis round only.
EXCLUDE_2T='MemoryFloor\.(clockNanoTime|caffeineExpiringCoarseClockSmall)|CachegenApi\.'
# Redis miss + set (cachegen, its raw floor and Spring) runs in the first round only, side by side.
EXCLUDE_LATER_ROUNDS='CachegenApi\.|RedisFloor\.(redisClient|jedisMissSet)|SpringRedis\.missSet|CachegenMethods\.(missSet|hitParamSmallSpread|hitString)'

run_jmh() {
  local name=$1; shift
  echo "run.sh: $name ($(( $(date +%s) - START ))s elapsed)"
  java -jar "$JAR" "$@" -rf json -rff "$OUT/$name.json" -o "$OUT/$name.txt"
}

MEM_ARGS=("${COMMON[@]}" -wi "$WI" -w "$W" -p backend=reference,value)
RED_ARGS=("${COMMON[@]}" -wi "$RWI" -w "$RW" -p backend=redis)
run_jmh threads1-memory "${MEM_ARGS[@]}" -f "$FORKS" -i "$I" -t 1 "$MEMORY"
run_jmh threads2-memory "${MEM_ARGS[@]}" -f "$FORKS_2T" -i "$I_2T" -t 2 -e "$EXCLUDE_2T" "$MEMORY"
# Micrometer's meters against the default in-process counters (CachegenMetrics): the locmem
# by-reference hits and a miss + set, both kinds of counters in one invocation (metrics-*.json; the
# "Micrometer" section of the report reads them, not the tables above). 1 thread.
METRICS_ARGS=(-wi "$WI" -w "$W" -f "$FORKS" -i "$I" -t 1)
run_jmh metrics-t1 "${COMMON[@]}" "${METRICS_ARGS[@]}" "${B}CachegenMetrics\."
# The near cache's hits (CachegenNear) are in-memory work, measured with the memory subjects'
# settings in invocations of their own, written to nearhits-*.json (report.py's "Near cache" section
# reads them, not the tables above). By reference (the targets), next to the locmem by-reference
# hits they are compared with, so that both are measured within seconds of each other. By value, with
# more warmup: in a JVM that set up Jedis and the near cache's threads the by-value graph hit takes
# ~1.5 s to reach its steady state. Only the parameter key (small) runs on 2 threads.
NEAR_HITS="${B}(CachegenNear|CachegenMethods)\.hit(ConstSmall|ParamSmall|ParamGraph)\$"
NEAR_HITS_2T="${B}(CachegenNear|CachegenMethods)\.hitParamSmall\$"
NEAR_REF=("${COMMON[@]}" -wi "$WI" -w "$W" -p store=reference -p backend=reference)
run_jmh nearhits-ref-t1 "${NEAR_REF[@]}" -f "$FORKS" -i "$I" -t 1 "$NEAR_HITS"
run_jmh nearhits-ref-t2 "${NEAR_REF[@]}" -f "$FORKS_2T" -i "$I_2T" -t 2 "$NEAR_HITS_2T"
NEAR_VALUE=("${COMMON[@]}" -wi "$NEAR_WI" -w "$W" -p store=value)
run_jmh nearhits-value-t1 "${NEAR_VALUE[@]}" -f "$FORKS" -i "$I" -t 1 "${B}CachegenNear\."
run_jmh nearhits-value-t2 "${NEAR_VALUE[@]}" -f "$FORKS_2T" -i "$I_2T" -t 2 "${B}CachegenNear\.hitParamSmall\$"
for round in $(seq 1 "$ROUNDS"); do
  if [ "$round" -eq 1 ]; then
    run_jmh "threads1-redis-r$round" "${RED_ARGS[@]}" -f 1 -i "$RI" -t 1 "$REDIS"
  else
    run_jmh "threads1-redis-r$round" "${RED_ARGS[@]}" -f 1 -i "$RI" -t 1 \
      -e "$EXCLUDE_LATER_ROUNDS" "$REDIS"
  fi
  if [ "$round" -le "$ROUNDS_2T" ]; then
    run_jmh "threads2-redis-r$round" "${RED_ARGS[@]}" -f 1 -i "$RI" -t 2 \
      -e "$EXCLUDE_2T|$EXCLUDE_LATER_ROUNDS" "$REDIS"
  fi
done

# ---- Redis hits on equal footing: the JVM on CPU 0, its own redis-server on CPU 1, and both CPUs
# kept awake by a nice-19 busy loop each. On this kind of VM a loopback round trip from idle CPUs
# costs ~75 us, most of it waking a halted virtual CPU, and a JVM that happens to keep a CPU busy
# (JIT threads of a large framework, a client's event-loop thread) skips that wake-up: the idle
# measurement above then ranks JVMs, not clients. This pass measures what the client and the
# library cost per hit. Informative; needs 2 CPUs, taskset and a Redis this script starts.
if [ -n "$OWN_REDIS" ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  start_redis redis-pinned 1
  PINNED_URL="$STARTED_URL"
  for cpu in 0 1; do
    taskset -c "$cpu" nice -n 19 sh -c 'while :; do :; done' &
    PIDS+=($!)
  done
  echo "run.sh: pinned pass ($(( $(date +%s) - START ))s elapsed)"
  # Spring's proxies and Lettuce take ~8 s on one CPU before C2 has compiled their hit path.
  REDIS_URL="$PINNED_URL" taskset -c 0 java -jar "$JAR" -bm thrpt -tu s -prof gc \
    -jvmArgsAppend "$JVM_ARGS" -p backend=redis \
    -f 1 -wi "$PWI" -w 1s -i "$PI" -r 1s -t 1 \
    -rf json -rff "$OUT/pinned1-redis.json" -o "$OUT/pinned1-redis.txt" \
    "${B}(RedisFloor\.jedisGetSmall|CachegenMethods\.hit(Const|Param)Small$|SpringRedis\.hit(Const|Param)Small)"
  for pid in "${PIDS[@]:2}"; do kill "$pid" 2>/dev/null || true; done
else
  echo "run.sh: skipping the pinned pass (needs 2 CPUs, taskset and a private redis-server)"
fi
# ---- Near cache (issue 13): invalidation delay between two instances, and a Zipf workload on two
# instances with the near cache off and on. Plain programs (not JMH), on a redis-server of their own
# when this script starts servers, so that INFO commandstats counts their commands only. A failure
# is reported (n/a in the docs), not fatal to the suite.
NEAR_URL="$REDIS_URL"
if [ -n "$OWN_REDIS" ]; then
  start_redis redis-near
  NEAR_URL="$STARTED_URL"
fi
run_near() {
  local name=$1 main=$2; shift 2
  echo "run.sh: $name ($(( $(date +%s) - START ))s elapsed)"
  if ! REDIS_URL="$NEAR_URL" java $JVM_ARGS "$@" -cp "$JAR" "io.cachegen.benchmarks.$main" \
      "$OUT/$name.json" >"$OUT/$name.txt" 2>&1; then
    echo "run.sh: WARNING: $main failed; see $OUT/$name.txt" >&2
    rm -f "$OUT/$name.json"
  fi
}
run_near near-invalidation NearInvalidationDelay "${NEAR_DELAY[@]}"
run_near near-zipf NearZipfWorkload "${NEAR_ZIPF[@]}"

# ---- Redis Cluster (issue 14): a generated hit and getMany(100) across slots on a 3-primary cluster
# this script starts (cluster bus port = port + 10000), against raw JedisCluster GET and a raw
# cluster pipeline; ROUNDS interleaved passes of one fork, as the Redis subjects above.
free_cluster_port() {
  python3 -c '
import socket
while True:
    a = socket.socket(); a.bind(("127.0.0.1", 0)); p = a.getsockname()[1]
    if p > 55535: a.close(); continue
    b = socket.socket()
    try:
        b.bind(("127.0.0.1", p + 10000)); print(p); break
    except OSError: pass
    finally: a.close(); b.close()'
}
CLUSTER_SEEDS=""
if [ -n "$OWN_REDIS" ] && command -v redis-cli >/dev/null; then
  CLUSTER_NODES=()
  for n in 1 2 3; do
    port=$(free_cluster_port)
    mkdir -p "$OUT/cluster-$port"
    redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
      --dir "$OUT/cluster-$port" --cluster-enabled yes --cluster-config-file nodes.conf \
      --cluster-node-timeout 1000 --logfile "$OUT/cluster-$port/log" >/dev/null 2>&1 &
    PIDS+=($!)
    CLUSTER_NODES+=("127.0.0.1:$port")
  done
  for node in "${CLUSTER_NODES[@]}"; do
    for _ in $(seq 1 50); do redis-cli -p "${node#*:}" ping >/dev/null 2>&1 && break; sleep 0.1; done
  done
  if redis-cli --cluster create "${CLUSTER_NODES[@]}" --cluster-replicas 0 --cluster-yes \
      >"$OUT/cluster-create.txt" 2>&1; then
    for _ in $(seq 1 100); do
      redis-cli -p "${CLUSTER_NODES[0]#*:}" cluster info | grep -q 'cluster_state:ok' && break
      sleep 0.1
    done
    CLUSTER_SEEDS="${CLUSTER_NODES[0]},${CLUSTER_NODES[1]}"
  else
    echo "run.sh: WARNING: could not create the cluster; see $OUT/cluster-create.txt" >&2
  fi
fi
if [ -n "$CLUSTER_SEEDS" ]; then
  for round in $(seq 1 "${CLUSTER_ROUNDS:-3}"); do
    REDIS_CLUSTER_SEEDS="$CLUSTER_SEEDS" run_jmh "cluster-r$round" -bm thrpt -tu s -prof gc \
      -jvmArgsAppend "$JVM_ARGS" -wi 3 -w 1s -f 1 -i 4 -r 1s -t 1 "${B}ClusterBench\."
  done
else
  echo "run.sh: skipping the Redis Cluster subjects (needs redis-cli and a private redis-server)"
fi

if java -jar "$JAR" -l | grep -q 'Stampede'; then
  run_jmh stampede -f "$FORKS" -wi "$SS_WI" -i "$SS_I" -bm ss -bs 1 -tu ms -t 1 \
    -jvmArgsAppend "$JVM_ARGS -Dbench.stampede.out=$OUT/stampede-runs.txt" \
    "${B}Stampede\."
else
  echo "run.sh: WARNING: no Stampede benchmark in the jar (generated subjects missing?)" >&2
fi

ELAPSED=$(( $(date +%s) - START ))
echo "run.sh: suite done in ${ELAPSED}s; writing docs/BENCHMARKS.md"

COMMAND="benchmarks/run.sh"
[ -n "${QUICK:-}" ] && COMMAND="QUICK=1 benchmarks/run.sh"
python3 "$ROOT/benchmarks/report.py" \
  --results "$OUT" \
  --previous "$OUT.previous" \
  --markdown "$ROOT/docs/BENCHMARKS.md" \
  --svg "$ROOT/docs/benchmarks-ratios.svg" \
  --command "$COMMAND" \
  --metrics-jmh "-r $R -prof gc -jvmArgsAppend \"$JVM_ARGS\" ${METRICS_ARGS[*]}" \
  --jmh "-r $R -prof gc -jvmArgsAppend \"$JVM_ARGS\"; memory subjects: -wi $WI -w $W, 1 thread -f $FORKS -i $I, 2 threads -f $FORKS_2T -i $I_2T; Redis subjects: $ROUNDS interleaved rounds at 1 thread and $ROUNDS_2T at 2 threads of -f 1 -wi $RWI -w $RW -i $RI, merged (informative subjects in the first round only), then a pinned pass at 1 thread of -f 1 -wi $PWI -w 1s -i $PI -r 1s; near cache hits: as the memory subjects, by value with -wi $NEAR_WI; near cache harnesses: ${NEAR_DELAY[*]} ${NEAR_ZIPF[*]}; stampede: -bm ss -f $FORKS -wi $SS_WI -i $SS_I" \
  --cores "$(nproc)" \
  --jdk "$(java -version 2>&1 | head -1)" \
  --redis "${REDIS_VERSION:-unknown}" \
  --elapsed "$ELAPSED" \
  ${OWN_REDIS:+--private-redis} \
  ${NOTES:+--notes "$NOTES"}
echo "run.sh: wrote docs/BENCHMARKS.md and docs/benchmarks-ratios.svg"
