#!/usr/bin/env bash
# packaging/linux-extras.sh FYNE.tar.xz MAN.1.gz DIR — unpacks fyne package's Linux archive
# into DIR and completes it: the desktop entry of assets/ (with its French translations)
# replaces the one fyne writes, the AppStream metainfo and the man page are added, and
# fyne's Makefile installs and uninstalls them too (make install, make user-install).
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=$1 man=$2 dir=$3
APPID=fr.rapporteur.app
mkdir -p "$dir"
tar -xJf "$tarball" -C "$dir"
apps=
for a in usr/local/share/applications usr/share/applications; do
  if [[ -d $dir/rapporteur/$a ]]; then apps=$a; fi
done
[[ -n $apps ]] || { echo "linux-extras: no share/applications in $tarball" >&2; exit 1; }
share=${apps%/applications} # usr/local/share, or usr/share where the build machine has no /usr/local
cp assets/$APPID.desktop "$dir/rapporteur/$apps/$APPID.desktop"
install -Dm644 assets/$APPID.metainfo.xml "$dir/rapporteur/$share/metainfo/$APPID.metainfo.xml"
install -Dm644 "$man" "$dir/rapporteur/$share/man/man1/rapporteur.1.gz"
# After each line installing or removing the icon, the same for the metainfo and the man page.
awk -v share="$share" '
  { print }
  index($0, "install -Dm00644") && index($0, "$(DESTDIR)$(PREFIX)/share/pixmaps/$(Icon)") {
    printf "\tinstall -Dm00644 %s/metainfo/$(AppID).metainfo.xml $(DESTDIR)$(PREFIX)/share/metainfo/$(AppID).metainfo.xml\n", share
    printf "\tinstall -Dm00644 %s/man/man1/$(Exec).1.gz $(DESTDIR)$(PREFIX)/share/man/man1/$(Exec).1.gz\n", share; n++ }
  index($0, "-rm $(DESTDIR)$(PREFIX)/share/pixmaps/$(Icon)") {
    print "\t-rm $(DESTDIR)$(PREFIX)/share/metainfo/$(AppID).metainfo.xml"
    print "\t-rm $(DESTDIR)$(PREFIX)/share/man/man1/$(Exec).1.gz"; n++ }
  index($0, "install -Dm00644") && index($0, "$(DESTDIR)$(HOME)/.local/share/icons/$(Icon)") {
    printf "\tinstall -Dm00644 %s/metainfo/$(AppID).metainfo.xml $(DESTDIR)$(HOME)/.local/share/metainfo/$(AppID).metainfo.xml\n", share
    printf "\tinstall -Dm00644 %s/man/man1/$(Exec).1.gz $(DESTDIR)$(HOME)/.local/share/man/man1/$(Exec).1.gz\n", share; n++ }
  index($0, "-rm $(DESTDIR)$(HOME)/.local/share/icons/$(Icon)") {
    print "\t-rm $(DESTDIR)$(HOME)/.local/share/metainfo/$(AppID).metainfo.xml"
    print "\t-rm $(DESTDIR)$(HOME)/.local/share/man/man1/$(Exec).1.gz"; n++ }
  END { if (n != 4) { print "linux-extras: fyne'"'"'s Makefile changed: " n " of 4 places found" > "/dev/stderr"; exit 1 } }
' "$dir/rapporteur/Makefile" >"$dir/Makefile.new"
mv "$dir/Makefile.new" "$dir/rapporteur/Makefile"
