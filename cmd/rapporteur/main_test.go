package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// testVersion is the version the tests' binary is built with, as `make dist` sets it.
const testVersion = "1.2.3-4-gabcdef0"

// buildBinary builds the command for a test and returns its path.
func buildBinary(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go tool is needed to build the command: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "rapporteur")
	out, err := exec.Command(goTool, "build", "-tags", "ci", "-ldflags", "-X main.version="+testVersion, "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// localeEnv is the environment without any variable that says the user's language, plus
// those given.
func localeEnv(set ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "RAPPORTEUR_LANG":
			continue
		}
		env = append(env, kv)
	}
	return append(env, set...)
}

// TestNoLocaleNoise runs the command under the locales of containers, cron and CI, which Fyne
// cannot parse: the terminal gets the command's own output only, and a real error still
// reaches it.
func TestNoLocaleNoise(t *testing.T) {
	bin := buildBinary(t)
	locales := [][]string{
		{"LANG=C"}, {"LANG=C.UTF-8"}, {"LANG=C.utf8"}, {"LC_ALL=C.UTF-8"}, {"LANG=POSIX"},
		{"LANG=fr_FR.UTF-8", "LANGUAGE=C"}, {"LC_MESSAGES=C.UTF-8"}, {},
	}
	for _, loc := range locales {
		name := strings.Join(loc, " ")
		t.Run(name+" presets", func(t *testing.T) {
			cmd := exec.Command(bin, "presets")
			cmd.Env = localeEnv(loc...)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil || stderr.String() != "" || !strings.Contains(string(out), "synthese-courte\t") {
				t.Errorf("err %v, stderr %q, stdout %q", err, stderr.String(), out)
			}
		})
		t.Run(name+" real error", func(t *testing.T) {
			absent := filepath.Join(t.TempDir(), "absent.json")
			cmd := exec.Command(bin, "presets", "--file", absent)
			cmd.Env = localeEnv(append(loc, "RAPPORTEUR_LANG=en")...)
			out, err := cmd.CombinedOutput()
			if want := "The file " + absent + " does not exist.\n"; string(out) != want {
				t.Errorf("output %q, want only %q", out, want)
			}
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Errorf("err %v, want exit status 1", err)
			}
		})
	}
}

// TestVersion checks that --version prints the version set at build time, alone, and exits
// with status 0, without opening a window.
func TestVersion(t *testing.T) {
	bin := buildBinary(t)
	for _, flag := range []string{"--version", "-version"} {
		cmd := exec.Command(bin, flag)
		cmd.Env = localeEnv("DISPLAY=", "WAYLAND_DISPLAY=")
		out, err := cmd.CombinedOutput()
		if want := "Rapporteur " + testVersion + "\n"; err != nil || string(out) != want {
			t.Errorf("%s: %q, %v; want %q", flag, out, err, want)
		}
	}
}
