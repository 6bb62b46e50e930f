#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a bounded time (libFuzzer with AddressSanitizer, nightly).
#
#   tools/fuzz.sh [--optional]      FUZZ_SECONDS per target (default 300), FUZZ_TARGETS (default: all)
#
# `make fuzz` calls it; `make test` calls it with --optional and FUZZ_SECONDS=60, which skips with a
# message where the nightly toolchain or cargo-fuzz is missing instead of failing. Each target starts
# from its seed corpus (fuzz/corpus/<target>, never written to) and the inputs of earlier runs
# (fuzz/target/corpus/<target>, where new inputs go), with its dictionary (fuzz/dict). A crash, a
# broken invariant or a hang fails the run and prints the reproducer's path and the command that
# replays it. Prints executions and time per target.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

optional=false
[ "${1:-}" = --optional ] && optional=true
seconds=${FUZZ_SECONDS:-300}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "fuzz: FUZZ_SECONDS must be a positive number of seconds, not '$seconds'" >&2
  exit 2
fi

unavailable() {
  if $optional; then
    echo "fuzz: SKIPPED, $1 (the fuzz targets need the nightly toolchain and cargo-fuzz; see fuzz/README.md)"
    exit 0
  fi
  echo "fuzz: $1 (install: rustup toolchain install nightly; cargo install cargo-fuzz)" >&2
  exit 1
}
cargo +nightly --version >/dev/null 2>&1 || unavailable "no nightly toolchain"
cargo +nightly fuzz --version >/dev/null 2>&1 || unavailable "cargo-fuzz is not installed"

targets=${FUZZ_TARGETS:-$(cargo +nightly fuzz list)}
echo "fuzz: $(echo $targets | wc -w) targets, ${seconds} s each: $(echo $targets)"
cargo +nightly clippy --quiet --manifest-path fuzz/Cargo.toml --all-targets -- -D warnings || exit 1
cargo +nightly fuzz build || exit 1

logs=fuzz/target/logs
mkdir -p "$logs"
summary=()
failed=()
for target in $targets; do
  dict=fuzz/dict/${target#load_}.dict
  [ -f "$dict" ] || dict=fuzz/dict/text.dict
  corpus=fuzz/target/corpus/$target
  artifacts=fuzz/artifacts/$target
  mkdir -p "$corpus" "$artifacts" "fuzz/corpus/$target"
  before=$(ls "$artifacts")
  log=$logs/$target.log
  echo "fuzz: $target (${seconds} s, dictionary $dict, log $log)"
  start=$(date +%s)
  cargo +nightly fuzz run "$target" "$corpus" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 -max_len=8192 \
    -dict="$dict" -print_final_stats=1 >"$log" 2>&1
  status=$?
  elapsed=$(($(date +%s) - start))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  inputs=$(ls "$corpus" | wc -l)
  if [ $status -eq 0 ]; then
    summary+=("$(printf '%-18s %12s runs %6s s %7s corpus inputs  ok' "$target" "${runs:-?}" "$elapsed" "$inputs")")
    continue
  fi
  failed+=("$target")
  summary+=("$(printf '%-18s %12s runs %6s s %7s corpus inputs  FAILED (exit %s)' "$target" "${runs:-?}" "$elapsed" "$inputs" "$status")")
  echo "fuzz: $target FAILED (exit $status); from its log ($log):" >&2
  grep -m1 -A4 -E 'panicked at|ERROR: (AddressSanitizer|libFuzzer)' "$log" >&2
  grep -E '^(SUMMARY|artifact_prefix)' "$log" >&2
  new=$(comm -13 <(echo "$before") <(ls "$artifacts"))
  if [ -n "$new" ]; then
    for file in $new; do
      echo "fuzz: reproducer: $artifacts/$file" >&2
      echo "fuzz:   replay with: cargo +nightly fuzz run $target $artifacts/$file" >&2
    done
  else
    echo "fuzz: no reproducer was written (see $log)" >&2
  fi
done

echo "fuzz: summary (${seconds} s per target, AddressSanitizer)"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (reproducers under fuzz/artifacts/)" >&2
  exit 1
fi
echo "fuzz: all targets passed"
