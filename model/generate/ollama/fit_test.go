package ollama

import (
	"strings"
	"testing"
)

// TestEstimateTokens checks the arithmetic of the estimate; how close it comes to real
// tokenizers is measured against the real server (TestRealCountsMatchServer) and Llama 3.2's tokenizer
// (TestEstimateAgainstLlamaTokenizer).
func TestEstimateTokens(t *testing.T) {
	if estimateTokens("") != 0 || estimateTokens("a") != 1+messageOverhead || estimateTokens("abcdefgh") != 3+messageOverhead {
		t.Errorf("estimates %d %d %d", estimateTokens(""), estimateTokens("a"), estimateTokens("abcdefgh"))
	}
	if got := estimateTokens("é"); got != 1+messageOverhead {
		t.Errorf("an accented letter counts as %d: characters, not bytes, are counted", got)
	}
}

func TestPlanContext(t *testing.T) {
	req := newRequest(t, "", "tiny", "synthese-courte", frenchReport)
	f := plan(tokenCounter{}, req, 8192, DefaultExpectedOutput(req))
	if !f.Fits || f.NumCtx%ctxStep != 0 || f.NumCtx < f.PromptTokens+f.OutputTokens || f.OutputTokens != minOutput || f.Chunks != 0 || f.Exact {
		t.Errorf("plan %+v", f)
	}
	if f := plan(tokenCounter{}, req, 0, 100); f.ModelContext != defaultContext {
		t.Errorf("unknown context planned as %d", f.ModelContext)
	}
	if g := plan(tokenCounter{ratio: 3}, req, 8192, DefaultExpectedOutput(req)); g.PromptTokens < 3*f.PromptTokens-10 || g.NumCtx <= f.NumCtx {
		t.Errorf("a ratio of 3 plans %d tokens in %d, against %d in %d", g.PromptTokens, g.NumCtx, f.PromptTokens, f.NumCtx)
	}
}

func TestPlanContextOptions(t *testing.T) {
	req := newRequest(t, "", "tiny", "synthese-courte", frenchReport)
	req.Spec.Options.NumCtx = 512
	if f := plan(tokenCounter{}, req, 8192, 256); f.NumCtx != 512 || f.Fits || f.Chunks != 0 {
		t.Errorf("forced num_ctx plan %+v", f)
	}
	req.Spec.Options.NumCtx, req.Spec.Options.NumPredict = 0, 3000
	if f := plan(tokenCounter{}, req, 8192, 256); f.OutputTokens != 3000 || f.NumCtx < f.PromptTokens+3000 {
		t.Errorf("num_predict plan %+v", f)
	}
	long := newRequest(t, "", "tiny", "compte-rendu-detaille", longReport(30))
	if f := plan(tokenCounter{}, long, 4096, 100); f.Fits || f.Chunks < 2 || f.OutputTokens != 100 {
		t.Errorf("long plan %+v", f)
	}
}

func TestOutputTokensFollowTheCount(t *testing.T) {
	body := longReport(2)
	if got := outputTokens(tokenCounter{}, body, 500); got != 500 {
		t.Errorf("estimate counter: %d, want 500", got)
	}
	if got := outputTokens(tokenCounter{ratio: 3}, body, 500); got < 1490 || got > 1510 {
		t.Errorf("a model counting 3 times the estimate needs about 1,500 tokens for 500 estimated, got %d", got)
	}
	if got := outputTokens(tokenCounter{ratio: 3}, "", 500); got != 500 {
		t.Errorf("empty body: %d", got)
	}
}

func TestSplitKeepsEverything(t *testing.T) {
	body := longReport(12)
	req := newRequest(t, "", "tiny", "synthese-courte", body)
	pieces, err := splitSource(tokenCounter{}, req, 1024)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := budgetFor(tokenCounter{}, req, 1024)
	for i, p := range pieces {
		if n := (tokenCounter{}).Text(p); n > b.hard {
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
