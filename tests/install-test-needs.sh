#!/usr/bin/env bash
# What the browser and document tests need beyond the .NET SDK: Debian's Chromium (Playwright cannot download its
# own browser here), LibreOffice Writer and poppler (the minutes and the official report are converted to PDF and
# read back). Run by the test project's build before it compiles and by .ci/run, so `dotnet test MeetingPortal.sln`
# on a fresh Debian machine installs them when it runs as root, and otherwise stops with one line saying what to
# install instead of a hundred failing browser tests.
set -euo pipefail

# MEETINGPORTAL_CHROMIUM and MEETINGPORTAL_NO_INSTALL exist so that the script's own refusal can be tried on a machine
# that has everything; the browser fixture itself always drives /usr/bin/chromium.
chromium="${MEETINGPORTAL_CHROMIUM:-/usr/bin/chromium}"
browser=()
documents=()
[ -x "$chromium" ] || browser+=(chromium)
command -v soffice >/dev/null 2>&1 || documents+=(libreoffice-writer-nogui fonts-liberation)
command -v pdftotext >/dev/null 2>&1 || documents+=(poppler-utils)
packages=("${browser[@]}" "${documents[@]}")

if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 && [ -z "${MEETINGPORTAL_NO_INSTALL:-}" ]; then
  echo "Installing what the browser and document tests need: ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Chromium with its recommended fonts, as the browser tests have always run; LibreOffice without its many extras.
  if [ ${#browser[@]} -gt 0 ]; then apt-get install -y -qq "${browser[@]}" >/dev/null; fi
  if [ ${#documents[@]} -gt 0 ]; then apt-get install -y -qq --no-install-recommends "${documents[@]}" >/dev/null; fi
  exit 0
fi

echo "The browser and document tests need Debian packages that are missing; install them once: sudo apt-get install -y ${packages[*]}" >&2
exit 1
