package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/imports"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

func TestLibrarySearchRenameDelete(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	for _, title := range []string{"Webinaire mobilités", "Réunion publique école", "Atelier marché"} {
		u.lib.Create(model.NewReport(title, model.French))
	}
	if len(u.lib.Listed()) != 3 {
		t.Fatalf("library lists %d reports, want 3", len(u.lib.Listed()))
	}

	u.lib.Select(u.lib.Listed()[0].ID)
	id := u.reportID
	u.lib.Rename(id, "Atelier du marché (version 2)")
	if r, _ := env.st.Report(context.Background(), id); r.Title != "Atelier du marché (version 2)" {
		t.Fatalf("rename stored %q", r.Title)
	}
	if u.ed.Fields().Title.Text != "Atelier du marché (version 2)" {
		t.Errorf("editor shows %q after rename", u.ed.Fields().Title.Text)
	}
	u.lib.Rename(id, "  ")
	if u.lastErr == nil || !strings.Contains(ErrorText(u.lastErr), "obligatoire") {
		t.Errorf("renaming to a blank title should explain the title is required, got %v", u.lastErr)
	}

	checkTrashAndRestore(t, env, id)
}

// checkTrashAndRestore deletes the report id to the trash and brings it back.
func checkTrashAndRestore(t *testing.T, env *testEnv, id int64) {
	t.Helper()
	u := env.u
	u.lib.Delete(id)
	if u.reportID != 0 || len(u.lib.Listed()) != 2 {
		t.Fatalf("after delete: open report %d, %d listed", u.reportID, len(u.lib.Listed()))
	}
	if trash, _ := env.st.Trash(context.Background()); len(trash) != 1 || trash[0].ID != id {
		t.Error("the deleted report is not in the trash")
	}
	if u.ed.Fields().Body.Disabled() == false {
		t.Error("the editor should be disabled when no report is open")
	}
	if err := u.lib.Restore(id); err != nil || u.reportID != id || len(u.lib.Listed()) != 3 {
		t.Errorf("restore from the trash: %v", err)
	}
}

func TestImport(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	good := filepath.Join(env.dir, "compte_rendu-atelier.md")
	if err := os.WriteFile(good, []byte(sample(t)), 0o600); err != nil {
		t.Fatal(err)
	}
	u.lib.Dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(good)})
	env.q.pumpUntil(t, "import", func() bool { return u.reportID != 0 })
	if !strings.HasPrefix(u.ed.Fields().Title.Text, "Atelier de concertation") || !strings.Contains(u.ed.Fields().Body.Text, "Saint-Aubin") {
		t.Fatalf("imported title %q", u.ed.Fields().Title.Text)
	}

	bad := filepath.Join(env.dir, "photo.txt")
	if err := os.WriteFile(bad, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o600); err != nil {
		t.Fatal(err)
	}
	u.lib.Dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(bad)})
	env.q.pumpUntil(t, "import error", func() bool { return u.lastErr != nil })
	if imports.CodeOf(u.lastErr) != imports.CodeBinary {
		t.Fatalf("error %v, want a binary-file error", u.lastErr)
	}
	if msg := ErrorText(u.lastErr); !strings.Contains(msg, "n’est pas un fichier texte") {
		t.Errorf("French message %q", msg)
	}
	if len(u.lib.Listed()) != 1 {
		t.Errorf("a rejected import must not create a report")
	}
}

// holdEngine writes a sentence, then waits to be cancelled: a run that cannot finish before
// the test cancels it.
type holdEngine struct{}

func (holdEngine) Name() string { return model.EngineBuiltin }

func (holdEngine) Generate(ctx context.Context, _ generate.Request, progress generate.ProgressFunc) (generate.Result, error) {
	progress(generate.Progress{Stage: generate.StageWriting, Delta: "Début du texte. ", Fraction: -1})
	<-ctx.Done()
	return generate.Result{Text: "Début du texte. "}, ctx.Err()
}

// TestCancelKeepsPartialText cancels a run under way and checks each variant keeps what it
// had written.
func TestCancelKeepsPartialText(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.sched = generate.NewScheduler([]generate.Engine{holdEngine{}}, u.presets, env.st)
	u.lib.NewReport()
	u.ed.Fields().Body.SetText(strings.Repeat(sample(t)+"\n\n", 4))
	test.Tap(u.gen.start)
	env.q.pumpUntil(t, "some text", func() bool {
		for _, v := range u.cmp.variants {
			if v.Text != "" {
				return true
			}
		}
		return false
	})
	test.Tap(u.gen.cancel)
	env.q.pumpUntil(t, "cancelled", func() bool { return isDone(u.run.job) && allFinal(u.cmp.variants) })
	env.q.drain()
	stored, err := env.st.Variants(context.Background(), u.cmp.run.ID)
	if err != nil {
		t.Fatal(err)
	}
	partial, cancelled := 0, -1
	for i, v := range stored {
		if v.Status != model.StatusCancelled && v.Status != model.StatusDone {
			t.Errorf("variant %d: status %s", i, v.Status)
		}
		if v.Status == model.StatusCancelled && v.Text != "" {
			partial++
			cancelled = i
		}
		if v.Text != u.cmp.variants[i].Text {
			t.Errorf("variant %d: screen and workspace disagree", i)
		}
	}
	if partial == 0 {
		t.Fatal("no cancelled variant kept its partial text")
	}
	// The variants that finished before the cancel say so; a cancelled one says it was.
	if !strings.Contains(strings.ToLower(u.gen.rows[cancelled].status.Text), "annulée") {
		t.Errorf("variant %d: status text %q does not say it was cancelled", cancelled, u.gen.rows[cancelled].status.Text)
	}
}

