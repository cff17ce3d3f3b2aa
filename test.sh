#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test:
#   1. the full Release build (core, CLI, desktop app) and all its tests (GUI tests offscreen);
#   2. the core alone (Qt not even looked for) under AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. the libFuzzer targets, each for a bounded time (PREPLAB_FUZZ_SECONDS, default 30);
#   4. the CLI contract smoke check.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
jobs=${PREPLAB_JOBS:-$(nproc)}
bash packaging/install-deps.sh

export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
failed=0; passed=0
step() { echo; echo "=== $* ==="; }
record() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $*"; fi; }

step "full build (Release)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$jobs"
step "tests (full build)"
record ctest --test-dir build --output-on-failure -j "$jobs"

step "core only, AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS=-O1 -DPREPLAB_CORE_ONLY=ON -DPREPLAB_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$jobs"
step "tests (core only, sanitizers)"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  record ctest --test-dir build-asan --output-on-failure -j "$jobs"

if ls fuzz/fuzz_*.cpp >/dev/null 2>&1; then
  step "fuzz targets (clang, libFuzzer)"
  CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=None -DPREPLAB_CORE_ONLY=ON \
    -DPREPLAB_FUZZ=ON -DPREPLAB_BUILD_TESTS=OFF -DPREPLAB_BENCH=OFF \
    -DCMAKE_CXX_FLAGS="-O1 -fsanitize=fuzzer-no-link,address,undefined" >/dev/null
  cmake --build build-fuzz -j "$jobs"
  for f in fuzz/fuzz_*.cpp; do
    name=$(basename "$f" .cpp)
    corpus="$root/fuzz/corpus/${name#fuzz_}"
    work=$(mktemp -d)
    [[ -d $corpus ]] && cp -r "$corpus/." "$work/"
    if build-fuzz/fuzz/"$name" -max_total_time="${PREPLAB_FUZZ_SECONDS:-30}" -max_len=65536 -timeout=10 \
      -rss_limit_mb=2048 "$work" >"$work.log" 2>&1; then
      passed=$((passed + 1)); echo "$name: $(grep -c . "$work.log") log lines, no crash"
    else
      failed=$((failed + 1)); echo "FAILED: $name"; tail -n 40 "$work.log"
    fi
    rm -rf "$work" "$work.log"
  done
fi

if [[ -x ../shared/tools/contract-smoke ]]; then
  step "CLI contract smoke check"
  out=$(../shared/tools/contract-smoke build/app/cli/preplab-cli)
  echo "$out"
  if grep -q "^  not yet:" <<<"$out"; then failed=$((failed + 1)); else passed=$((passed + 1)); fi
fi

echo
echo "test suites: $passed passed, $failed failed"
((failed == 0))
