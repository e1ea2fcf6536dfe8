#!/bin/sh
# Install Chromium and chromedriver for tests/test_report_browser.py when they are missing.
# Installs only when it can (root and apt-get available); otherwise says why and exits 0,
# so `make` targets can call it unconditionally (the browser test then skips itself).
set -u

have() { command -v "$1" >/dev/null 2>&1; }

if { have chromium || have chromium-browser || have google-chrome; } && have chromedriver; then
    echo "ensure-chromium: Chromium and chromedriver already installed"
    exit 0
fi
if ! have apt-get; then
    echo "ensure-chromium: apt-get not available; install Chromium and chromedriver by hand" \
         "(the browser test is skipped meanwhile)"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-chromium: not root; run: sudo apt-get install -y chromium chromium-driver" \
         "(the browser test is skipped meanwhile)"
    exit 0
fi
echo "ensure-chromium: installing chromium and chromium-driver with apt-get"
if DEBIAN_FRONTEND=noninteractive apt-get update -q \
   && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; then
    echo "ensure-chromium: installed"
else
    echo "ensure-chromium: apt-get failed; the browser test will be skipped"
fi
exit 0
