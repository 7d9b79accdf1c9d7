package export

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// TestReviewPageVotes: a preferred variant is named once, « Variante 2 préférée », not
// « préférée — préférée : … », and a letter with no reason nor comment is not listed alone.
func TestReviewPageVotes(t *testing.T) {
	c := fullComparison(t, frenchComparison(t))
	a, b := c.Variants[0].ID, c.Variants[1].ID
	c.Votes = []model.Vote{{ID: 1, RunID: 1, Shown: []int64{b, a}, Outcome: model.OutcomePreferred, Preferred: b,
		Created: c.Exported, Reactions: []model.Reaction{
			{VariantID: b, Label: "A", Reasons: []model.Reason{model.ReasonClear}},
			{VariantID: a, Label: "B"},
			{VariantID: a, Label: "B", Comment: "  "},
		}}}
	text := normalise(pdfText(t, render(t, c)))
	start, end := strings.Index(text, "Votes à l’aveugle"), strings.Index(text, "Critiques par un modèle")
	if start < 0 || end < start {
		t.Fatalf("no vote section in:\n%s", text)
	}
	got := strings.TrimSpace(text[start+len("Votes à l’aveugle") : end])
	want := "Vote 1 · Variante 2 préférée · 18 juin 2025 A = Variante 2 · B = Variante 1 A — claire"
	if got != want {
		t.Errorf("vote section:\n got %q\nwant %q", got, want)
	}
}
