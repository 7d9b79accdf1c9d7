package ui

import (
	"context"
	"fyne.io/fyne/v2"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// inventedText is a variant of the sample that changes a figure and invents an organisation.
const inventedText = "La commune de Saint-Aubin-sur-Lys prépare le réaménagement de la place du Marché. " +
	"54,5 % des répondant·es habitent près de la place, selon l'Agence Régionale du Bocage."

// runWithVariants stores a run of the open report whose variants have the given texts, all done,
// and shows it in the comparison.
func runWithVariants(t *testing.T, env *testEnv, texts ...string) {
	t.Helper()
	u := env.u
	ctx := context.Background()
	rev, err := env.st.Snapshot(ctx, u.reportID)
	if err != nil {
		t.Fatal(err)
	}
	specs := make([]model.Spec, len(texts))
	for i := range texts {
		specs[i] = model.Spec{Engine: model.EngineBuiltin, PresetID: []string{"synthese-courte", "points-cles", "decisions-actions"}[i%3]}
	}
	run, variants, err := env.st.CreateRun(ctx, model.Run{ReportID: u.reportID, RevisionID: rev.ID, Specs: specs})
	if err != nil {
		t.Fatal(err)
	}
	for i := range variants {
		variants[i].Text, variants[i].Status = texts[i], model.StatusDone
		if err := env.st.SaveVariant(ctx, variants[i]); err != nil {
			t.Fatal(err)
		}
	}
	u.cmp.showRun(rev, run, variants)
	env.q.pumpUntil(t, "analysis", func() bool { return u.cmp.analysis != nil })
}

// hasStyledText reports whether rt shows text containing want in the colour named.
func hasStyledText(rt *widget.RichText, want string, color string) bool {
	for _, seg := range rt.Segments {
		if ts, ok := seg.(*widget.TextSegment); ok && strings.Contains(ts.Text, want) && string(ts.Style.ColorName) == color {
			return true
		}
	}
	return false
}

func TestAnalysisShowsFactsAndMetrics(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.OpenExample()
	runWithVariants(t, env, inventedText)
	col := u.cmp.cols[0]
	if !hasStyledText(&widget.RichText{Segments: col.text.Segments}, "54,5 %", string(theme.ColorNameError)) {
		t.Error("the altered percentage is not flagged in the column")
	}
	if lost := richText(col.lost.list); !col.lost.box.Visible() || !strings.Contains(lost, "45,5 %") || !strings.Contains(lost, "Mme Claire Laurent") {
		t.Errorf("lost facts: %q", lost)
	}
	if len(u.cmp.metrics.Objects) < 10 {
		t.Fatalf("metrics table has %d rows", len(u.cmp.metrics.Objects))
	}
	checkMetricsAligned(t, u.cmp)
	u.cmp.diffCheck.SetChecked(true)
	if !hasStyledText(&widget.RichText{Segments: col.text.Segments}, "54,5 %", string(theme.ColorNameError)) {
		t.Error("highlighting the words not in the source hides the facts")
	}
}

func TestBlindVote(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.OpenExample()
	runWithVariants(t, env, "Première variante. Elle est courte.", "Deuxième variante, plus développée.", inventedText)
	c := u.cmp
	c.blindCheck.SetChecked(true)
	if c.blind == nil || len(c.cols) != 3 {
		t.Fatal("blind mode did not start")
	}
	checkHidden(t, c)
	if !c.exportBtn.Disabled() || c.exportWhy.Text != "Votez d’abord\u00a0: le PDF nomme chaque modèle." {
		t.Errorf("before the vote, export enabled %v, saying %q", !c.exportBtn.Disabled(), c.exportWhy.Text)
	}
	if c.split.Offset != 0.5 {
		t.Errorf("the vote form has %.2f of the height", 1-c.split.Offset)
	}
	checkMetricsAligned(t, c)
	test.Tap(c.blind.submit) // nothing chosen yet
	if u.lastErr == nil {
		t.Fatal("voting without a choice should be refused")
	}
	c.blind.preferred.SetSelected("B")
	c.blind.reasons[1].SetSelected([]string{"utile", "complet"})
	c.blind.comments[1].SetText("Plus fidèle.")
	test.Tap(c.blind.submit)
	checkStoredVote(t, env)
	if c.exportBtn.Disabled() || c.exportWhy.Text != "" {
		t.Errorf("after the vote, export disabled %v, saying %q", c.exportBtn.Disabled(), c.exportWhy.Text)
	}
	wins, err := env.st.WinsByPreset(context.Background())
	if err != nil || len(wins) == 0 || wins[0].Won != 1 {
		t.Errorf("wins %+v, %v", wins, err)
	}
}

func TestReviewedMark(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.OpenExample()
	runWithVariants(t, env, inventedText)
	v := u.cmp.variants[0]
	u.cmp.markReviewed(v, "Claire Martin", "27/11/2026")
	col := u.cmp.cols[0]
	if !col.review.Visible() || !strings.Contains(col.review.Text, "Claire Martin") || !strings.Contains(col.review.Text, "27/11/2026") {
		t.Fatalf("mark shows %q", col.review.Text)
	}
	u.cmp.markReviewed(v, "  ", "27/11/2026")
	if u.lastErr == nil {
		t.Error("a mark without a name should be refused")
	}
	marks, err := env.st.ReviewMarks(context.Background(), v.RunID)
	if err != nil || len(marks) != 1 || marks[0].Reviewer != "Claire Martin" || marks[0].Date != "2026-11-27" {
		t.Fatalf("marks %+v, %v", marks, err)
	}
}

// TestCritiqueAndRevise asks a model of the test server to critique a variant, then revises it.
func TestCritiqueAndRevise(t *testing.T) {
	srv := newServer(t)
	env := newOllamaEnv(t, srv.URL())
	u := env.u
	u.lib.OpenExample()
	waitModels(t, env, 2)
	runWithVariants(t, env, inventedText)
	v := u.cmp.variants[0]
	u.cmp.runCritique(v, u.hosts.models()[0])
	env.q.pumpUntil(t, "critique", func() bool {
		list := u.cmp.critiques[v.ID]
		return len(list) == 1 && list[0].Status.Final()
	})
	cr := u.cmp.critiques[v.ID][0]
	if cr.Status != model.StatusDone || cr.Text == "" {
		t.Fatalf("critique %s %q (%s)", cr.Status, cr.Text, cr.Error)
	}
	if sent := srv.LastChat(); !strings.Contains(sent.Messages[1].Content, "54,5 %") || !strings.Contains(sent.Messages[1].Content, "45,5 %") {
		t.Error("the critique request lacks the variant or the source")
	}
	stored, err := env.st.Critiques(context.Background(), v.ID)
	if err != nil || len(stored) != 1 || stored[0].Text != cr.Text {
		t.Fatalf("stored critiques %+v, %v", stored, err)
	}
	if len(u.cmp.cols[0].extra.Objects) != 1 {
		t.Error("the critique is not shown beside the variant")
	}
	checkRevision(t, env, srv, v, cr)
}

// checkRevision revises v from its critique cr: a new variant of the run that records the
// reviser's version and the exact prompt sent.
func checkRevision(t *testing.T, env *testEnv, srv *ollamatest.Server, v model.Variant, cr model.Critique) {
	t.Helper()
	u := env.u
	u.cmp.onRevise(v, cr)
	env.q.pumpUntil(t, "revision", func() bool {
		return len(u.cmp.variants) == 2 && u.cmp.variants[1].Status.Final()
	})
	nv := u.cmp.variants[1]
	if nv.Status != model.StatusDone || nv.Text == "" || nv.PresetID != generate.PresetRevise {
		t.Fatalf("revision %s %q %s (%s)", nv.Status, nv.Text, nv.PresetID, nv.Error)
	}
	if reviser, _ := model.FindPreset(u.presets, generate.PresetRevise); nv.PresetVersion != reviser.Version || nv.Prompt != srv.LastChat().Messages[0].Content {
		t.Errorf("revision records version %d and prompt %q", nv.PresetVersion, nv.Prompt)
	}
}

// checkHidden checks no blind column gives its engine or preset away.
func checkHidden(t *testing.T, c *comparison) {
	t.Helper()
	for _, col := range c.cols {
		if !strings.HasPrefix(col.title.Text, "Variante ") || strings.Contains(col.subtitle.Text, "Synthèse") || len(col.title.Text) != len("Variante A") {
			t.Errorf("blind column gives away: %q / %q", col.title.Text, col.subtitle.Text)
		}
	}
}

// checkStoredVote checks the vote is stored with its reactions, and the variants revealed.
func checkStoredVote(t *testing.T, env *testEnv) {
	t.Helper()
	c := env.u.cmp
	votes, err := env.st.Votes(context.Background(), c.run.ID)
	if err != nil || len(votes) != 1 {
		t.Fatalf("votes %v, %v", votes, err)
	}
	v := votes[0]
	if v.Preferred != c.blind.ids[1] || len(v.Reactions[1].Reasons) != 2 || v.Reactions[1].Comment != "Plus fidèle." {
		t.Errorf("vote %+v", v)
	}
	revealed := false
	for _, col := range c.cols {
		revealed = revealed || strings.Contains(col.subtitle.Text, "votre choix")
	}
	if !revealed {
		t.Error("the vote did not reveal the variants")
	}
}

// checkMetricsAligned checks every line of the bottom pane has a cell under each column, and
// that folding the pane gives the columns the whole height.
func checkMetricsAligned(t *testing.T, c *comparison) {
	t.Helper()
	n := len(c.columns.Objects)
	if got := len(c.metricsHead.Objects); got != n {
		t.Errorf("the bar names %d columns, the screen shows %d", got, n)
	}
	for i, o := range c.metrics.Objects {
		var cells int
		switch row := o.(type) {
		case *widget.Card: // the vote form
			cells = len(row.Content.(*fyne.Container).Objects)
		case *fyne.Container: // a measure: its name, then its values
			cells = len(row.Objects[1].(*fyne.Container).Objects)
		}
		if cells != n {
			t.Errorf("line %d of the metrics has %d cells for %d columns", i, cells, n)
		}
	}
	c.foldMetrics(true)
	if c.split.Offset != 1 || c.metricsScroll.Visible() {
		t.Errorf("folded: offset %.2f, metrics visible %v", c.split.Offset, c.metricsScroll.Visible())
	}
	c.foldMetrics(false)
	if c.split.Offset == 1 || !c.metricsScroll.Visible() {
		t.Error("unfolded, the metrics stay hidden")
	}
}
