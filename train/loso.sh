#!/bin/sh
# Leave one set out for the learned body stage: for each set with body
# labels, fit on the other sets and score the held-back set with the corpus
# scorer; print that next to the stage off and the in-sample fit (all sets).
# Usage: train/loso.sh CORPUS SCORER SET...   (run from the repository root)
set -eu
CORPUS=$1
SCORER=$2
shift 2
SETS="$*"
MODEL=target/release/examples/body_model
OUT=target/loso
mkdir -p "$OUT"
"$MODEL" dump "$CORPUS" $SETS > "$OUT/rows.tsv"
"$MODEL" train "$OUT/rows.tsv" -o "$OUT/all.json" 2>/dev/null
for s in $SETS; do
  "$MODEL" train "$OUT/rows.tsv" --hold "$s" -o "$OUT/hold-$s.json" 2>/dev/null
done

# The set's summary line: body P/R/F1, or the segments' for a set without bodies.
score() { # SET MODEL-or-empty
  if [ -n "$2" ]; then export GALLEY_BODY_MODEL="$2"; else unset GALLEY_BODY_MODEL; fi
  python3 "$SCORER" --galley "$MODEL" --corpus "$CORPUS/$1" --show none \
    | grep -E '^(body|segments) ' | tail -n 1 | sed -E 's/^(body|segments) +//; s/ over.*//'
}

printf '%-17s %-26s %-26s %-26s\n' set "stage off" "in-sample (all sets)" "held out (fit on others)"
for s in $SETS; do
  printf '%-17s %-26s %-26s %-26s\n' "$s" "$(score "$s" "")" "$(score "$s" "$OUT/all.json")" \
    "$(score "$s" "$OUT/hold-$s.json")"
done
