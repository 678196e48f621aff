#!/usr/bin/env bash
# Installs the C libraries responder builds against, PostgreSQL (for the store tests) and Chromium with its
# driver, selenium and openpyxl for Debian's python3 (for the review desk's browser test; Debian/Ubuntu),
# only when they are missing.
set -euo pipefail
missing=()
for package in libxml2-dev libsqlite3-dev zlib1g-dev postgresql chromium chromium-driver python3-selenium python3-openpyxl; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    $sudo apt-get install -y "${missing[@]}"
fi
