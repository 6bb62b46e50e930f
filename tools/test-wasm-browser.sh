#!/usr/bin/env bash
# The JS API suite (crates/wasm/tests/wasm_suite) in headless Chromium: `wasm-pack test --headless
# --chrome`, its log in target/test-wasm-chrome.log. Called by `make test-wasm`.
#
# Why a script rather than the one command: the runner (wasm-bindgen-test-runner) gives chromedriver
# 5 s to bind its port and the browser a fixed time to start, and a CI machine that is cold or busy can
# miss either; the run then ends with an error and a backtrace, without one of our tests having run.
# So the driver gets 60 s, the tests 300 s (a debug build on a busy machine), and
# a run that never reached the harness's "test result:" line is tried once more. A run whose tests
# ran is never repeated: a failing test fails. When it fails, the reason is printed last, where the
# tail of a CI log shows it.
#
# ChromeDriver also gives each poll of the page 30 s, which a test that holds the page's thread longer
# (tagging 10 MB in a debug build on a busy machine did) ends with "Timed out receiving message from
# renderer": so no test of the browser suite holds it that long (its long text is 2 MB).
set -uo pipefail
cd "$(dirname "$0")/.."
log=target/test-wasm-chrome.log
mkdir -p target

# Whether tests/wasm_browser.rs ran to its summary line in the log (passed or not).
harness_ran() {
  awk '/^ +(Running|Doc-tests) / { on = /Running tests\/wasm_browser\.rs/ }
       on && /test result: / { found = 1; exit } END { exit !found }' "$log"
}

# The lines of the log that say why the run failed, without compiler progress or backtrace frames.
reason() {
  grep -aE 'error|Error|failed|FAILED|panicked|timed out|Caused by|driver|session' "$log" \
    | grep -avE '^ +(Compiling|Finished)|^ +[0-9]+: |^ +at |^Caused by:$' | awk '!seen[$0]++' | tail -n 12
}

for attempt in 1 2; do
  RUST_BACKTRACE=0 WASM_BINDGEN_TEST_TIMEOUT=300 WASM_BINDGEN_TEST_DRIVER_TIMEOUT=60 \
    wasm-pack --log-level warn test --headless --chrome --mode no-install crates/wasm 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  if [ "$status" = 0 ]; then
    exit 0
  fi
  if harness_ran || [ "$attempt" = 2 ]; then
    break
  fi
  echo "test-wasm-browser: the browser run ended (exit $status) before the tests ran; trying once more. Why:"
  reason
  cp "$log" target/test-wasm-chrome.first.log
done
echo "test-wasm-browser: failed (exit $status; log: $log). Why:"
reason
exit 1
