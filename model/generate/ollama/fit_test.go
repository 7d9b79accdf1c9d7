package ollama

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// TestEstimateTokensMargin measures EstimateTokens against the test server's tokenizer: the
// estimate must never be short, and over-count by at most 25 % (8 to 14 % on these texts).
func TestEstimateTokensMargin(t *testing.T) {
	texts := map[string]string{"french": frenchReport, "english": englishReport, "long french": longReport(20)}
	for name, text := range texts {
		est, real := EstimateTokens(text), ollamatest.Tokens(text)
		ratio := float64(est) / float64(real)
		t.Logf("%s: estimate %d, server %d, ratio %.3f", name, est, real, ratio)
		if ratio < 1 || ratio > 1.25 {
			t.Errorf("%s: estimate %d for %d tokens (ratio %.2f), want 1 to 1.25", name, est, real, ratio)
		}
		if float64(real) < truncatedBelow*float64(est) {
			t.Errorf("%s: a whole prompt would be flagged as truncated", name)
		}
	}
	if EstimateTokens("") != 0 || EstimateTokens("a") != 1+messageOverhead {
		t.Error("small texts")
	}
}

func TestPlanContext(t *testing.T) {
	req := newRequest(t, "", "tiny", "synthese-courte", frenchReport)
	f := PlanContext(req, 8192)
	if !f.Fits || f.NumCtx%ctxStep != 0 || f.NumCtx < f.PromptTokens+f.OutputTokens || f.OutputTokens != minOutput || f.Chunks != 0 {
		t.Errorf("plan %+v", f)
	}
	if f := PlanContext(req, 0); f.ModelContext != defaultContext {
		t.Errorf("unknown context planned as %d", f.ModelContext)
	}
}

func TestPlanContextOptions(t *testing.T) {
	req := newRequest(t, "", "tiny", "synthese-courte", frenchReport)
	req.Spec.Options.NumCtx = 512
	if f := PlanContext(req, 8192); f.NumCtx != 512 || f.Fits || f.Chunks != 0 {
		t.Errorf("forced num_ctx plan %+v", f)
	}
	req.Spec.Options.NumCtx, req.Spec.Options.NumPredict = 0, 3000
	if f := PlanContext(req, 8192); f.OutputTokens != 3000 || f.NumCtx < f.PromptTokens+3000 {
		t.Errorf("num_predict plan %+v", f)
	}
	long := newRequest(t, "", "tiny", "compte-rendu-detaille", longReport(30))
	if f := NewEngine(Options{ExpectedOutputTokens: func(generate.Request) int { return 100 }}).PlanContext(long, 4096); f.Fits || f.Chunks < 2 || f.OutputTokens != 100 {
		t.Errorf("long plan %+v", f)
	}
}

func TestSplitKeepsEverything(t *testing.T) {
	body := longReport(12)
	req := newRequest(t, "", "tiny", "synthese-courte", body)
	pieces, err := splitSource(req, 1024)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := budgetFor(req, 1024)
	for i, p := range pieces {
		if n := EstimateTokens(p); n > b.hard {
			t.Errorf("piece %d: %d tokens, room %d", i, n, b.hard)
		}
	}
	if got, want := strings.Join(strings.Fields(strings.Join(pieces, " ")), " "), strings.Join(strings.Fields(body), " "); got != want {
		t.Error("pieces lost or changed text")
	}
	if len(pieces) < 3 {
		t.Errorf("%d pieces", len(pieces))
	}
}

func TestSections(t *testing.T) {
	got := sections("intro\n## A\ntext a\n\nmore\n# B\ntext b\n### sub\nx\n")
	if len(got) != 3 || got[1] != "## A\ntext a\n\nmore" || got[2] != "# B\ntext b\n### sub\nx" {
		t.Errorf("sections %q", got)
	}
}
