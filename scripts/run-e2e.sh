#!/usr/bin/env bash
# Real-browser tests, one browser at a time: every Chromium e2e file headless, then the headful
# subset under Xvfb (only there is a single window really focused, so double counting can show),
# then the Firefox files (tests/e2e/firefox, E2E_BROWSER=firefox) with real windows under Xvfb.
#
# Usage: scripts/run-e2e.sh [vitest args for the headless pass…]   (npm run test:e2e builds first)
# Env:   CHROMIUM_PATH        browser to use (default: /usr/bin/chromium, chromium, …)
#        E2E_EXTENSION_DIR    test a copy of the build instead of .output/chrome-mv3
#        E2E_SKIP_HEADFUL=1   run the headless pass only (says so loudly)
#        E2E_USE_DISPLAY=1    run the headful passes on your own $DISPLAY instead of Xvfb
#        FIREFOX_PATH         Firefox to use (default: /usr/bin/firefox-esr, /usr/bin/firefox)
#        E2E_SKIP_FIREFOX=1   skip the Firefox pass (says so loudly)
# All passes always run; the exit status is non-zero if either failed.
set -euo pipefail

cd "$(dirname "$0")/.."

if [[ ! -f .output/chrome-mv3/manifest.json && -z "${E2E_EXTENSION_DIR:-}" ]]; then
  echo "run-e2e: the extension is not built (.output/chrome-mv3/manifest.json missing). Run \`npx wxt build\` or \`npm run test:e2e\`." >&2
  exit 1
fi

if [[ "${E2E_SKIP_FIREFOX:-}" != "1" && ! -f .output/firefox-mv2/manifest.json ]]; then
  echo "run-e2e: the Firefox build is missing (.output/firefox-mv2/manifest.json). Run \`npx wxt build -b firefox\` (npm test does)." >&2
  exit 1
fi

# Files with a headful case: they read E2E_HEADFUL=1 and run only that case.
HEADFUL_FILES=(tests/e2e/tracking.e2e.ts tests/e2e/tracking-rapid.e2e.ts)
XVFB_SCREEN="-screen 0 1280x1024x24 -extension MIT-SCREEN-SAVER"

# Check for Xvfb before spending minutes on the headless pass.
if [[ "${E2E_SKIP_HEADFUL:-}" != "1" && "${E2E_USE_DISPLAY:-}" != "1" ]] && ! command -v xvfb-run >/dev/null 2>&1; then
  echo "run-e2e: xvfb-run is missing, so the headful pass cannot run. Install it: sudo apt-get install xvfb" >&2
  echo "         (or set E2E_SKIP_HEADFUL=1 to run the headless pass only)." >&2
  exit 1
fi

status=0
echo "run-e2e: headless pass"
npx vitest run --config vitest.e2e.config.ts "$@" || status=1

if [[ "${E2E_SKIP_HEADFUL:-}" == "1" ]]; then
  echo "run-e2e: E2E_SKIP_HEADFUL=1 — the headful pass was NOT run (double counting across windows is untested)." >&2
elif [[ -n "${DISPLAY:-}" && "${E2E_USE_DISPLAY:-}" == "1" ]]; then
  echo "run-e2e: headful pass on DISPLAY=$DISPLAY"
  E2E_HEADFUL=1 npx vitest run --config vitest.e2e.config.ts "${HEADFUL_FILES[@]}" || status=1
else
  echo "run-e2e: headful pass under Xvfb"
  # MIT-SCREEN-SAVER lets chrome.idle read the input idle time; without it Chromium reports idle after 15–30 s.
  E2E_HEADFUL=1 xvfb-run -a -s "$XVFB_SCREEN" npx vitest run --config vitest.e2e.config.ts "${HEADFUL_FILES[@]}" || status=1
fi

if [[ "${E2E_SKIP_FIREFOX:-}" == "1" ]]; then
  echo "run-e2e: E2E_SKIP_FIREFOX=1 — the Firefox pass was NOT run." >&2
elif [[ "${E2E_SKIP_HEADFUL:-}" == "1" ]]; then
  echo "run-e2e: Firefox pass headless (E2E_SKIP_HEADFUL=1: background-window checks need real windows)"
  E2E_BROWSER=firefox npx vitest run --config vitest.e2e.config.ts || status=1
elif [[ -n "${DISPLAY:-}" && "${E2E_USE_DISPLAY:-}" == "1" ]]; then
  echo "run-e2e: Firefox pass on DISPLAY=$DISPLAY"
  E2E_BROWSER=firefox npx vitest run --config vitest.e2e.config.ts || status=1
else
  echo "run-e2e: Firefox pass under Xvfb"
  E2E_BROWSER=firefox xvfb-run -a -s "$XVFB_SCREEN" npx vitest run --config vitest.e2e.config.ts || status=1
fi

exit "$status"
