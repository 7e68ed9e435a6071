#!/bin/bash
# (issue 11) Paired timings of `council build` before and after the locked, journalled
# switch-over: OLD and NEW are two release binaries; SITE a synthetic site from
# `cargo bench --bench gen_site -- --matters 2000 --out /tmp/bench-site-2k`.
# Rewrites the title in SITE/site.toml between runs; outputs go to /tmp/bench-out.
OLD=${OLD:?the council binary to compare with}
NEW=${NEW:-target/release/council}
SITE=${SITE:-/tmp/bench-site-2k}
OUT=/tmp/bench-out; rm -rf $OUT; mkdir -p $OUT; sleep 70
T=2030-01-01
run() { /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -1; }
for i in 1 2 3 4 5; do
  for who in old new; do
    bin=$OLD; [ $who = new ] && bin=$NEW
    f=$(run $bin build --today $T -o $OUT/$who-$i $SITE)
    u=$(run $bin build --today $T -o $OUT/$who-$i $SITE)
    sed -i 's/^title = .*/title = "改名街道 '$i$who'"/' $SITE/site.toml
    c=$(run $bin build --today $T -o $OUT/$who-$i $SITE)
    echo "$who $i fresh: $f | unchanged: $u | all-changed: $c"
  done
done
