package openai

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// newRequest asks modelName on host for the preset presetID of a report whose body is body.
func newRequest(t testing.TB, host, modelName, presetID, body string) generate.Request {
	t.Helper()
	p, ok := model.FindPreset(model.BuiltinPresets(), presetID)
	if !ok {
		t.Fatalf("no preset %q", presetID)
	}
	lang := model.GuessLanguage(body, model.French)
	meta := model.Meta{Title: "Concertation de test", Kind: model.KindConsultation, Date: "2025-11-18",
		Place: "Salle des fêtes", Organisers: "Communauté de communes", Audience: "Habitant·es", Language: lang}
	return generate.Request{
		Source: model.Revision{ID: 1, ReportID: 1, Number: 1, Meta: meta, Body: body},
		Preset: p,
		Spec:   model.Spec{Engine: model.EngineOpenAI, Host: host, Model: modelName, PresetID: presetID},
	}
}

// testContext ends a test's waits after d.
func testContext(t testing.TB, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// progressLog collects progress; safe for concurrent use.
type progressLog struct {
	mu  sync.Mutex
	all []generate.Progress
}

func (p *progressLog) add(pr generate.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.all = append(p.all, pr)
}

// text joins the deltas of the writing stage.
func (p *progressLog) text() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var s string
	for _, pr := range p.all {
		if pr.Stage == generate.StageWriting {
			s += pr.Delta
		}
	}
	return s
}

// count counts the progress of stage.
func (p *progressLog) count(stage generate.Stage) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, pr := range p.all {
		if pr.Stage == stage {
			n++
		}
	}
	return n
}

func intp(n int) *int { return &n }
