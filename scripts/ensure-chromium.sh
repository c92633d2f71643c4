#!/usr/bin/env bash
# The browser tests drive the machine's Chromium (Debian package "chromium") through playwright-core;
# nothing downloads a browser of its own. Installs it when missing; does nothing when it is there.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium
/usr/bin/chromium --version
