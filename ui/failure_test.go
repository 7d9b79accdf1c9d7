package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// brokenEngine writes a little, then fails the way a real engine can.
type brokenEngine struct{}

func (brokenEngine) Name() string { return model.EngineBuiltin }

func (brokenEngine) Generate(_ context.Context, _ generate.Request, progress generate.ProgressFunc) (generate.Result, error) {
	progress(generate.Progress{Stage: generate.StageWriting, Delta: "Début du texte. ", Fraction: 0.5})
	return generate.Result{Text: "Début du texte. "}, &generate.Error{Code: generate.CodeInternal, Err: errors.New("disk exploded")}
}

// TestFailedVariantKeepsTextAndSaysWhy checks a failure is stored with its partial text and
// explained in French on screen.
func TestFailedVariantKeepsTextAndSaysWhy(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.sched = generate.NewScheduler([]generate.Engine{brokenEngine{}}, u.presets, env.st)
	u.lib.NewReport()
	u.ed.Fields().Body.SetText(sample(t))
	test.Tap(u.gen.start)
	env.q.pumpUntil(t, "failure", func() bool { return isDone(u.run.job) && allFinal(u.cmp.variants) })
	env.q.drain()
	stored, err := env.st.Variants(context.Background(), u.cmp.run.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range stored {
		if v.Status != model.StatusFailed || !strings.HasPrefix(v.Text, "Début du texte.") || v.ErrorCode != string(generate.CodeInternal) {
			t.Errorf("variant %d stored as %s %q %q", i, v.Status, v.Text, v.ErrorCode)
		}
	}
	status := u.gen.rows[0].status.Text
	if !strings.Contains(status, "Échec") || !strings.Contains(status, "erreur inattendue") || !strings.Contains(status, "texte partiel conservé") {
		t.Errorf("status %q does not explain the failure", status)
	}
	if u.cmp.cols[0].markdown != stored[0].Text {
		t.Errorf("the column does not show the partial text")
	}
	if u.gen.start.Disabled() {
		t.Error("start should be enabled again after the run")
	}
}

// TestNothingToGenerate checks the panel explains an empty report and an empty choice.
func TestNothingToGenerate(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.NewReport()
	test.Tap(u.gen.start)
	if u.run != nil || !strings.Contains(u.gen.hint.Text, "vide") {
		t.Fatalf("empty report: hint %q", u.gen.hint.Text)
	}
	u.ed.Fields().Body.SetText(sample(t))
	for key := range u.gen.matrix.ticked {
		u.gen.matrix.ticked[key] = false
	}
	test.Tap(u.gen.start)
	if u.run != nil || !strings.Contains(u.gen.hint.Text, "au moins une consigne") {
		t.Fatalf("no preset: hint %q", u.gen.hint.Text)
	}
}

// TestSaveFailureKeepsTheEdit closes the workspace under the editor: the edit is not lost,
// the status says it is not saved, and it is saved once the workspace works again.
func TestSaveFailureKeepsTheEdit(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.NewReport()
	id := u.reportID
	if err := env.st.Close(); err != nil {
		t.Fatal(err)
	}
	u.ed.Fields().Body.SetText("Texte à ne pas perdre.")
	u.ed.Flush()
	env.q.drain()
	if !strings.HasPrefix(u.ed.Fields().Status.Text, "Non enregistré") {
		t.Fatalf("status %q", u.ed.Fields().Status.Text)
	}
	if u.ed.Fields().Body.Text != "Texte à ne pas perdre." {
		t.Fatal("the edit left the editor")
	}
	draft, dirty := u.ed.Pending()
	pending := dirty && draft.Body == "Texte à ne pas perdre."
	if !pending {
		t.Fatalf("the failed edit is not kept for the next save (report %d)", id)
	}
}

func TestShowPrompt(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.OpenExample()
	p, _ := model.FindPreset(u.presets, "synthese-courte")
	form := showPrompt(u.win, u.ed.Collect(), p)
	if len(form.Items) != 2 {
		t.Fatalf("%d messages", len(form.Items))
	}
	user := form.Items[1].Widget.(*widget.Label).Text
	if !strings.Contains(user, "Saint-Aubin-sur-Lys") || !strings.Contains(user, "Atelier de concertation") {
		t.Errorf("the report is not in the prompt: %q", user[:80])
	}
}

// TestContextTooLongSaysTheNumbers: when a passage cannot fit the model even read in parts,
// the explanation gives the tokens it needs and the model's context.
func TestContextTooLongSaysTheNumbers(t *testing.T) {
	if err := LoadTranslations(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	v := model.Variant{ErrorCode: string(generate.CodeContextTooLong), Stats: model.Stats{ContextNeeded: 9500, ModelContext: 8192}}
	if got := VariantErrorText(v); !strings.Contains(got, "9,5k jetons") || !strings.Contains(got, "(8,2k)") {
		t.Errorf("%q lacks the numbers", got)
	}
	v.Stats = model.Stats{}
	if got := VariantErrorText(v); !strings.Contains(got, "trop long") {
		t.Errorf("without numbers: %q", got)
	}
}
