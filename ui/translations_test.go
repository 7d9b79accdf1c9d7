package ui

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/assets"
)

// sourceKeys returns every literal string passed to lang.L (and lang.X's key) in the Go files
// under dir, tests excluded.
func sourceKeys(t *testing.T, dir string) map[string]string {
	t.Helper()
	keys := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if key, ok := langKey(t, path, n); ok {
				keys[key] = path
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// langKey returns the key of a lang.L or lang.X call, and reports a call whose key is not a
// literal string (translation tools could not find it).
func langKey(t *testing.T, path string, n ast.Node) (string, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "lang" || (sel.Sel.Name != "L" && sel.Sel.Name != "X") {
		return "", false
	}
	lit, ok := call.Args[0].(*ast.BasicLit)
	if !ok {
		t.Errorf("%s: lang.%s called with a non-literal key", path, sel.Sel.Name)
		return "", false
	}
	key, err := strconv.Unquote(lit.Value)
	return key, err == nil
}

func loadTranslationFile(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := assets.Translations.ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// TestTranslationsComplete checks that every text of the interface has a French and an English
// translation, and that the files hold no text the code no longer uses.
func TestTranslationsComplete(t *testing.T) {
	keys := sourceKeys(t, ".")
	for _, file := range []string{"fr.json", "en.json"} {
		tr := loadTranslationFile(t, file)
		var missing, stale []string
		for k := range keys {
			if strings.TrimSpace(tr[k]) == "" {
				missing = append(missing, k)
			}
		}
		for k := range tr {
			if _, ok := keys[k]; !ok {
				stale = append(stale, k)
			}
		}
		sort.Strings(missing)
		sort.Strings(stale)
		for _, k := range missing {
			t.Errorf("%s: missing translation for %q (used in %s)", file, k, keys[k])
		}
		for _, k := range stale {
			t.Errorf("%s: %q is not used by the code", file, k)
		}
	}
}

// TestFrenchTypography checks French texts use French punctuation spacing: a no-break space
// before « ; : ! ? » and inside guillemets, and the typographic apostrophe.
func TestFrenchTypography(t *testing.T) {
	for k, v := range loadTranslationFile(t, "fr.json") {
		for _, bad := range []string{" :", " ;", " ?", " !", "« ", " »", "'"} {
			if strings.Contains(v, bad) {
				t.Errorf("fr.json %q: %q contains %q; use a no-break space (U+00A0 or U+202F) or ’", k, v, bad)
			}
		}
	}
}

// TestTranslationsNoDuplicateKeys reads each file token by token: a key written twice (JSON
// keeps the last silently) means one of its two texts is never shown.
func TestTranslationsNoDuplicateKeys(t *testing.T) {
	for _, name := range []string{"fr.json", "en.json"} {
		data, err := assets.Translations.ReadFile("translations/" + name)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		seen := map[string]bool{}
		depth, isKey := 0, false
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			switch v := tok.(type) {
			case json.Delim:
				if v == '{' || v == '[' {
					depth++
				} else {
					depth--
				}
				isKey = depth == 1 // after the opening or a nested value, a key comes next
				continue
			case string:
				if depth == 1 && isKey {
					if seen[v] {
						t.Errorf("%s: %q is written twice", name, v)
					}
					seen[v] = true
				}
			}
			if depth == 1 {
				isKey = !isKey
			}
		}
	}
}
