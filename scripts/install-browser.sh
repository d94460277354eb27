#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (Playwright cannot download its own browser
# on machines without general internet access). Pinned to the version the tests were run with;
# if the Debian mirror no longer carries it (security updates replace it), the current
# candidate is installed and the difference is reported.
set -euo pipefail
PINNED="156.0.8078.79-1~deb12u1"

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
# CI runners that are not Debian install Playwright's own Chromium instead (see the workflows).
if [ "${EXPLAINER_BROWSER:-}" = "playwright" ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian) and retry." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if ! apt-get install -y -qq "chromium=${PINNED}" >/dev/null; then
  echo "chromium ${PINNED} is no longer available; installing the current Debian version." >&2
  apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
