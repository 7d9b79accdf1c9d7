package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/model"
)

// TestLanguageSwitchKeepsReportAndRun changes the language while a report is open and a slow
// generation runs: the report stays loaded and the run can still be followed and cancelled.
func TestLanguageSwitchKeepsReportAndRun(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	env.eng.Pace = time.Hour // no variant can finish before it is cancelled
	u.lib.OpenExample()
	u.ed.Fields().Body.SetText(strings.Repeat(sample(t)+"\n\n", 3))
	test.Tap(u.gen.start)
	s := newSettings(u.settingsDeps())
	_, labels := languageChoices()
	s.language.SetSelected(labels[2]) // English

	if u.ed.Fields().Body.Disabled() || !strings.Contains(u.ed.Fields().Body.Text, "Saint-Aubin") {
		t.Fatal("the open report was not loaded again after the language changed")
	}
	if len(u.gen.rows) != 3 || u.gen.cancel.Disabled() || !u.gen.start.Disabled() {
		t.Fatalf("the run under way is not shown: %d rows", len(u.gen.rows))
	}
	test.Tap(u.gen.cancel)
	env.q.pumpUntil(t, "cancelled", func() bool { return isDone(u.run.job) && allFinal(u.cmp.variants) })
	env.q.drain()
	for i, r := range u.gen.rows {
		if !strings.HasPrefix(r.status.Text, "Cancelled") {
			t.Errorf("row %d status %q, want Cancelled (in English)", i, r.status.Text)
		}
	}
	for i, v := range u.cmp.variants {
		if v.Status != model.StatusCancelled {
			t.Errorf("variant %d ended %s, want cancelled", i, v.Status)
		}
	}
}

// TestRunOfAnotherReport starts a slow run, opens another report and deletes it: the first
// run is named, blocks a second one and is not cancelled by deleting the other report.
func TestRunOfAnotherReport(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	env.eng.Pace = 100 * time.Millisecond
	u.lib.OpenExample()
	first := u.reportID
	u.ed.Fields().Body.SetText(strings.Repeat(sample(t)+"\n\n", 3))
	test.Tap(u.gen.start)
	if !u.cmp.exportBtn.Disabled() {
		t.Error("export should wait for the run to end")
	}

	u.lib.Create(model.NewReport("Autre réunion", model.French))
	if u.reportID == first {
		t.Fatal("the new report did not open")
	}
	if !u.gen.start.Disabled() || !strings.Contains(u.gen.hint.Text, "en cours") {
		t.Errorf("start enabled during another report's run; hint %q", u.gen.hint.Text)
	}
	u.lib.Delete(u.reportID)
	if isDone(u.run.job) {
		t.Fatal("deleting another report cancelled the run")
	}
	u.lib.Select(first)
	env.q.pumpUntil(t, "run done", func() bool { return isDone(u.run.job) && allFinal(u.cmp.variants) })
	env.q.drain()
	for i, v := range u.cmp.variants {
		if v.Status != model.StatusDone {
			t.Errorf("variant %d ended %s", i, v.Status)
		}
	}
	if u.cmp.exportBtn.Disabled() {
		t.Error("export should be possible once the run is done")
	}
}

// TestUnsavedEditBlocksSwitch makes a save fail (a place over the limit): the edit stays, the
// report stays open, and once fixed it saves.
func TestUnsavedEditBlocksSwitch(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.Create(model.NewReport("Premier", model.French))
	u.lib.Create(model.NewReport("Second", model.French))
	second := u.reportID
	u.ed.Fields().Place.SetText(strings.Repeat("x", model.MaxFieldLen+1))
	u.ed.Fields().Body.SetText("Texte précieux.")
	u.lib.Select(u.lib.Listed()[len(u.lib.Listed())-1].ID) // try to open the other report
	env.q.drain()
	if u.reportID != second || u.ed.Fields().Body.Text != "Texte précieux." {
		t.Fatalf("switched away from an unsaved edit (open %d)", u.reportID)
	}
	if u.lastErr == nil || !strings.Contains(ErrorText(u.lastErr), "restent dans l’éditeur") {
		t.Fatalf("error %v", u.lastErr)
	}
	if !strings.HasPrefix(u.ed.Fields().Status.Text, "Non enregistré") {
		t.Errorf("status %q", u.ed.Fields().Status.Text)
	}
	u.ed.Fields().Place.SetText("Salle du conseil")
	if err := u.ed.Flush(); err != nil {
		t.Fatal(err)
	}
	r, err := env.st.Report(context.Background(), second)
	if err != nil || r.Body != "Texte précieux." || r.Place != "Salle du conseil" {
		t.Fatalf("stored %q %q, %v", r.Body, r.Place, err)
	}
}
