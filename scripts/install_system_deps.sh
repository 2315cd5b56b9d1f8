#!/usr/bin/env bash
# System packages hxdesk needs on Debian/Ubuntu: Qt's xcb libraries and CJK fonts
# for the app; LibreOffice, poppler, Xvfb and xdotool for the tests (--test).
# Installs only what is missing; needs root (or sudo).
set -euo pipefail
APP_PKGS="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-noto-cjk fonts-liberation python3-venv"
TEST_PKGS="libreoffice-writer-nogui libreoffice-calc-nogui fonts-arphic-gkai00mp fonts-arphic-gbsn00lp poppler-utils xvfb xdotool x11-utils imagemagick nsis"
pkgs="$APP_PKGS"
[ "${1:-}" = "--test" ] && pkgs="$pkgs $TEST_PKGS"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "system packages: all present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "installing:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
