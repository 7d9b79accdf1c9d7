package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// hostile is text a host, a model or a shared file may carry to a terminal: a colour, a
// clear screen, a hyperlink (OSC 8), a title change ending in BEL, the 8-bit CSI (C1), a
// right-to-left override and isolates that reorder what is shown.
const hostile = "a\x1b[31mred\x1b[2J\x1b]8;;file:///etc/passwd\x07link\x1b]8;;\x07\x1b]0;title\x07\u009b1m\u202eexe.txt\u2066x\u2069\u200fz\x7f"

// checkClean fails when out carries a control character other than newline and tab, or a
// bidirectional control.
func checkClean(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if (unicode.IsControl(r) && r != '\n' && r != '\t') || unicode.Is(unicode.Bidi_Control, r) {
			t.Errorf("%s carries %U:\n%q", what, r, out)
			return
		}
	}
}

// TestModelsOutputClean lists a host's model whose name, size and quantisation, and a failing
// model's error text, carry escape sequences and bidi overrides: none reaches the terminal, and
// each name stays on its line.
func TestModelsOutputClean(t *testing.T) {
	srv := ollamatest.New(
		ollamatest.Model{Name: "m" + hostile, ParameterSize: "7B" + hostile, Quantization: "Q4" + hostile},
		ollamatest.Model{Name: "other\nfake-line"},
	)
	t.Cleanup(srv.Close)
	srv.Inject(ollamatest.Fault{Kind: ollamatest.FaultStatus, Path: "/api/show", Status: 500, Message: "boom" + hostile + "\nsecond line"})
	_, out, stderr := run(t, "models", "--host", srv.URL())
	checkClean(t, "stdout", out)
	checkClean(t, "stderr", stderr)
	if lines := strings.Count(out, "\n"); lines != 3 {
		t.Errorf("%d lines for 2 models:\n%s", lines, out)
	}
	if !strings.Contains(out, "red") || !strings.Contains(out, "link") || !strings.Contains(stderr, "boom") {
		t.Errorf("the printable text is lost:\n%s%s", out, stderr)
	}
}

// TestPresetNamesClean lists, then uses, a shared preset whose name carries escapes.
func TestPresetNamesClean(t *testing.T) {
	file := writeShare(t, model.Preset{ID: "equipe", Name: model.Localized{model.French: "CR" + hostile + "\tfaux\nequipe2"},
		Instructions: model.Localized{model.French: "Résume."}})
	t.Setenv("RAPPORTEUR_LANG", "fr")
	code, out, stderr := run(t, "presets", "--file", file)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkClean(t, "presets", out)
	last := out[strings.LastIndex(strings.TrimSuffix(out, "\n"), "\n")+1:]
	if strings.Count(last, "\t") != 1 || !strings.HasPrefix(last, "equipe\tCR") {
		t.Errorf("the shared preset's line is broken: %q", last)
	}
	if strings.Count(out, "\n") != len(model.BuiltinPresets())+1 {
		t.Errorf("a name made more lines:\n%s", out)
	}
}

// TestErrorTextsClean: an error quoting a shared file's identifier reaches stderr without its
// escapes.
func TestErrorTextsClean(t *testing.T) {
	bad := writeShare(t, model.Preset{ID: "x", Name: model.Localized{model.French: "X"}, Instructions: model.Localized{model.French: "x"}})
	data, err := os.ReadFile(bad)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := json.Marshal("x" + hostile)
	if err := os.WriteFile(bad, []byte(strings.Replace(string(data), `"id": "x"`, `"id": `+string(id), 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, stderr := run(t, "presets", "--file", bad)
	checkClean(t, "shared-file error", stderr)

	_, _, stderr = run(t, "compare", "--source", samplePath, "--preset-file", bad)
	checkClean(t, "compare", stderr)
}

// TestCheckOutputClean: a variant file a model wrote, with escapes in its facts and its name.
func TestCheckOutputClean(t *testing.T) {
	dir := t.TempDir()
	variant := filepath.Join(dir, "v\u202eexe.md")
	if err := os.WriteFile(variant, []byte("Le 12 mars 2025, 45 % des 1 250 habitants ont écrit à a\u202e@example.org.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "check", "--source", samplePath, variant)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkClean(t, "check", out)
}

// TestCleanWriterKeepsSplitCharacters writes a text one byte at a time: characters cut
// between two writes come out whole, the controls do not come out.
func TestCleanWriterKeepsSplitCharacters(t *testing.T) {
	var b strings.Builder
	w := newCleanWriter(&b)
	text := "Réunion à Saint-Aubin — 45 % 🎉" + hostile + "\tfin\n"
	for i := range len(text) {
		if _, err := w.Write([]byte{text[i]}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.flush(); err != nil {
		t.Fatal(err)
	}
	if want := model.CleanText(text); b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
	checkClean(t, "writer", b.String())
}
