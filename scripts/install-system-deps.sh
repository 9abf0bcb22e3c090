#!/usr/bin/env bash
# Installs the Debian packages kg's tests need, idempotently and without questions:
#   virtuoso-opensource  - the second real triple store the store tests load into and query
#   chromium, fonts-liberation - the headless browser (and its fonts) the viz tests drive
# Packages already installed are skipped; `apt-get update` runs once, only if something is missing.
set -euo pipefail

PACKAGES=(virtuoso-opensource chromium fonts-liberation)

missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-system-deps: all present (${PACKAGES[*]})"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

# Virtuoso's postinst starts a system-wide server (and would keep port 8890 and its database
# locked). The tests start their own instance, so forbid service starts during the install with a
# policy-rc.d that answers 101 ("action forbidden") -- only if the machine has none of its own.
POLICY=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$POLICY" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
    $SUDO chmod 755 "$POLICY"
    own_policy=1
fi
cleanup() { if [ "$own_policy" = 1 ]; then $SUDO rm -f "$POLICY"; fi; }
trap cleanup EXIT

echo "install-system-deps: installing ${missing[*]}"
# Another apt run (a teammate's, unattended upgrades) may hold the lock: wait for it, bounded.
APT_LOCK=(-o DPkg::Lock::Timeout=600)
$SUDO apt-get "${APT_LOCK[@]}" update -qq
# stdin from /dev/null and the noninteractive frontend keep debconf (Virtuoso's dba password
# question) from waiting for an answer; an empty answer keeps the default dba/dba.
$SUDO apt-get "${APT_LOCK[@]}" install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${missing[@]}" </dev/null

# Belt and braces: if a service got started anyway, stop it so it holds no port or lock.
if command -v service >/dev/null 2>&1; then
    $SUDO service virtuoso-opensource-7 stop >/dev/null 2>&1 || true
fi
echo "install-system-deps: done"
