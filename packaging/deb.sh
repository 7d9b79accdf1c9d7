#!/usr/bin/env bash
# packaging/deb.sh BINARY MAN.1.gz WORKDIR OUTDIR — writes OUTDIR/rapporteur_DEBVERSION_amd64.deb
# with dpkg-deb: /usr/bin/rapporteur, the desktop entry, the icon at the hicolor sizes, the
# AppStream metainfo, the man page, and the copyright and changelog Debian asks for.
# Depends: the shared libraries the binary links (dpkg-shlibdeps) and those GLFW opens at
# run time (dlopen), which no tool sees. DEB_MAINTAINER overrides the Maintainer field.
set -euo pipefail
umask 022
cd "$(dirname "$0")/.."
bin=$1 man=$2 work=$3 out=$4
GO=${GO:-go}
APPID=fr.rapporteur.app
[[ -n ${VERSION:-} ]] || eval "$(packaging/version.sh)"
maintainer=${DEB_MAINTAINER:-Rapporteur maintainers <maintainers@rapporteur.invalid>}
# GLFW (Fyne's window library) loads these with dlopen: cursors, screens, input, gamma.
dlopened=(libxcursor1 libxrandr2 libxinerama1 libxi6 libxxf86vm1)

# dpkg-shlibdeps wants the files where debhelper puts them: debian/PACKAGE/ beside a
# debian/control.
pkg=$work/debian/rapporteur
rm -rf "$work"
mkdir -p "$pkg/DEBIAN"
printf 'Source: rapporteur\n\nPackage: rapporteur\nArchitecture: amd64\n' >"$work/debian/control"
install -Dm755 "$bin" "$pkg/usr/bin/rapporteur"
install -Dm644 assets/$APPID.desktop "$pkg/usr/share/applications/$APPID.desktop"
install -Dm644 assets/$APPID.metainfo.xml "$pkg/usr/share/metainfo/$APPID.metainfo.xml"
"$GO" run ./packaging/icons -src assets/Icon.png -out "$pkg/usr/share/icons" -name $APPID
install -Dm644 "$man" "$pkg/usr/share/man/man1/rapporteur.1.gz"
doc=$pkg/usr/share/doc/rapporteur
install -Dm644 packaging/debian/copyright "$doc/copyright"
install -Dm644 assets/fonts/LICENSE-NotoSans.txt "$doc/LICENSE-NotoSans.txt"
{
  printf 'rapporteur (%s) unstable; urgency=medium\n\n' "$DEBVERSION"
  printf '  * Built from the source of %s.\n\n' "$VERSION"
  printf ' -- %s  %s\n' "$maintainer" "$(date -u -R -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")"
} | gzip -9n >"$doc/changelog.gz"

# (its warning that the binary is not "installed" is about debhelper's layout: dropped)
shlibs=$(cd "$work" && dpkg-shlibdeps -O -e debian/rapporteur/usr/bin/rapporteur 2>shlibdeps.err) ||
  { cat "$work/shlibdeps.err" >&2; exit 1; }
grep -v "installed in their package's directory" "$work/shlibdeps.err" >&2 || true
shlibs=${shlibs#shlibs:Depends=}
depends=$shlibs
for p in "${dlopened[@]}"; do
  [[ ", $depends," == *", $p"[,\ ]* ]] || depends+=", $p"
done
size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
sed -e "s|@VERSION@|$DEBVERSION|" -e "s|@MAINTAINER@|$maintainer|" -e "s|@SIZE@|$size|" \
  -e "s|@DEPENDS@|$depends|" packaging/debian/control.in >"$pkg/DEBIAN/control"
(cd "$pkg" && find usr -type f -print0 | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
find "$pkg" -exec touch -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)" {} +
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$out/rapporteur_${DEBVERSION}_amd64.deb"
dpkg-deb --info "$out/rapporteur_${DEBVERSION}_amd64.deb" | sed -n '/Package:/,$p'
