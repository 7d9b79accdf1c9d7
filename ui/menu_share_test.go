package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"github.com/rapporteur/rapporteur/model"
)

// TestShareRoundTrip shares a colleague's presets and templates, then imports them: new ones
// are added, identical ones left alone, conflicts settled as chosen.
func TestShareRoundTrip(t *testing.T) {
	data := colleagueShare(t)
	me := newTestEnv(t, LanguageFrench)
	u := me.u
	plan, err := u.planShare(data)
	if err != nil || len(plan) != 2 || plan[0].Action != model.MergeAdd || plan[1].Action != model.MergeAdd {
		t.Fatalf("plan %+v, %v", plan, err)
	}
	if _, err := u.applyShare(plan); err != nil {
		t.Fatal(err)
	}
	p, ok := model.FindPreset(u.gen.matrix.presets, "nouvelle-consigne")
	if !ok || p.Name.In(model.French) != "CR du conseil" {
		t.Fatalf("imported preset not offered: %+v", u.gen.matrix.presets)
	}
	if _, ok := model.FindTemplate(u.templates(), "conseil-de-quartier"); !ok {
		t.Fatal("imported template missing")
	}
	checkShareConflicts(t, me, data)
}

// colleagueShare is the file a colleague shares: one template and one preset of theirs.
func colleagueShare(t *testing.T) []byte {
	colleague := newTestEnv(t, LanguageFrench)
	if _, err := colleague.u.shareData(); err == nil || !strings.Contains(ErrorText(err), "ni consigne ni modèle") {
		t.Fatalf("sharing nothing: %v", err)
	}
	colleague.u.lib.OpenExample()
	if err := colleague.u.saveTemplate("Conseil de quartier"); err != nil {
		t.Fatal(err)
	}
	w := colleague.u.onPresets()
	w.onNew()
	w.ed.name.SetText("CR du conseil")
	w.ed.instructions.SetText("Résume le conseil « {{titre}} » en 300 mots.")
	w.onClose()
	data, err := colleague.u.shareData()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// checkShareConflicts imports the same file again (nothing to do), then a changed one whose
// conflicts are settled both ways.
func checkShareConflicts(t *testing.T, me *testEnv, data []byte) {
	t.Helper()
	u := me.u
	if plan, _ := u.planShare(data); plan[0].Action != model.MergeSame || plan[1].Action != model.MergeSame {
		t.Fatalf("second import %+v", plan)
	}
	changed := strings.Replace(string(data), "300 mots", "200 mots", 1)
	changed = strings.Replace(changed, "## ", "### ", 1)
	plan, _ := u.planShare([]byte(changed))
	if !plan[0].Conflict || !plan[1].Conflict || plan[0].Action != model.MergeKeepBoth {
		t.Fatalf("conflicts not named: %+v", plan)
	}
	plan[0].Action = model.MergeReplace
	msg, err := u.applyShare(plan)
	if err != nil || !strings.Contains(msg, "CR du conseil") {
		t.Fatalf("apply: %q, %v", msg, err)
	}
	versions, err := me.st.PresetVersions(context.Background(), "nouvelle-consigne")
	if err != nil || len(versions) != 2 || !strings.Contains(versions[0].Instructions.In(model.French), "200 mots") {
		t.Fatalf("replace did not make a new version: %+v, %v", versions, err)
	}
	if _, ok := model.FindTemplate(u.templates(), "conseil-de-quartier-importee"); !ok {
		t.Errorf("the conflicting template was not kept beside mine: %+v", u.templates())
	}
}

// TestShareRejectsBadFiles explains what is wrong with a file and changes nothing.
func TestShareRejectsBadFiles(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	var many strings.Builder
	many.WriteString(`{"format":"rapporteur-share","version":1,"presets":[`)
	for i := range model.MaxShareItems + 1 {
		if i > 0 {
			many.WriteString(",")
		}
		fmt.Fprintf(&many, `{"id":"p%d","name":{"fr":"P"},"instructions":{"fr":"x"}}`, i)
	}
	many.WriteString("]}")
	for _, tc := range []struct{ data, want string }{
		{many.String(), "trop d’éléments"},
		{"not json at all", "pas un partage"},
		{`{"format":"rapporteur-share","version":1,"presets":[{"id":"a","name":{"fr":""},"instructions":{"fr":"x"}}]}`, "n°\u00a01"},
		{`[{"id":"x"}]`, "n°\u00a01"},
	} {
		_, err := u.planShare([]byte(tc.data))
		if err == nil || !strings.Contains(ErrorText(err), tc.want) {
			t.Errorf("%s: %v → %q", tc.data, err, ErrorText(err))
		}
	}
	if ps, _ := env.st.Presets(context.Background()); len(ps) != 0 {
		t.Error("a rejected file changed the presets")
	}
}

// TestShareRefusesHugeFiles names the real limits when a shared file is too large, or holds
// too many items, and imports nothing.
func TestShareRefusesHugeFiles(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	var empties strings.Builder
	empties.WriteString(`{"format":"rapporteur-share","version":1,"presets":[{}`)
	for empties.Len() < model.MaxShareFileSize-10 {
		empties.WriteString(",{}")
	}
	empties.WriteString("]}")
	for _, tc := range []struct{ name, data, want string }{
		{"larger than the limit", strings.Repeat(" ", model.MaxShareFileSize+1), "Ce fichier est trop gros pour être un partage de modèles et de consignes\u00a0: un partage fait au plus 8 Mo et contient au plus 200 consignes et 200 modèles."},
		{"8 MiB of empty presets", empties.String(), "au plus 200 consignes et 200 modèles"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(env.dir, "partage.json")
			if err := os.WriteFile(path, []byte(tc.data), 0o600); err != nil {
				t.Fatal(err)
			}
			rc, err := storage.Reader(storage.NewFileURI(path))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := readShare(rc); err == nil || !strings.Contains(ErrorText(err), tc.want) {
				t.Fatalf("error %q, want %q", ErrorText(err), tc.want)
			}
		})
	}
	if ps, _ := env.st.Presets(context.Background()); len(ps) != 0 {
		t.Error("a refused file changed the presets")
	}
}
