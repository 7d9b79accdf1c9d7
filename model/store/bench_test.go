package store

import (
	"context"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// words5000 is a 5,000-word variant, the size of a long generated report.
var words5000 = strings.TrimSpace(strings.Repeat("La concertation réunit les habitant.es et M. Diallo à 10h00. ", 5000/10))

func BenchmarkSaveVariant(b *testing.B) {
	s := openTemp(b)
	ctx := context.Background()
	r, err := s.CreateReport(ctx, sampleReport("Atelier"))
	if err != nil {
		b.Fatal(err)
	}
	rev, err := s.Snapshot(ctx, r.ID)
	if err != nil {
		b.Fatal(err)
	}
	_, variants, err := s.CreateRun(ctx, model.Run{RevisionID: rev.ID, Specs: builtinSpecs(1)})
	if err != nil {
		b.Fatal(err)
	}
	v := variants[0]
	v.Status = model.StatusRunning
	v.Text = words5000
	b.SetBytes(int64(len(v.Text)))
	for b.Loop() {
		v.Stats.OutputTokens++
		if err := s.SaveVariant(ctx, v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSaveReport(b *testing.B) {
	s := openTemp(b)
	ctx := context.Background()
	r, err := s.CreateReport(ctx, sampleReport("Atelier"))
	if err != nil {
		b.Fatal(err)
	}
	r.Body = words5000
	b.SetBytes(int64(len(r.Body)))
	for b.Loop() {
		if r, err = s.SaveReport(ctx, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkListReports(b *testing.B) {
	s := openTemp(b)
	ctx := context.Background()
	for range 200 {
		if _, err := s.CreateReport(ctx, sampleReport("Réunion publique sur le cœur de bourg")); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, err := s.ListReports(ctx, "coeur reunion"); err != nil {
			b.Fatal(err)
		}
	}
}
