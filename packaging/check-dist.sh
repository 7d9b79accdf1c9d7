#!/usr/bin/env bash
# packaging/check-dist.sh OUT WINDIR — checks what dist.sh wrote to OUT (WINDIR: the Windows
# folder before zipping) and fails on the first problem: lintian errors in the .deb, a
# metainfo or desktop entry that does not validate, a Linux archive whose Makefile misses a
# file, a rapporteur.exe without its icon, manifest or version resource.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1 win=$2
APPID=fr.rapporteur.app
MINGW=x86_64-w64-mingw32
[[ -n ${VERSION:-} ]] || eval "$(packaging/version.sh)"
fail() { echo "check-dist: $*" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapporteur-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "-- appstreamcli validate, desktop-file-validate"
appstreamcli validate --no-net assets/$APPID.metainfo.xml
desktop-file-validate assets/$APPID.desktop

echo "-- lintian (fails on errors; warnings and notes are shown)"
lintian --fail-on error --display-info --tag-display-limit 0 "$out"/rapporteur_*_amd64.deb
echo "lintian: no error"

echo "-- Linux archive: make install and make user-install put every file in place"
tar -xJf "$out"/rapporteur-*-linux-amd64.tar.xz -C "$tmp"
make -s -C "$tmp/rapporteur" install DESTDIR="$tmp/root" PREFIX=/usr >/dev/null
make -s -C "$tmp/rapporteur" user-install HOME="$tmp/home" >/dev/null
for f in root/usr/bin/rapporteur root/usr/share/applications/$APPID.desktop \
  root/usr/share/pixmaps/$APPID.png root/usr/share/metainfo/$APPID.metainfo.xml \
  root/usr/share/man/man1/rapporteur.1.gz home/.local/bin/rapporteur \
  home/.local/share/metainfo/$APPID.metainfo.xml home/.local/share/applications/$APPID.desktop; do
  [[ -s $tmp/$f ]] || fail "the archive's Makefile did not install $f"
done
grep -q '^Name\[fr\]\|^Comment\[fr\]=' "$tmp/root/usr/share/applications/$APPID.desktop" ||
  fail "the archive's desktop entry is not assets/$APPID.desktop"
[[ $("$tmp/root/usr/bin/rapporteur" --version) == "Rapporteur $VERSION" ]] || fail "the Linux binary is not $VERSION"
make -s -C "$tmp/rapporteur" uninstall DESTDIR="$tmp/root" PREFIX=/usr >/dev/null
left=$(find "$tmp/root" -type f)
[[ -z $left ]] || fail "make uninstall left: $left"

echo "-- Windows: rapporteur.exe is a 64-bit GUI program with icon, manifest and version"
exe=$win/rapporteur.exe
headers=$("$MINGW-objdump" -p "$exe")
grep -q 'file format pei-x86-64' <<<"$headers" || fail "$exe is not a 64-bit PE"
grep -q 'Subsystem.*(Windows GUI)' <<<"$headers" || fail "$exe is not a GUI program"
# Top-level resource types: 3 icon, 0xe icon group, 0x10 version, 0x18 manifest.
types=$(sed -n 's/^[0-9a-f]\{3\}   Entry: ID: 0x0*\([0-9a-f]*\),.*/\1/p' <<<"$headers" | sort | tr '\n' ' ')
for t in 3 e 10 18; do
  [[ " $types" == *" $t "* ]] || fail "$exe has no resource of type 0x$t (it has: $types)"
done
# (grep without -q reads all: strings killed by SIGPIPE would fail the pipeline)
strings -el "$exe" | grep -x "$NUMERIC.$BUILD" >/dev/null || fail "$exe's version resource does not say $NUMERIC.$BUILD"
strings -a "$exe" | grep -F "$VERSION" >/dev/null || fail "$exe was not built with main.version=$VERSION"
grep -q 'Subsystem.*(Windows CUI)' < <("$MINGW-objdump" -p "$win/rapporteur-cli.exe") ||
  fail "rapporteur-cli.exe is not a console program"
echo "rapporteur.exe: resources $types, version $NUMERIC.$BUILD; rapporteur-cli.exe: console"
