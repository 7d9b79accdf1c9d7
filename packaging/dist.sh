#!/usr/bin/env bash
# packaging/dist.sh [OUT] — what `make dist` runs. Writes to OUT (default dist/), for the
# version packaging/version.sh gives (git describe):
#   rapporteur-VERSION-linux-amd64.tar.xz    fyne package's archive, with its Makefile
#                                            (make install / make user-install), the desktop
#                                            entry, the AppStream metainfo and the man page
#   rapporteur_DEBVERSION_amd64.deb           for Debian 12 and Ubuntu 22.04 or newer
#   rapporteur-VERSION-windows-amd64.zip     rapporteur.exe (fyne package -os windows: icon
#                                            and version resource) and rapporteur-cli.exe
#   SHA256SUMS
# then checks them (lintian, appstreamcli, desktop-file-validate, the .exe's resources) and
# runs go vet for Windows on every package without graphics.
# Needs the Debian packages `make dist-deps` installs, and Go.
set -euo pipefail
umask 022
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-dist}")
GO=${GO:-go}
FYNE=fyne.io/tools/cmd/fyne@v1.7.4
MINGW=x86_64-w64-mingw32
# One version for the whole run, also when a commit lands meanwhile: the other scripts take it.
eval "$(packaging/version.sh)"
export VERSION NUMERIC BUILD DEBVERSION
work=$(mktemp -d "${TMPDIR:-/tmp}/rapporteur-dist.XXXXXX")
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
step() { printf '\n== %s (%s, at %ds)\n' "$1" "$VERSION" "$SECONDS"; }
# The archives' dates are the commit's, so that one commit gives the same files.
epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
day=$(date -u -d "@$epoch" +%F)
rm -rf "$out"
mkdir -p "$out" "$work/bin" "$work/linux" "$work/windows"

cp FyneApp.toml "$work/FyneApp.toml.before"

step "fyne tool ($FYNE)"
env -u CC GOBIN="$work/bin" "$GO" install "$FYNE"
fyne=$work/bin/fyne

step "Linux binary"
# Built as `go build ./cmd/rapporteur` builds it, so that it reuses CI's compiled packages;
# -s -w strip the symbols, as Debian wants.
"$GO" build -ldflags "-s -w -X main.version=$VERSION" -o "$work/linux/rapporteur" ./cmd/rapporteur
"$work/linux/rapporteur" --version

step "man page"
mkdir -p "$work/man"
"$GO" run ./packaging/manpage -version "$VERSION" -date "$day" >"$work/man/rapporteur.1"
gzip -9n <"$work/man/rapporteur.1" >"$work/man/rapporteur.1.gz"

# fyne writes into the package it packages (a resource file and metadata for Windows, a
# build number increased in FyneApp.toml): it works on a copy of the tree (tracked files and
# new ones, as they are now), never in it.
src=$work/src
mkdir -p "$src"
git ls-files -z -co --exclude-standard | while IFS= read -r -d '' f; do
  [[ -f $f ]] && printf '%s\0' "$f"
done | tar --null -T - -cf - | tar -xf - -C "$src"
# fyne reads FyneApp.toml beside the main package it packages; the project keeps it at the top.
sed 's#^Icon = "assets/#Icon = "../../assets/#' FyneApp.toml >"$src/cmd/rapporteur/FyneApp.toml"

step "Linux archive (fyne package -os linux)"
tarball=$out/rapporteur-$VERSION-linux-amd64.tar.xz
(cd "$work/linux" && "$fyne" package --os linux --src "$src/cmd/rapporteur" --exe "$work/linux/rapporteur" \
  --app-version "$NUMERIC" --app-build "$BUILD")
packaging/linux-extras.sh "$work/linux/Rapporteur.tar.xz" "$work/man/rapporteur.1.gz" "$work/tar"
XZ_OPT=-T0 tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$work/tar" -cJf "$tarball" rapporteur

step "Debian package"
packaging/deb.sh "$work/linux/rapporteur" "$work/man/rapporteur.1.gz" "$work/deb" "$out"

step "Windows build (fyne package -os windows, cross-compiled with mingw-w64)"
# fyne reads -ldflags from GOFLAGS once: an empty --exe skips the build it would make before
# writing the resources, so that its one build (with them) gets the version.
: >"$src/cmd/rapporteur/rapporteur.exe"
(cd "$src/cmd/rapporteur" && CC=$MINGW-gcc GOARCH=amd64 GOFLAGS="-buildvcs=false -ldflags=-X=main.version=$VERSION" \
  "$fyne" package --os windows --release --exe "$src/cmd/rapporteur/rapporteur.exe" \
  --app-version "$NUMERIC" --app-build "$BUILD")
win=$work/windows/rapporteur-$VERSION-windows-amd64
mkdir -p "$win"
mv "$src/cmd/rapporteur/Rapporteur.exe" "$win/rapporteur.exe"
# The console binary and go vet for Windows use the settings of fyne's build (-trimpath, its
# tags), so that they reuse the packages it compiled.
wintags=release,migrated_fynedo
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 "$GO" build -trimpath -tags $wintags \
  -ldflags "-s -w -X main.version=$VERSION" -o "$win/rapporteur-cli.exe" ./cmd/rapporteur-cli
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' packaging/windows/LISEZMOI-README.txt; } >"$win/LISEZMOI-README.txt"
find "$win" -exec touch -d "@$epoch" {} +
(cd "$work/windows" && find "${win##*/}" | sort | zip -q -X -9 "$out/rapporteur-$VERSION-windows-amd64.zip" -@)

step "go vet for Windows (every package without graphics)"
CC=$MINGW-gcc GOOS=windows GOARCH=amd64 CGO_ENABLED=1 "$GO" vet -trimpath -tags $wintags \
  ./model/... ./export/... ./assets/... ./ui/i18n/... ./ui/cli/... ./cmd/rapporteur-cli \
  ./cmd/rapporteur/internal/... ./packaging/...

step "checks"
packaging/check-dist.sh "$out" "$win"

cmp -s FyneApp.toml "$work/FyneApp.toml.before" ||
  { echo "dist: fyne changed FyneApp.toml" >&2; exit 1; }
(cd "$out" && sha256sum -- *.tar.xz *.deb *.zip >SHA256SUMS && sha256sum -c --quiet SHA256SUMS)
step "done"
ls -l "$out"
