# Rapporteur — the two commands a newcomer needs: `make run` and `make test`.
# Both install the Debian/Ubuntu packages they need first (with sudo when not root).

SYSTEM_PACKAGES := gcc pkg-config libgl-dev libx11-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev
TEST_PACKAGES := $(SYSTEM_PACKAGES) poppler-utils libreoffice-writer-nogui pandoc
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
GO ?= go

.PHONY: run test check build system-deps test-deps bench look dist dist-deps

# VERSION is what `git describe` says (packaging/version.sh); builds set it with -ldflags.
VERSION = $(shell packaging/version.sh | sed -n 's/^VERSION=//p')

# run builds and opens the application.
run: system-deps
	$(GO) run ./cmd/rapporteur

# test runs every check CI runs: formatting, vet, and the whole test suite with the race
# detector. No display and no Ollama needed (-tags ci selects Fyne's software driver). The
# integration tests (TestReal*) run afterwards, one package at a time and verbose, against the
# real Ollama named by OLLAMA_TEST_HOST; without it they are skipped, each saying why.
test: test-deps check
	$(GO) test -race -tags ci -count=1 -skip '^TestReal' ./...
	$(GO) test -race -tags ci -count=1 -p 1 -v -run '^TestReal' ./...

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOCYCLO := github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0

# OSDEP are the packages with code for one system only: vetted for Windows and macOS too.
# (make dist vets every package without graphics for Windows, reusing its cross build.)
OSDEP := ./cmd/rapporteur/internal/... ./model/power

# check fails on unformatted code, go vet and staticcheck findings, functions whose
# cyclomatic complexity reaches 15, a command line that no longer builds without cgo, and
# vet findings in the code for one system when built for Windows or macOS.
check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed on:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags ci ./...
	$(GO) run $(STATICCHECK) -tags ci ./...
	$(GO) run $(GOCYCLO) -over 14 .
	CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/rapporteur-cli
	for goos in windows darwin; do GOOS=$$goos CGO_ENABLED=0 $(GO) vet $(OSDEP) || exit 1; done

# build writes the application binary to ./rapporteur.
build: system-deps
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o rapporteur ./cmd/rapporteur

# dist writes to $(DIST) the Linux archive (fyne package), the Debian package, the Windows
# build (cross-compiled with mingw-w64) and SHA256SUMS, then checks them: lintian,
# appstreamcli, the .exe's icon and version resource (packaging/README.md).
DIST ?= dist
DIST_PACKAGES := $(SYSTEM_PACKAGES) git gcc-mingw-w64-x86-64 dpkg-dev lintian appstream \
	desktop-file-utils xz-utils zip
dist: dist-deps
	GO=$(GO) packaging/dist.sh $(DIST)

# bench runs the benchmarks quoted in the issues' closing notes.
bench:
	$(GO) test -tags ci -run '^$$' -bench . -benchmem ./...

# look writes sample comparisons and reports to $(LOOK) as PDFs, and one PNG per page next to
# them, for a person to look at (export/look_test.go, built only with the look tag).
LOOK ?= /tmp/rapporteur-look
look: test-deps
	mkdir -p $(LOOK)
	EXPORT_LOOK=$(abspath $(LOOK)) $(GO) test -tags look -count=1 -run '^TestLook' ./export/
	for f in $(LOOK)/*.pdf; do pdftoppm -png -r 60 "$$f" "$${f%.pdf}"; done
	@echo "samples in $(LOOK)/"

# install-missing installs those of the Debian packages $(1) that are not installed.
install-missing = missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q $$missing; fi

system-deps:
	@$(call install-missing,$(SYSTEM_PACKAGES))

test-deps:
	@$(call install-missing,$(TEST_PACKAGES))

dist-deps:
	@$(call install-missing,$(DIST_PACKAGES))
