package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoWindowInTheCommandLine checks that the command-line-only binary depends on no
// package that opens a window or needs cgo: neither Rapporteur's GUI nor Fyne's drivers,
// widgets or OpenGL bindings, and that every package it needs builds with CGO_ENABLED=0
// (go list reports those a build constraint excludes). `make check` builds it that way too.
func TestNoWindowInTheCommandLine(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	cmd := exec.Command("go", "list", "-deps", "-e", "-f", "{{.ImportPath}}\t{{if .Error}}{{.Error}}{{end}}", ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	forbidden := []string{
		"github.com/rapporteur/rapporteur/ui\t",
		"fyne.io/fyne/v2/app\t",
		"fyne.io/fyne/v2/widget\t",
		"fyne.io/fyne/v2/internal/driver/",
		"github.com/go-gl/",
	}
	for line := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		path, problem, _ := strings.Cut(line, "\t")
		if problem != "" {
			t.Errorf("%s does not build without cgo: %s", path, problem)
		}
		for _, f := range forbidden {
			if strings.HasPrefix(line+"\t", f) {
				t.Errorf("the command line depends on %s", path)
			}
		}
	}
}

// TestVersion checks that --version prints the version set at build time, alone.
func TestVersion(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "rapporteur-cli")
	build := exec.Command("go", "build", "-ldflags", "-X main.version=1.2.3-test", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if want := "Rapporteur 1.2.3-test\n"; err != nil || string(out) != want {
		t.Errorf("--version: %q, %v; want %q", out, err, want)
	}
}
