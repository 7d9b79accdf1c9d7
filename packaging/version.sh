#!/usr/bin/env bash
# Prints, as shell assignments, the version of the tree it is run from:
#   VERSION  what `git describe` says, without its leading v (0.2.0, 0.2.0-3-g1a2b3c4-dirty);
#            before the first tag v*, FyneApp.toml's version followed by the commit (0.1.0-g1a2b3c4);
#            outside git (a source archive), FyneApp.toml's version alone
#   NUMERIC  its x.y.z, for fyne and the Windows version resource
#   BUILD    the number of commits, Fyne's increasing build number
#   DEBVERSION  VERSION as Debian orders it (0.2.0+3.g1a2b3c4)
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(sed -n 's/^Version *= *"\([0-9.]*\)".*/\1/p' FyneApp.toml)
desc=$(git describe --tags --always --dirty --match 'v[0-9]*' 2>/dev/null || true)
case $desc in
  v[0-9]*) version=${desc#v} ;;
  "") version=$base ;;
  *) version=$base-g$desc ;;
esac
numeric=${version%%[-+]*}
build=$(git rev-list --count HEAD 2>/dev/null || echo 1)
deb=${version/-/+}
deb=${deb//-/.}
printf 'VERSION=%s\nNUMERIC=%s\nBUILD=%s\nDEBVERSION=%s\n' "$version" "$numeric" "$build" "$deb"
