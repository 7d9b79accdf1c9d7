package generate

import (
	"context"
	"strings"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// Builtin is the engine that needs no model: it makes variants by extraction, choosing
// sentences of the source and writing them back unchanged, so it cannot invent a fact. Its
// output is deterministic: the same source and preset give the same text, byte for byte.
//
// It serves the presets with a Method: a synthesis (the most central sentences, in source
// order, under the headings of their sections), key points (the same choice as a bullet list)
// and decisions (sentences announcing a decision or a next step, as bullet lists under the
// fixed labels "Décisions" / "Prochaines étapes", or "Decisions" / "Next steps" for an English
// source — the only words it writes that are not in the source).
type Builtin struct {
	// Pace is a delay between two emitted sentences; zero, the default, writes at once.
	// Tests and demonstrations use it to watch, or cancel, a generation in progress.
	Pace time.Duration
}

// NewBuiltin returns the built-in engine.
func NewBuiltin() *Builtin { return &Builtin{} }

// Name returns model.EngineBuiltin.
func (b *Builtin) Name() string { return model.EngineBuiltin }

// Generate writes the variant req.Preset asks for. It fails with CodeUnsupportedPreset for a
// preset without a Method, CodeEmptySource for a blank source, CodeNothingFound when the
// extraction finds nothing; on cancellation it returns the text written so far and an error
// satisfying errors.Is(err, context.Canceled).
func (b *Builtin) Generate(ctx context.Context, req Request, progress ProgressFunc) (Result, error) {
	if progress == nil {
		progress = func(Progress) {}
	}
	started := time.Now()
	res := Result{Stats: model.Stats{Started: started, Where: model.PlaceThisComputer}}
	progress(Progress{Stage: StageLoading, Fraction: 0})
	pieces, err := b.extract(req)
	res.Stats.PromptTokens = analysis.WordCount(req.Source.Body)
	if err != nil {
		finish(&res, started, started)
		return res, err
	}
	var text strings.Builder
	var firstAt time.Time
	for i, p := range pieces {
		if err := b.wait(ctx, i); err != nil {
			res.Text = text.String()
			finish(&res, started, firstAt)
			return res, &Error{Code: CodeCancelled, Err: err}
		}
		if i == 0 {
			firstAt = time.Now()
			res.Stats.FirstToken = firstAt.Sub(started)
		}
		text.WriteString(p)
		progress(Progress{Stage: StageWriting, Delta: p, Fraction: float64(i+1) / float64(len(pieces))})
	}
	res.Text = text.String()
	res.DoneReason = "stop"
	finish(&res, started, firstAt)
	return res, nil
}

// wait returns ctx's error if it is done, after the Pace delay for every piece but the first.
func (b *Builtin) wait(ctx context.Context, i int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if b.Pace <= 0 || i == 0 {
		return nil
	}
	t := time.NewTimer(b.Pace)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// extract chooses the sentences and returns the variant's text as pieces to stream.
func (b *Builtin) extract(req Request) ([]string, error) {
	p := req.Preset
	if p.Method == model.MethodNone {
		return nil, newError(CodeUnsupportedPreset, "preset %q needs a language model", p.ID)
	}
	body := req.Source.Body
	if strings.TrimSpace(body) == "" {
		return nil, newError(CodeEmptySource, "the source has no text")
	}
	lang := req.Source.Language
	if !lang.Valid() {
		lang = model.French
	}
	units := document(body, lang)
	o := &output{lang: lang, last: -1}
	switch p.Method {
	case model.MethodSynthesis:
		synthesis(body, units, o, ratioOr(p.TargetRatio, defaultSynthesisRatio))
	case model.MethodKeyPoints:
		keyPoints(units, o, ratioOr(p.TargetRatio, defaultKeyPointsRatio))
	case model.MethodDecisions:
		decisions(units, o, p.TargetRatio)
	default:
		return nil, newError(CodeUnsupportedPreset, "unknown method %q", p.Method)
	}
	if len(o.pieces) == 0 {
		return nil, newError(CodeNothingFound, "no sentence to extract for preset %q", p.ID)
	}
	o.pieces[len(o.pieces)-1] += "\n"
	return o.pieces, nil
}

func ratioOr(r, def float64) float64 {
	if r > 0 {
		return r
	}
	return def
}

// finish completes res's stats; firstAt is when the first piece was written.
func finish(res *Result, started, firstAt time.Time) {
	s := &res.Stats
	s.Finished = time.Now()
	s.Total = s.Finished.Sub(started)
	s.OutputTokens = analysis.WordCount(res.Text)
	if writing := s.Finished.Sub(firstAt); !firstAt.IsZero() && writing > 0 {
		s.Eval = writing
		s.TokensPerSecond = float64(s.OutputTokens) / writing.Seconds()
	}
}
