package ollama

import (
	"errors"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// TestRefusedPieceHalved: when Ollama refuses a piece as too long although it was counted to
// fit (here the engine starts with a ratio that halves the real count, as a wrong count
// would), the piece is condensed in two halves instead, they again if refused, and the
// variant is done: every refused piece is followed by its two halves, in order.
func TestRefusedPieceHalved(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "small", ContextLength: 2048, Words: 30})
	rec, err := ollamatest.NewRecorder(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	req := newRequest(t, rec.URL(), "small", "synthese-courte", longReport(20))
	e := NewEngine(Options{})
	c, _ := e.Client(rec.URL())
	info, err := c.Show(testContext(t), "small")
	if err != nil {
		t.Fatal(err)
	}
	e.ratios.Observe(testContext(t), ratioKey(false, info, c.Host()), 100, 50) // a ratio of 0.5
	res, progress := generateOK(t, e, req)
	xs, chats := rec.Exchanges(), s.Chats()
	if len(xs) != len(chats) || xs[0].Status != 400 {
		t.Fatalf("%d exchanges for %d requests, the first %d: want the first piece refused", len(xs), len(chats), xs[0].Status)
	}
	condensed := 0
	for i, x := range xs[:len(xs)-1] {
		if x.Status == 200 {
			condensed++
			continue
		}
		refused, first, second := body(chats[i]), body(chats[i+1]), body(chats[i+2])
		if !strings.HasPrefix(refused, first) || !strings.HasSuffix(refused, second) || len(first)+len(second) > len(refused)+2 {
			t.Errorf("request %d: the refused piece (%d bytes) was not cut in two halves (%d and %d bytes)", i, len(refused), len(first), len(second))
		}
	}
	if res.Stats.Chunks != condensed || xs[len(xs)-1].Status != 200 {
		t.Errorf("%d parts in the stats, %d condensed", res.Stats.Chunks, condensed)
	}
	checkChunkFractions(t, progress.all(), -1)
}

// body is the text between the markers of a request's user message.
func body(c ollamatest.ChatRequest) string {
	msg := c.Messages[len(c.Messages)-1].Content
	_, after, _ := strings.Cut(msg, labelsFor(model.French).begin+"\n")
	text, _, _ := strings.Cut(after, "\n"+labelsFor(model.French).end)
	return text
}

// TestRefusedSentenceIsTooLong: a single sentence Ollama refuses cannot be halved: the
// variant fails with the numbers, after one request.
func TestRefusedSentenceIsTooLong(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "small", ContextLength: 2048, Words: 30})
	sentence := "Les habitant·es " + strings.Repeat("et les commerçant·es ", 140) + "ont débattu."
	req := newRequest(t, s.URL(), "small", "synthese-courte", sentence)
	req.Spec.Options.NumPredict = 1500 // leaves no room for the sentence in one pass: it is condensed first
	s.Inject(ollamatest.Fault{Kind: ollamatest.FaultStatus, Status: 400, Message: "the input length exceeds the context length"})
	_, err := NewEngine(Options{}).Generate(testContext(t), req, nil)
	var tl *TooLongError
	if generate.CodeOf(err) != generate.CodeContextTooLong || !errors.As(err, &tl) || tl.Context != 2048 || tl.Need <= 2048 {
		t.Fatalf("err %v, want context-too-long with the numbers", err)
	}
	if n := s.Requests("/api/chat"); n != 1 {
		t.Errorf("%d requests, want the one refused", n)
	}
}

// TestSplitBySentenceKeepsParagraphs: a paragraph cut into sentences is joined back with
// spaces, and the paragraphs around it with blank lines.
func TestSplitBySentenceKeepsParagraphs(t *testing.T) {
	long := strings.Repeat("Une phrase de plus sur la place du marché. ", 80)
	text := "## Intro\n\nCourt paragraphe.\n\n" + long + "\n\nFin."
	req := newRequest(t, "", "m", "synthese-courte", text)
	pieces, err := splitText(tokenCounter{}, req, text, 1024)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pieces {
		if strings.Contains(p, "marché.\n\nUne") {
			t.Error("sentences of one paragraph were separated by a blank line")
		}
	}
	joined := strings.Join(pieces, "\n\n")
	if !strings.Contains(joined, "Court paragraphe.\n\nUne phrase") || !strings.HasSuffix(joined, "marché.\n\nFin.") {
		t.Errorf("paragraph breaks lost: %q…%q", joined[:60], joined[len(joined)-40:])
	}
	if got, want := strings.Join(strings.Fields(joined), " "), strings.Join(strings.Fields(text), " "); got != want {
		t.Error("words lost or changed")
	}
	if len(pieces) < 3 {
		t.Errorf("%d pieces", len(pieces))
	}
}

// TestRefusingHostBounded: a host that refuses every request as too long gets a few of them,
// then the variant fails as too long: the single pass is tried three times at most, and a
// refused piece is halved down to one sentence, which cannot be, so a report of 10,000 words
// costs a dozen refusals, not one per sentence.
func TestRefusingHostBounded(t *testing.T) {
	for _, ctx := range []int{2048, 131072} {
		s := newServer(t, ollamatest.Model{Name: "m", ContextLength: ctx, Words: 30})
		for range 1000 {
			s.Inject(ollamatest.Fault{Kind: ollamatest.FaultStatus, Status: 400, Message: "the input length exceeds the context length"})
		}
		_, err := NewEngine(Options{}).Generate(testContext(t), newRequest(t, s.URL(), "m", "synthese-courte", ollamatest.LongReport(10_000)), nil)
		if generate.CodeOf(err) != generate.CodeContextTooLong {
			t.Fatalf("context %d: err %v, want context-too-long", ctx, err)
		}
		n := s.Requests("/api/chat")
		t.Logf("context %d: %d requests refused", ctx, n)
		if n > 16 {
			t.Errorf("context %d: %d requests refused, want at most 16", ctx, n)
		}
	}
}
