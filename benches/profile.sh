#!/bin/sh
# Instruction-level profile of one in-process stage of the throughput bench
# under callgrind (repeatable counts, unlike timings on a busy machine).
#   benches/profile.sh [STAGE] [PAGES]   STAGE: parse, extract (default),
#                                        learned (extract with the learned
#                                        stage on), read, or a writer's name;
#                                        PAGES default 50
# Prints the total and the top functions (inclusive and exclusive); the raw
# profile stays in target/callgrind.out.STAGE for callgrind_annotate.
set -eu
stage=${1:-extract}
pages=${2:-50}
cd "$(dirname "$0")/.."
cargo bench --locked --bench throughput --no-run 2>/dev/null || cargo bench --locked --bench throughput --no-run
bench=$(cargo bench --locked --bench throughput --no-run --message-format=json 2>/dev/null |
  sed -n 's/.*"executable":"\([^"]*throughput[^"]*\)".*/\1/p' | tail -1)
out=target/callgrind.out.$stage
BENCH_PROFILE=$stage BENCH_PAGES=$pages valgrind --tool=callgrind --callgrind-out-file="$out" \
  "$bench" >/dev/null 2>target/callgrind.log
# Shorter names: no file paths before the function, no object file.
short() {
  sed -e 's#  [^ ]*\.\(rs\|c\|S\|h\):#  #' -e 's# \[[^]]*\]$##' \
      -e 's#<counts for unidentified lines in [^ ]*/index.crates.io-[^/]*/#<unknown lines in #'
}
echo "== $stage over $pages pages: top functions by own instructions"
callgrind_annotate "$out" 2>/dev/null | sed -n '/PROGRAM TOTALS/p'
callgrind_annotate "$out" 2>/dev/null | sed -n '/file:function/,$p' | sed -n '3,22p' | short
echo "== galley functions by inclusive instructions"
callgrind_annotate --inclusive=yes "$out" 2>/dev/null | grep -v '=>' | grep -E ':galley::' |
  short | awk -F'%\)  ' '!seen[$2]++' | head -25
