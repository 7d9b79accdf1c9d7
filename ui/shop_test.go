package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
	"github.com/rapporteur/rapporteur/model/workflow"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// richText joins the text of a RichText's segments, those of lists and paragraphs included.
func richText(rt *widget.RichText) string {
	var b strings.Builder
	var walk func([]widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, seg := range segs {
			switch s := seg.(type) {
			case *widget.TextSegment:
				b.WriteString(s.Text + "\n")
			case *widget.ListSegment:
				walk(s.Items)
			case *widget.ParagraphSegment:
				walk(s.Texts)
			}
		}
	}
	walk(rt.Segments)
	return b.String()
}

// TestWorkshopBuiltinIsAnnotated shows a built-in preset with the reason for each rule.
func TestWorkshopBuiltinIsAnnotated(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	w := env.u.onPresets()
	if w.index != 0 || w.ed != nil || !w.items[0].Builtin {
		t.Fatalf("the first built-in preset is not shown: %d %v", w.index, w.ed)
	}
	var shown string
	for _, o := range test.LaidOutObjects(w.detail) {
		if r, ok := o.(*widget.RichText); ok {
			shown += richText(r)
		}
	}
	if !strings.Contains(shown, "↳ ") || !strings.Contains(shown, "N’invente rien") {
		t.Fatalf("no annotated instructions in the view:\n%s", shown)
	}
}

// TestWorkshopCopyEditSave copies a built-in preset, edits it with a live preview, saves new
// versions, and finds it in the generation matrix and the scheduler.
func TestWorkshopCopyEditSave(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.OpenExample()
	w := u.onPresets()
	w.onCopy(w.items[0])
	e := w.ed
	if e == nil || e.p.Builtin || e.p.Version != 1 || e.p.Method != model.MethodNone || !strings.HasSuffix(e.name.Text, "(copie)") {
		t.Fatalf("copy %+v", e)
	}
	if len(e.p.Notes[model.French]) == 0 {
		t.Error("the copy lost the notes")
	}
	checkPresetPreview(t, env, e)
	checkPresetLanguages(t, e, w.items[0])
}

// checkPresetPreview edits the instructions and the target: the preview shows them filled
// from the open report, and saving makes version 2, offered in the matrix.
func checkPresetPreview(t *testing.T, env *testEnv, e *presetEditor) {
	t.Helper()
	u := env.u
	e.instructions.SetText("Résume « {{titre}} » en {{longueur}} mots pour {{public}}.")
	e.targetKind.Set(targetWords)
	e.target.SetText("250")
	if !e.dirty || !strings.Contains(e.system.Text, "Résume « "+u.ed.Fields().Title.Text+" » en 250 mots") {
		t.Fatalf("preview %q", e.system.Text)
	}
	if !strings.Contains(e.user.Text, u.ed.Fields().Title.Text) {
		t.Errorf("the preview lacks the report: %q", e.user.Text)
	}
	if err := e.save(); err != nil || e.p.Version != 2 {
		t.Fatalf("save: version %d, %v", e.p.Version, err)
	}
	if _, ok := model.FindPreset(u.gen.matrix.presets, e.p.ID); !ok {
		t.Error("the new preset is not offered in the matrix")
	}
	stored, err := env.st.PresetVersion(context.Background(), e.p.ID, 2)
	if err != nil || stored.TargetWords != 250 {
		t.Fatalf("stored %+v, %v", stored, err)
	}
}

// checkPresetLanguages edits the English instructions without touching the French ones.
func checkPresetLanguages(t *testing.T, e *presetEditor, original model.Preset) {
	t.Helper()
	e.language.SetSelected(i18n.LanguageLabel(model.English)) // as a tap does
	if e.lang != model.English || e.instructions.Text != original.Instructions[model.English] {
		t.Fatalf("english instructions %q", e.instructions.Text)
	}
	e.instructions.SetText("Summarise {{title}}.")
	e.language.SetSelected(i18n.LanguageLabel(model.French))
	if !strings.HasPrefix(e.instructions.Text, "Résume") || e.p.Instructions[model.English] != "Summarise {{title}}." {
		t.Fatalf("languages mixed: %q / %q", e.instructions.Text, e.p.Instructions[model.English])
	}
}