func TestLanguageSwitch(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	if got := u.tabs.Items[0].Text; got != "Compte-rendu" {
		t.Fatalf("French tab reads %q", got)
	}
	s := newSettings(u.settingsDeps())
	s.show()
	_, labels := languageChoices()
	s.language.SetSelected(labels[2]) // English
	if got := u.tabs.Items[0].Text; got != "Report" {
		t.Fatalf("after switching to English the tab reads %q", got)
	}
	if s.reopened == nil || s.reopened.apply.Text != "Apply" {
		t.Error("the settings dialog did not come back in English")
	}
	if LanguagePreference(env.app) != LanguageEnglish {
		t.Error("the choice was not saved")
	}
	s = newSettings(u.settingsDeps())
	_, labels = languageChoices()
	s.language.SetSelected(labels[1]) // Français
	if got := u.tabs.Items[0].Text; got != "Compte-rendu" {
		t.Fatalf("back in French the tab reads %q", got)
	}
}

func TestExampleReport(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.OpenExample()
	if u.reportID == 0 || !strings.Contains(u.ed.Fields().Body.Text, "Saint-Aubin") || u.ed.Fields().Date.Text != "17/06/2025" {
		t.Fatalf("example not opened: %q", u.ed.Fields().Date.Text)
	}
}

func TestFormatSeconds(t *testing.T) {
	for d, want := range map[time.Duration]string{
		3 * time.Millisecond:    "0,003",
		2400 * time.Millisecond: "2,4",
		42 * time.Second:        "42",
	} {
		if got := formatSeconds(d); got != want {
			t.Errorf("formatSeconds(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestDuplicateAndDrop(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.OpenExample()
	first := u.reportID
	u.ed.Fields().Body.SetText("Texte modifié avant la copie.")
	u.lib.Duplicate()
	if u.reportID == first || !strings.HasSuffix(u.ed.Fields().Title.Text, "(copie)") || u.ed.Fields().Body.Text != "Texte modifié avant la copie." {
		t.Fatalf("duplicate: %q %q", u.ed.Fields().Title.Text, u.ed.Fields().Body.Text)
	}
	path := filepath.Join(env.dir, "notes_de_seance.txt")
	if err := os.WriteFile(path, []byte("Notes prises pendant la réunion publique du 3 mars."), 0o600); err != nil {
		t.Fatal(err)
	}
	before := len(u.lib.Listed())
	u.lib.Dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	env.q.pumpUntil(t, "dropped file imported", func() bool { return len(u.lib.Listed()) == before+1 })
	if u.ed.Fields().Title.Text != "notes de seance" {
		t.Errorf("imported title %q", u.ed.Fields().Title.Text)
	}
}

func TestHistoryRestoresAVersion(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.NewReport()
	u.ed.Fields().Body.SetText("Version d'origine du texte.")
	if h := u.onHistory(); h == nil || len(h.revs) != 1 {
		t.Fatal("history of a new report")
	} else {
		h.dlg.Hide()
	}
	u.ed.Fields().Body.SetText("Version réécrite, avec une phrase de plus.")
	h := u.onHistory()
	if h == nil || len(h.revs) != 2 {
		t.Fatalf("history: %v", h)
	}
	if !hasStyledText(h.diff, "réécrite", string(theme.ColorNamePrimary)) {
		t.Error("the diff does not show the words added")
	}
	test.Tap(h.restore)
	if u.ed.Fields().Body.Text != "Version d'origine du texte." {
		t.Fatalf("editor shows %q after restore", u.ed.Fields().Body.Text)
	}
	revs, _ := env.st.Revisions(context.Background(), u.reportID)
	if len(revs) != 3 || revs[1].Body != "Version réécrite, avec une phrase de plus." {
		t.Errorf("the text before the restore is not kept: %d versions", len(revs))
	}
}

func TestTemplates(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	ts := u.templates()
	if len(ts) < 4 {
		t.Fatalf("%d built-in templates", len(ts))
	}
	atelier, ok := model.FindTemplate(ts, "atelier")
	if !ok {
		t.Fatal("no workshop template")
	}
	u.lib.Create(atelier.NewReport("Atelier de quartier", model.French))
	if !strings.Contains(u.ed.Fields().Body.Text, "Contexte et objectifs") || !kindIs(u.ed.Fields().Kind, model.KindWorkshop) {
		t.Fatalf("report from template: %q", u.ed.Fields().Body.Text)
	}
	u.ed.Fields().Body.SetText("## Ordre du jour\n\n## Relevé de décisions\n")
	if err := u.saveTemplate("Conseil de quartier"); err != nil {
		t.Fatal(err)
	}
	mine, ok := model.FindTemplate(u.templates(), "conseil-de-quartier")
	if !ok || !strings.Contains(mine.Body.In(model.French), "Relevé de décisions") {
		t.Fatalf("saved template %+v", mine)
	}
}

func kindIs(c *uikit.Choice[model.SessionKind], want model.SessionKind) bool {
	k, ok := c.Value()
	return ok && k == want
}
