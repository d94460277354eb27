#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (Playwright cannot download its own browser
# on machines without general internet access). The pin is the build the tests were last run
# with. Debian's security archive keeps only its newest build, so when the pin is gone the
# current one is installed and its version printed, to be recorded here.
#
# EXPLAINER_BROWSER chooses another browser for the tests instead:
#   playwright      Playwright's own Chromium (`.venv/bin/python -m playwright install chromium`)
#   /path/to/chrome any Chromium or Chrome executable
set -euo pipefail
PINNED="156.0.8078.114-1~deb12u1"

case "${EXPLAINER_BROWSER:-}" in
  playwright) exit 0 ;;
  /*)
    if [ -x "${EXPLAINER_BROWSER}" ]; then exit 0; fi
    echo "EXPLAINER_BROWSER=${EXPLAINER_BROWSER} is not an executable file." >&2
    exit 1
    ;;
esac
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  cat >&2 <<'MESSAGE'
Chromium is missing for the browser tests. Run one of:
  sudo apt-get install chromium                      (Debian, Ubuntu)
  .venv/bin/python -m playwright install chromium    (anywhere else; then run the tests
                                                      with EXPLAINER_BROWSER=playwright)
or leave the browser tests out: .venv/bin/python -m pytest -m "not browser"
MESSAGE
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if ! apt-get install -y -qq "chromium=${PINNED}" >/dev/null; then
  echo "chromium ${PINNED} is no longer in the archive; installing its current build." >&2
  apt-get install -y -qq chromium >/dev/null
fi
echo "chromium $(dpkg-query -W -f='${Version}' chromium) installed (pinned: ${PINNED})"
/usr/bin/chromium --version
