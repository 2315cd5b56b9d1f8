#!/usr/bin/env bash
# Compile installer/hxdesk.nsi with makensis (warnings are errors), to catch
# mistakes in the installer script on Linux; CI runs this.  PyInstaller cannot
# build a Windows bundle here, so the installer is compiled against a stand-in
# tree with the Windows layout: placeholder hxdesk.exe / hxdesk-cli.exe and an
# _internal/ folder taken from BUNDLE_DIR (e.g. the Linux bundle built by
# scripts/build_bundle.sh) or, without it, from the repository's resources/ and ui/.
#
# Usage: scripts/check_installer.sh [BUNDLE_DIR] [OUT.exe]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v makensis >/dev/null || { echo "makensis not found: apt-get install nsis (scripts/install_system_deps.sh --test)" >&2; exit 1; }
bundle="${1:-}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
out="${2:-$tmp/hxdesk-setup.exe}"
version="$(sed -n 's/^__version__ *= *"\(.*\)".*/\1/p' hxdesk/__init__.py)"
[ -n "$version" ] || { echo "cannot read __version__ from hxdesk/__init__.py" >&2; exit 1; }

stage="$tmp/hxdesk"
mkdir -p "$stage"
if [ -n "$bundle" ]; then
  [ -d "$bundle/_internal" ] || { echo "$bundle/_internal not found" >&2; exit 1; }
  ln -s "$(cd "$bundle" && pwd)/_internal" "$stage/_internal"
else
  mkdir -p "$stage/_internal"
  cp -r resources ui "$stage/_internal/"
fi
printf 'MZ placeholder for the Windows build\n' > "$stage/hxdesk.exe"
printf 'MZ placeholder for the Windows build\n' > "$stage/hxdesk-cli.exe"

# zlib instead of solid LZMA: the same script, checked in seconds.
makensis -V2 -WX -DCOMPRESSOR=zlib \
  -DVERSION="$version" -DBUNDLE_DIR="$stage" -DOUTFILE="$out" installer/hxdesk.nsi
head -c 2 "$out" | grep -q MZ || { echo "$out is not a Windows executable" >&2; exit 1; }
echo "installer compiled: $out ($(du -h "$out" | cut -f1), version $version)"
