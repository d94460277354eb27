#!/usr/bin/env bash
# Install what the tests run besides Python: Debian's Chromium for the browser tests
# (Playwright cannot download its own browser on machines without general internet access)
# and a Java runtime for the Nu HTML Checker (vnu.jar, installed by npm from package-lock.json).
# The pins are the builds the tests were last run with. Debian's archives keep only their
# newest builds, so when a pin is gone the current build is installed and its version printed,
# to be recorded here.
#
# EXPLAINER_BROWSER chooses another browser for the tests instead of /usr/bin/chromium:
#   playwright      Playwright's own Chromium (`.venv/bin/python -m playwright install chromium`)
#   /path/to/chrome any Chromium or Chrome executable
set -euo pipefail
CHROMIUM_PINNED="156.0.8078.114-1~deb12u1"
JAVA_PACKAGE="openjdk-17-jre-headless"
JAVA_PINNED="17.0.15+6-1~deb12u1"

missing=()
case "${EXPLAINER_BROWSER:-}" in
  playwright) ;;
  /*)
    if [ ! -x "${EXPLAINER_BROWSER}" ]; then
      echo "EXPLAINER_BROWSER=${EXPLAINER_BROWSER} is not an executable file." >&2
      exit 1
    fi
    ;;
  *) [ -x /usr/bin/chromium ] || missing+=(chromium) ;;
esac
command -v java >/dev/null || missing+=(java)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

# As root, or with sudo that asks no password (GitHub's runners); never a password prompt.
as_root=()
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
fi
if { [ "$(id -u)" != "0" ] && [ ${#as_root[@]} -eq 0 ]; } || ! command -v apt-get >/dev/null; then
  {
    echo "Missing for the tests: ${missing[*]}. Run one of:"
    echo "  sudo apt-get install chromium ${JAVA_PACKAGE}       (Debian, Ubuntu)"
    echo "  .venv/bin/python -m playwright install chromium   (a browser anywhere else; then"
    echo "                                                     run the tests with EXPLAINER_BROWSER=playwright)"
    echo "and any Java 17 or later for the HTML checker; or leave the browser tests out (the HTML"
    echo "checker still needs Java):"
    echo "  .venv/bin/python -m pytest -m \"not browser\""
  } >&2
  exit 1
fi

# Install `package` at `pin`, or at the archive's current build when the pin is gone.
install_pinned() {
  local package="$1" pin="$2"
  if ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${package}=${pin}" >/dev/null; then
    echo "${package} ${pin} is no longer in the archive; installing its current build." >&2
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${package}" >/dev/null
  fi
  echo "${package} $(dpkg-query -W -f='${Version}' "${package}") installed (pinned: ${pin})"
}

"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
for tool in "${missing[@]}"; do
  case "${tool}" in
    chromium) install_pinned chromium "${CHROMIUM_PINNED}" && /usr/bin/chromium --version ;;
    java) install_pinned "${JAVA_PACKAGE}" "${JAVA_PINNED}" ;;
  esac
done
