#!/usr/bin/env bash
# Installs what is missing, builds in Release and opens PrepLab on the bundled penguins sample.
set -euo pipefail
cd "$(dirname "$0")"
bash packaging/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"
sample=resources/samples/penguins.csv
if [[ -x build/app/desktop/preplab ]]; then
  if [[ -z ${DISPLAY:-}${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
    echo "run.sh: no display found. Run under Xvfb:  xvfb-run -a ./run.sh"
    echo "        or offscreen (no window):            QT_QPA_PLATFORM=offscreen ./run.sh"
    exit 1
  fi
  exec build/app/desktop/preplab "$sample"
fi
exec build/app/cli/preplab-cli profile "$sample"
