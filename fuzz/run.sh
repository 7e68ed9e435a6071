#!/bin/sh
# Fuzzes one target with AFL++ for a number of seconds (default 1800), at the lowest CPU
# priority, from its committed seeds, resuming from fuzz/out/<target> when it exists.
#   fuzz/run.sh <target> [seconds]        (targets: front_matter records markdown personal_data)
# Needs `cargo install cargo-afl` once. Prints AFL++'s final statistics; crashes are in
# fuzz/out/<target>/default/crashes/.
set -e
cd "$(dirname "$0")"
target=$1
seconds=${2:-1800}
cargo afl build --release --bin "$target" >/dev/null
input=seeds/$target
if [ -d "out/$target/default/queue" ]; then input=-; fi
AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
    nice -n 19 cargo afl fuzz -i "$input" -o "out/$target" -V "$seconds" -t 1000 \
    "target/release/$target" > "out/$target.log" 2>&1 || true
grep -E '^(start_time|last_update|run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg)' \
    "out/$target/default/fuzzer_stats"
