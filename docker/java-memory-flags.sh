#!/bin/sh
# Prints the JVM's memory flags for the container's memory limit (cgroup v2 or v1), or for the
# limit given as the first argument in bytes (to see what a limit would give). README, "Sizing".
#
# Why not -XX:MaxRAMPercentage alone: the JVM's resident memory beyond its heap (metaspace, code,
# threads, the search index's mapped pages) is about 250 MB whatever the limit, so a share of a
# small limit leaves too little beside the heap, and without a limit the share is of the host's
# memory. And the initial heap the JVM picks in a container (1/64 of its memory) starts the young
# generation, where requests' garbage dies, so small that collections run 3.5 times as often.
#
# The heap is 3/4 of the limit less 128 MB (512 MB: 256 MB; 768 MB: 448 MB; 2 GB: 1408 MB), the
# limit being 768 MB when the container has none. Up to 1 GB of heap: the serial collector (no
# collector structures, about 45 MB less than G1) with the young generation fixed at a third of
# the heap; above, the JVM's choice with only the heap's bounds. JAVA_OPTS_APPEND that sets the
# heap itself (-Xmx, -XX:MaxRAM...) leaves everything to it.
set -eu

MB=1048576
DEFAULT_LIMIT_MB=768
SMALLEST_LIMIT_MB=512

case " ${JAVA_OPTS_APPEND:-} " in
  *" -Xmx"* | *" -XX:MaxRAM"* | *" -XX:MaxHeapSize"*) exit 0 ;;
esac

cgroup_limit() {
  root="${CGROUP_ROOT:-/sys/fs/cgroup}"
  for file in "$root/memory.max" "$root/memory/memory.limit_in_bytes"; do
    if [ -r "$file" ]; then
      value=$(cat "$file")
      case "$value" in
        '' | max | *[!0-9]*) return 0 ;;
      esac
      # cgroup v1 writes "no limit" as a number near 2^63: treat anything past 1 TB as none.
      if [ "$((value / MB))" -lt 1048576 ]; then
        echo "$value"
      fi
      return 0
    fi
  done
}

limit_bytes="${1:-$(cgroup_limit)}"
case "$limit_bytes" in
  '') limit_mb=$DEFAULT_LIMIT_MB ;;
  *[!0-9]*)
    echo "java-memory-flags: the limit must be a number of bytes, not $limit_bytes" >&2
    exit 2
    ;;
  *) limit_mb=$((limit_bytes / MB)) ;;
esac

if [ "$limit_mb" -lt "$SMALLEST_LIMIT_MB" ]; then
  echo "java-memory-flags: a memory limit of ${limit_mb} MB is below the ${SMALLEST_LIMIT_MB} MB" \
    "Pressroom is sized for; expect it to be killed for memory under load" >&2
fi

heap_mb=$((limit_mb * 3 / 4 - 128))
if [ "$heap_mb" -lt 64 ]; then
  heap_mb=64
fi

if [ "$heap_mb" -le 1024 ]; then
  young_mb=$((heap_mb / 3))
  initial_mb=$((young_mb + heap_mb / 16))
  echo "-XX:+UseSerialGC -Xmx${heap_mb}m -Xmn${young_mb}m -Xms${initial_mb}m -XX:MaxMetaspaceSize=192m"
else
  echo "-Xmx${heap_mb}m -Xms$((heap_mb / 4))m -XX:MaxMetaspaceSize=192m"
fi
