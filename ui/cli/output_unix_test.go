//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// badOutputs are output paths a typo makes, each with what the message must say. The
// folder refusing files is checked in export's tests; here, each reason once.
func badOutputs(t *testing.T) []struct{ name, path, msg string } {
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	return []struct{ name, path, msg string }{
		{"missing folder", filepath.Join(dir, "sorties", "out.x"), "does not exist"},
		{"folder is a file", filepath.Join(file, "out.x"), "is a file, not a folder"},
		{"path is a folder", dir, "is a folder"},
		{"pipe", fifo, "not an ordinary file"},
	}
}

// TestCompareChecksOutputsBeforeGenerating gives compare a bad --pdf or --json: it says so
// and exits 1 before asking the host anything, so no generation is lost to a typo.
func TestCompareChecksOutputsBeforeGenerating(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "en")
	for _, flag := range []string{"--pdf", "--json"} {
		for _, tt := range badOutputs(t) {
			t.Run(flag+" "+tt.name, func(t *testing.T) {
				srv := newServer(t)
				code, _, stderr := run(t, "compare", "--source", samplePath, "--engine", "ollama", "--host", srv.URL(),
					"--models", "mistral:7b", "--presets", "synthese-courte", flag, tt.path)
				if code != exitFailed {
					t.Errorf("exit %d, want 1", code)
				}
				if !strings.Contains(stderr, tt.path) || !strings.Contains(stderr, tt.msg) {
					t.Errorf("stderr %q does not say %q of %s", stderr, tt.msg, tt.path)
				}
				if n := srv.Requests("/api/chat"); n != 0 {
					t.Errorf("%d generations before the check", n)
				}
			})
		}
	}
}

// TestSameOutputTwice refuses to write the PDF and the JSON to one file.
func TestSameOutputTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out")
	code, _, stderr := run(t, "compare", "--source", samplePath, "--pdf", path, "--json", path)
	if code != exitUsage || !strings.Contains(stderr, "--pdf") || !strings.Contains(stderr, "--json") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a file was written")
	}
}

// TestRenderChecksOutputsFirst writes nothing when one of its outputs cannot be written.
func TestRenderChecksOutputsFirst(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "en")
	for _, tt := range badOutputs(t) {
		t.Run(tt.name, func(t *testing.T) {
			pdf := filepath.Join(t.TempDir(), "ok.pdf")
			code, _, stderr := run(t, "render", samplePath, "--pdf", pdf, "--md", tt.path)
			if code != exitFailed || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q", code, stderr)
			}
			if _, err := os.Stat(pdf); err == nil {
				t.Error("the PDF was written although the Markdown could not be")
			}
		})
	}
}

// TestCheckChecksOutputFirst prints no analysis when its --json cannot be written.
func TestCheckChecksOutputFirst(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "en")
	for _, tt := range badOutputs(t) {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := run(t, "check", "--source", samplePath, samplePath, "--json", tt.path)
			if code != exitFailed || !strings.Contains(stderr, tt.msg) || out != "" {
				t.Errorf("exit %d, stdout %d bytes, stderr %q", code, len(out), stderr)
			}
		})
	}
}

// TestOutputsFollowUmask checks the files compare, check and render write are created like
// os.Create creates them: 0666 less the umask (the JSON was 0600).
func TestOutputsFollowUmask(t *testing.T) {
	old := syscall.Umask(0o002)
	defer syscall.Umask(old)
	dir := t.TempDir()
	js, pdf, md, chk := filepath.Join(dir, "c.json"), filepath.Join(dir, "c.pdf"), filepath.Join(dir, "r.md"), filepath.Join(dir, "k.json")
	for _, args := range [][]string{
		{"compare", "--source", samplePath, "--presets", "points-cles", "--json", js, "--pdf", pdf},
		{"render", samplePath, "--md", md},
		{"check", "--source", samplePath, samplePath, "--json", chk},
	} {
		if code, _, stderr := run(t, args...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	for _, p := range []string{js, pdf, md, chk} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o664 {
			t.Errorf("%s: mode %v, want 0664 under umask 002", filepath.Base(p), fi.Mode().Perm())
		}
	}
}
