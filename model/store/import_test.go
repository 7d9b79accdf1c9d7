package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// importedRun is a run as an archive brings it: a source, an Ollama variant and a built-in one,
// a vote, a critique and a review mark, with the archive's own identifiers.
func importedRun() ImportedRun {
	src := model.Revision{ID: 7, ReportID: 3, Number: 2, Meta: sampleReport("Atelier").Meta, Body: sampleReport("Atelier").Body}
	ollama := model.Spec{Engine: model.EngineOllama, Host: "http://192.168.1.20:11434", Model: "mistral:7b", PresetID: "synthese-courte"}
	builtin := model.Spec{Engine: model.EngineBuiltin, PresetID: "points-cles"}
	return ImportedRun{
		Source: src,
		Variants: []model.Variant{
			{ID: 11, RunID: 5, RevisionID: 7, Index: 0, Spec: ollama, Status: model.StatusDone, Text: "Synthèse."},
			{ID: 12, RunID: 5, RevisionID: 7, Index: 1, Spec: builtin, Status: model.StatusDone, Text: "- Point."},
		},
		Votes: []model.Vote{{RunID: 5, Shown: []int64{11, 12}, Outcome: model.OutcomePreferred, Preferred: 12, Voter: "Claire"}},
		Critiques: []model.Critique{{VariantID: 11, Spec: model.Spec{Engine: model.EngineOllama, Host: "http://192.168.1.20:11434", Model: "mistral:7b", PresetID: "critique"},
			Status: model.StatusDone, Text: "Clair.", Created: time.Unix(1, 0)}},
		Reviews: []model.ReviewMark{{VariantID: 12, Reviewer: "Claire Martin", Date: "2026-11-27"}},
	}
}

// TestImportRunCleans stores an archive's names and texts without control or bidi characters,
// and a generation the archive caught unfinished as stopped, with its reason.
func TestImportRunCleans(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	in := importedRun()
	in.Source.Title = "Atelier\x1b[2J\x1b]0;pwned\x07 \u202eamuz"
	in.Source.Place = "Salle\ndes fêtes"
	in.Source.Body = "Ordre du jour\x1b[31m\r\n- point\u2066 un\x00"
	in.Variants[0].Model = "mistral\u202e:7b"
	in.Variants[0].Status = model.StatusRunning
	in.Variants[0].Text = "Partiel\x1b[0m"
	in.Variants[1].Status = model.StatusQueued
	in.Votes[0].Voter = "Claire\x1b[8m"
	in.Reviews[0].Reviewer = "Claire\u202e Martin"
	r, err := s.ImportRun(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	runs, err := s.Runs(ctx, r.ID)
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs %v, %v", runs, err)
	}
	vs, err := s.Variants(ctx, runs[0].ID)
	if err != nil || len(vs) != 2 {
		t.Fatalf("variants %v, %v", vs, err)
	}
	votes, _ := s.Votes(ctx, runs[0].ID)
	marks, _ := s.ReviewMarks(ctx, runs[0].ID)
	if len(votes) != 1 || len(marks) != 1 {
		t.Fatalf("votes %+v, marks %+v", votes, marks)
	}
	for _, c := range []struct{ what, got, want string }{
		{"title", r.Title, "Atelier[2J]0;pwned amuz"},
		{"place", r.Place, "Salle des fêtes"},
		{"body", r.Body, "Ordre du jour[31m\n- point un"},
		{"model", vs[0].Model, "mistral:7b"},
		{"text", vs[0].Text, "Partiel[0m"},
		{"running status", string(vs[0].Status), string(model.StatusFailed)},
		{"running code", vs[0].ErrorCode, CodeUnfinished},
		{"running reason", vs[0].Error, unfinishedReason},
		{"queued status", string(vs[1].Status), string(model.StatusCancelled)},
		{"queued code", vs[1].ErrorCode, CodeUnfinished},
		{"voter", votes[0].Voter, "Claire[8m"},
		{"reviewer", marks[0].Reviewer, "Claire Martin"},
	} {
		if c.got != c.want {
			t.Errorf("%s %q, want %q", c.what, c.got, c.want)
		}
	}
}