// TestWorkshopRefusesBadInput keeps a preset that cannot be saved on screen with the reason,
// and saves nothing.
func TestWorkshopRefusesBadInput(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	w := u.onPresets()
	w.onNew()
	e := w.ed
	if e == nil || e.p.Version != 1 || !strings.Contains(e.instructions.Text, "{{longueur}}") {
		t.Fatalf("new preset %+v", e)
	}
	e.targetKind.Set(targetShare)
	e.target.SetText("cent")
	if !strings.Contains(e.status.Text, "de 1 à 100") {
		t.Errorf("status %q", e.status.Text)
	}
	index := w.index
	w.list.Select(0)
	if w.index != index || w.ed != e {
		t.Fatal("left a preset that could not be saved")
	}
	e.target.SetText("30")
	e.name.SetText("  ")
	if err := e.save(); err == nil || !strings.Contains(e.status.Text, "Nom") {
		t.Fatalf("empty name saved: %v, %q", err, e.status.Text)
	}
	if p, _ := env.st.PresetVersion(context.Background(), e.p.ID, 1); p.TargetRatio != 0 {
		t.Errorf("an invalid edit reached the workspace: %+v", p)
	}
	e.name.SetText("Compte-rendu du conseil")
	w.onClose()
	if vs, err := env.st.PresetVersions(context.Background(), e.p.ID); err != nil || len(vs) != 2 || vs[0].TargetRatio != 0.3 {
		t.Fatalf("closing did not save the edit: %+v, %v", vs, err)
	}
}

// TestWorkshopDelete removes a preset from the lists; its versions stay for old variants.
func TestWorkshopDelete(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	w := u.onPresets()
	w.onNew()
	id := w.ed.p.ID
	w.ed.delete()
	if _, ok := model.FindPreset(u.presets, id); ok || w.ed != nil {
		t.Fatal("the deleted preset is still offered")
	}
	if _, err := env.st.PresetVersion(context.Background(), id, 1); err != nil {
		t.Errorf("the deleted preset's version is gone: %v", err)
	}
	w.onNew()
	if w.ed.p.ID == id || w.ed.p.Version != 1 {
		t.Errorf("a new preset took the deleted one's identifier %q (version %d)", w.ed.p.ID, w.ed.p.Version)
	}
}

// TestPresetVersionOnVariant generates with a preset of the user's on a model and finds the
// version and the exact prompt on the variant.
func TestPresetVersionOnVariant(t *testing.T) {
	srv := newServer(t)
	env := newOllamaEnv(t, srv.URL())
	u := env.u
	u.lib.OpenExample()
	waitModels(t, env, 2)
	w := u.onPresets()
	w.onNew()
	w.ed.instructions.SetText("Résume « {{titre}} » sans rien inventer.")
	if err := w.ed.save(); err != nil {
		t.Fatal(err)
	}
	id := w.ed.p.ID
	w.onClose()
	onlyTick(u, map[int][]string{1: {id}})
	test.Tap(u.gen.start)
	env.q.pumpUntil(t, "run done", func() bool { return u.run != nil && isDone(u.run.job) && allFinal(u.cmp.variants) })
	env.q.drain()
	v := u.cmp.variants[0]
	if v.PresetID != id || v.PresetVersion != 2 || v.Prompt != "Résume « "+u.ed.Fields().Title.Text+" » sans rien inventer." {
		t.Fatalf("variant %s v%d prompt %q", v.PresetID, v.PresetVersion, v.Prompt)
	}
	if got := srv.LastChat().Messages[0].Content; got != v.Prompt {
		t.Errorf("recorded prompt %q differs from the one sent %q", v.Prompt, got)
	}
	// The preset changes afterwards: the archive and the PDF keep what was sent.
	w = u.onPresets()
	w.reload(id)
	w.ed.instructions.SetText("Autre chose.")
	if err := w.ed.save(); err != nil {
		t.Fatal(err)
	}
	if msgs := workflow.Prompt(u.cmp.source, v, u.presets); len(msgs) != 2 || msgs[0].Content != v.Prompt {
		t.Errorf("the archived prompt is not the one sent: %+v", msgs)
	}
}

