//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/imports"
)

// badFiles are the files a user may wrongly name, the same for every subcommand.
type badFiles struct {
	missingMD, folderMD, pipeMD, longMD, bigMD          string
	missingJSON, folderJSON, pipeJSON, badJSON, bigJSON string
}

func makeBadFiles(t *testing.T) badFiles {
	t.Helper()
	dir := t.TempDir()
	f := badFiles{
		missingMD: filepath.Join(dir, "absent.md"), folderMD: filepath.Join(dir, "dossier.md"),
		pipeMD: filepath.Join(dir, "tube.md"), longMD: filepath.Join(dir, "long.md"), bigMD: filepath.Join(dir, "gros.md"),
		missingJSON: filepath.Join(dir, "absent.json"), folderJSON: filepath.Join(dir, "dossier.json"),
		pipeJSON: filepath.Join(dir, "tube.json"), badJSON: filepath.Join(dir, "mauvais.json"), bigJSON: filepath.Join(dir, "gros.json"),
	}
	for _, d := range []string{f.folderMD, f.folderJSON} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{f.pipeMD, f.pipeJSON} {
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		f.longMD:  strings.Repeat("a", model.MaxBodyLen+1), // 2 MB: within the size, too many characters
		f.bigMD:   strings.Repeat("Une phrase. ", imports.MaxFileSize/12+1),
		f.badJSON: "pas du json",
		f.bigJSON: `{"presets": [` + strings.Repeat(" ", model.MaxShareFileSize) + `]}`,
	}
	for p, content := range files {
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// exitCase is a command line and what it must end with.
type exitCase struct {
	name string
	args []string
	code int
	msg  string // a part of stderr
}

// exitCases are, for each subcommand, its usage errors and each bad file it may be given.
func exitCases(t *testing.T) []exitCase {
	f := makeBadFiles(t)
	out := filepath.Join(t.TempDir(), "out.pdf")
	ws := filepath.Join(t.TempDir(), "ws.db")
	var cases []exitCase
	// Every text a subcommand reads, with each bad file: exit 1, the same message.
	texts := map[string]func(string) []string{
		"compare --source": func(p string) []string { return []string{"compare", "--source", p} },
		"check --source":   func(p string) []string { return []string{"check", "--source", p, samplePath} },
		"check variant":    func(p string) []string { return []string{"check", "--source", samplePath, p} },
		"render":           func(p string) []string { return []string{"render", p, "--pdf", out} },
		"import":           func(p string) []string { return []string{"import", p, "--workspace", ws} },
	}
	for name, args := range texts {
		cases = append(cases,
			exitCase{name + " missing", args(f.missingMD), exitFailed, "does not exist"},
			exitCase{name + " folder", args(f.folderMD), exitFailed, "cannot be read"},
			exitCase{name + " pipe", args(f.pipeMD), exitFailed, "cannot be read"},
			exitCase{name + " too long", args(f.longMD), exitFailed, "at most 2,000,000 characters"},
			exitCase{name + " too large", args(f.bigMD), exitFailed, "at most 5,242,880 bytes"},
		)
	}
	// Every shared file of presets, with each bad file: exit 1, the same message.
	shares := map[string]func(string) []string{
		"presets --file":        func(p string) []string { return []string{"presets", "--file", p} },
		"compare --preset-file": func(p string) []string { return []string{"compare", "--source", samplePath, "--preset-file", p} },
	}
	for name, args := range shares {
		cases = append(cases,
			exitCase{name + " missing", args(f.missingJSON), exitFailed, "does not exist"},
			exitCase{name + " folder", args(f.folderJSON), exitFailed, "cannot be read"},
			exitCase{name + " pipe", args(f.pipeJSON), exitFailed, "cannot be read"},
			exitCase{name + " not a share", args(f.badJSON), exitFailed, "not a file of templates"},
			exitCase{name + " too large", args(f.bigJSON), exitFailed, "at most 8,388,608 bytes"},
		)
	}
	return append(cases, usageCases()...)
}

// usageCases are command lines that are wrong as written: exit 2, with a message.
func usageCases() []exitCase {
	return []exitCase{
		{"unknown command", []string{"frobnicate"}, exitUsage, "frobnicate"},
		{"presets argument", []string{"presets", "extra"}, exitUsage, "Usage: rapporteur presets"},
		{"presets flag", []string{"presets", "--colour"}, exitUsage, "colour"},
		{"models argument", []string{"models", "extra"}, exitUsage, "Usage: rapporteur models"},
		{"models flag", []string{"models", "--colour"}, exitUsage, "colour"},
		{"models bad host", []string{"models", "--host", "ftp://x"}, exitUsage, "address"},
		{"compare no source", []string{"compare"}, exitUsage, "--source"},
		{"compare flag", []string{"compare", "--colour"}, exitUsage, "colour"},
		{"compare unknown preset", []string{"compare", "--source", samplePath, "--presets", "haiku"}, exitUsage, "haiku"},
		{"check no variant", []string{"check", "--source", samplePath}, exitUsage, "Usage: rapporteur check"},
		{"check flag", []string{"check", "--colour"}, exitUsage, "colour"},
		{"render no output", []string{"render", samplePath}, exitUsage, "Usage: rapporteur render"},
		{"render flag", []string{"render", "--colour"}, exitUsage, "colour"},
		{"import no file", []string{"import"}, exitUsage, "Usage: rapporteur import"},
		{"import flag", []string{"import", "--colour"}, exitUsage, "colour"},
	}
}

// TestExitCodes checks the one rule of every subcommand: 2 when the command line is wrong
// as written, 1 when a file named cannot be read (the same file giving the same status and
// message everywhere), each with a message naming the real limit.
func TestExitCodes(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "en")
	for _, tc := range exitCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			code, stderr := runWithin(t, 20*time.Second, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (%s)", code, tc.code, stderr)
			}
			if !strings.Contains(stderr, tc.msg) {
				t.Errorf("stderr %q lacks %q", stderr, tc.msg)
			}
		})
	}
}

// TestLimitsInFrench names the limits as a French reader writes numbers.
func TestLimitsInFrench(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "fr")
	f := makeBadFiles(t)
	for path, want := range map[string]string{
		f.longMD: "au plus 2\u00a0000\u00a0000 caractères",
		f.bigMD:  "au plus 5\u00a0242\u00a0880 octets",
	} {
		code, _, stderr := run(t, "render", path, "--pdf", filepath.Join(t.TempDir(), "x.pdf"))
		if code != exitFailed || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stderr %q, want %q", filepath.Base(path), code, stderr, want)
		}
	}
}

// runWithin runs a command, failing the test if it has not returned within d (a pipe given
// as a file used to block forever).
func runWithin(t *testing.T, d time.Duration, args ...string) (int, string) {
	t.Helper()
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		var out, errOut strings.Builder
		code := Run(args, "test", &out, &errOut)
		done <- result{code, errOut.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.stderr
	case <-time.After(d):
		t.Fatalf("%v still running after %v", args, d)
		return 0, ""
	}
}