// TestImportRunRefuses refuses archives no input would be allowed to bring, and adds nothing.
func TestImportRunRefuses(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*ImportedRun)
		part  string
		index int
	}{
		{"host with a terminal escape", func(in *ImportedRun) { in.Variants[0].Host = "http://192.168.1.20:11434\x1b[2J" }, "variant", 1},
		{"host not an address", func(in *ImportedRun) { in.Variants[0].Host = "javascript:alert(1)" }, "variant", 1},
		{"host with a password", func(in *ImportedRun) { in.Variants[0].Host = "http://moi:secret@ollama.example:11434" }, "variant", 1},
		{"host with a query", func(in *ImportedRun) { in.Variants[0].Host = "http://ollama.example:11434/?x=1" }, "variant", 1},
		{"host without port", func(in *ImportedRun) { in.Variants[0].Host = "http://ollama.example" }, "variant", 1},
		{"ollama without host", func(in *ImportedRun) { in.Variants[0].Host = "" }, "variant", 1},
		{"built-in with a host", func(in *ImportedRun) { in.Variants[1].Host = "http://ollama.example:11434" }, "variant", 2},
		{"critique host", func(in *ImportedRun) { in.Critiques[0].Spec.Host = "file:///etc/passwd" }, "critique", 1},
		{"unknown status", func(in *ImportedRun) { in.Variants[1].Status = "paused" }, "variant", 2},
		{"huge variant", func(in *ImportedRun) { in.Variants[1].Text = strings.Repeat("a", model.MaxBodyLen+1) }, "variant", 2},
		{"long model name", func(in *ImportedRun) { in.Variants[0].Model = strings.Repeat("m", maxNameLen+1) }, "variant", 1},
		{"preset id with controls", func(in *ImportedRun) { in.Variants[1].PresetID = "points\x1b-cles" }, "variant", 2},
		{"too many variants", func(in *ImportedRun) {
			for i := range maxImportedVariants {
				v := in.Variants[1]
				v.ID, v.Index = int64(100+i), 2+i
				in.Variants = append(in.Variants, v)
			}
		}, "run", 0},
		{"duplicate variant ids", func(in *ImportedRun) { in.Variants[1].ID = 11 }, "variant", 2},
		{"vote for an unknown variant", func(in *ImportedRun) { in.Votes[0].Preferred = 99 }, "vote", 1},
		{"review of an unknown variant", func(in *ImportedRun) { in.Reviews[0].VariantID = 99 }, "review", 1},
		{"critique of an unknown variant", func(in *ImportedRun) { in.Critiques[0].VariantID = 99 }, "critique", 1},
	}
	ctx := context.Background()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			in := importedRun()
			tc.edit(&in)
			_, err := s.ImportRun(ctx, in)
			var ie *ImportError
			if !errors.As(err, &ie) || ie.Part != tc.part || ie.Index != tc.index {
				t.Fatalf("error %v, want an ImportError on %s %d", err, tc.part, tc.index)
			}
			if reports, _ := s.ListReports(ctx, ""); len(reports) != 0 {
				t.Errorf("the refused archive added %d reports", len(reports))
			}
		})
	}
}

// TestImportRunKeepsValidArchive imports a valid archive whole, hosts as they were written.
func TestImportRunKeepsValidArchive(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	r, err := s.ImportRun(ctx, importedRun())
	if err != nil {
		t.Fatal(err)
	}
	runs, _ := s.Runs(ctx, r.ID)
	vs, _ := s.Variants(ctx, runs[0].ID)
	if len(vs) != 2 || vs[0].Host != "http://192.168.1.20:11434" || vs[0].Status != model.StatusDone || vs[1].Text != "- Point." {
		t.Fatalf("variants %+v", vs)
	}
}