// TestImproveMyInstructions runs the prompt coach: a model answering in the expected format
// gives a diff to accept; one that does not changes nothing; a failure keeps its text.
func TestImproveMyInstructions(t *testing.T) {
	srv := newServer(t)
	answer := "## Remarques\n- « Court » ne dit pas combien de mots.\n\n## Consigne révisée\nRésume en 150 mots au plus, sans rien inventer."
	srv.AddModel(ollamatest.Model{Name: "coach:3b", ParameterSize: "3B", Quantization: "Q4_K_M", ContextLength: 8192, Reply: answer})
	env := newOllamaEnv(t, srv.URL())
	u := env.u
	waitModels(t, env, 3)
	w := u.onPresets()
	w.onNew()
	e := w.ed
	e.instructions.SetText("Fais court.")
	spec := func(name string) model.Spec {
		return model.Spec{Engine: model.EngineOllama, Host: srv.URL(), Model: name}
	}

	c := e.runCoach(spec("coach:3b"))
	env.q.pumpUntil(t, "coach", func() bool { return !c.accept.Disabled() })
	if !strings.Contains(c.status.Text, "Accepter") && !strings.Contains(c.status.Text, "accept") {
		t.Logf("status %q", c.status.Text)
	}
	if sent := srv.LastChat().Messages[1].Content; !strings.Contains(sent, "Fais court.") {
		t.Errorf("the instructions were not sent: %q", sent)
	}
	test.Tap(c.accept)
	if e.instructions.Text != "Résume en 150 mots au plus, sans rien inventer." || !e.dirty {
		t.Fatalf("accepted revision not in the editor: %q", e.instructions.Text)
	}

	c = e.runCoach(spec("mistral:7b")) // answers words of the prompt, not the format
	env.q.pumpUntil(t, "no format", func() bool { return strings.Contains(c.status.Text, "forme attendue") })
	if !c.accept.Disabled() {
		t.Error("an answer without a revision can be accepted")
	}

	srv.Inject(ollamatest.Fault{Kind: ollamatest.FaultCut, After: 5})
	c = e.runCoach(spec("coach:3b"))
	if c == nil {
		t.Fatalf("no coach: %v", u.lastErr)
	}
	env.q.pumpUntil(t, "cut", func() bool {
		return strings.Contains(c.status.Text, "interrompue") || strings.Contains(c.status.Text, "arrêt")
	})
	if raw := c.body.Objects[0].(*widget.Label).Text; !strings.Contains(raw, "Remarques") {
		t.Errorf("the partial answer is lost: %q", raw)
	}
	if !c.accept.Disabled() || e.instructions.Text != "Résume en 150 mots au plus, sans rien inventer." {
		t.Error("a failed review changed the instructions")
	}
}

// TestWorkshopKeepsEdits saves the preset being edited when the window closes, opens the
// preset clicked even when a rename moved the list, and opens a preset written only in
// English in English.
func TestWorkshopKeepsEdits(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	w := u.onPresets()
	if u.onPresets() != w {
		t.Fatal("a second workshop was opened over the first")
	}
	names := []string{"Alpha", "Beta", "Gamma"}
	ids := map[string]string{}
	for _, n := range names {
		w.onNew()
		w.ed.name.SetText(n)
		if err := w.ed.save(); err != nil {
			t.Fatal(err)
		}
		ids[n] = w.ed.p.ID
	}
	w.reload(ids["Alpha"])
	w.ed.name.SetText("Zulu")
	beta := slices.IndexFunc(w.items, func(p model.Preset) bool { return p.ID == ids["Beta"] })
	w.list.Select(beta)
	if w.ed == nil || w.ed.p.ID != ids["Beta"] {
		t.Fatalf("clicked Beta after renaming Alpha, got %+v", w.ed)
	}
	w.ed.instructions.SetText("Consigne tapée juste avant de fermer.")
	u.Close() // what closing the window does once the edits are saved
	if p, err := env.st.PresetVersions(context.Background(), ids["Beta"]); err != nil || p[0].Instructions.In(model.French) != "Consigne tapée juste avant de fermer." {
		t.Errorf("closing the window lost the edit: %+v, %v", p, err)
	}
}

func TestWorkshopEnglishOnlyPreset(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	p := model.Preset{ID: "english-only", Name: model.Localized{model.French: "Anglaise", model.English: "English"},
		Instructions: model.Localized{model.English: "Summarise {{title}}."}}
	if _, err := env.st.SavePreset(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	u.loadPresets()
	w := u.onPresets()
	w.reload("english-only")
	if w.ed.lang != model.English || w.ed.instructions.Text != "Summarise {{title}}." {
		t.Errorf("opened in %s with %q", w.ed.lang, w.ed.instructions.Text)
	}
}

// TestPresetVersionsRestore compares two versions of a preset and brings the older back as a
// new version; none is lost.
func TestPresetVersionsRestore(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	w := env.u.onPresets()
	w.onNew()
	first := w.ed.instructions.Text
	w.ed.instructions.SetText("Résume en cinq lignes.")
	h := w.ed.onVersions() // saves version 2 first
	if h == nil || len(h.versions) != 2 || h.restore.Disabled() {
		t.Fatalf("versions %+v", h)
	}
	if !hasStyledText(h.diff, "cinq", "primary") {
		t.Errorf("diff lacks the change: %s", richText(h.diff))
	}
	test.Tap(h.restore)
	if w.ed.p.Version != 3 || w.ed.instructions.Text != first {
		t.Fatalf("restored version %d: %q", w.ed.p.Version, w.ed.instructions.Text)
	}
	if vs, _ := env.st.PresetVersions(context.Background(), w.ed.p.ID); len(vs) != 3 {
		t.Errorf("%d versions kept, want 3", len(vs))
	}
}
