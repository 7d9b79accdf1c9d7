package store

import (
	"context"
	"fmt"
	"slices"

	"github.com/rapporteur/rapporteur/model"
)

// ImportedRun is a run read from an archive, to add to the workspace. Its IDs are the archive's;
// the workspace gives new ones.
type ImportedRun struct {
	// Source is the revision the variants were made from.
	Source model.Revision
	// Variants are the run's variants, in order.
	Variants []model.Variant
	// Votes, Critiques and Reviews refer to the variants by their archive IDs.
	Votes     []model.Vote
	Critiques []model.Critique
	Reviews   []model.ReviewMark
}

// ImportRun adds a new report whose text is the imported source, with the run, its variants,
// votes, critiques and review marks. The run is checked first like every other input (an
// *ImportError says which part is refused and why): names and texts are cleaned of control and
// bidirectional characters, a generation the archive caught unfinished is stored stopped
// (CodeUnfinished), hosts must be plain Ollama addresses (normalise them first with
// ollama.NormalizeHost), sizes are bounded. Each step is its own transaction; when one fails
// the new report is deleted again, so an import adds everything or nothing.
func (s *Store) ImportRun(ctx context.Context, in ImportedRun) (model.Report, error) {
	in = in.copy()
	if err := in.clean(); err != nil {
		return model.Report{}, err
	}
	r, err := s.CreateReport(ctx, model.Report{Meta: in.Source.Meta, Body: in.Source.Body})
	if err != nil {
		return r, err
	}
	if err := s.importInto(ctx, r.ID, in); err != nil {
		_ = s.DeleteReport(ctx, r.ID)
		return model.Report{}, fmt.Errorf("store: import: %w", err)
	}
	return s.Report(ctx, r.ID)
}

func (s *Store) importInto(ctx context.Context, reportID int64, in ImportedRun) error {
	rev, err := s.Snapshot(ctx, reportID)
	if err != nil {
		return err
	}
	specs := make([]model.Spec, len(in.Variants))
	for i, v := range in.Variants {
		specs[i] = v.Spec
	}
	run, created, err := s.CreateRun(ctx, model.Run{ReportID: reportID, RevisionID: rev.ID, Specs: specs})
	if err != nil {
		return err
	}
	ids := map[int64]int64{}
	for i, v := range in.Variants {
		nv := created[i]
		ids[v.ID] = nv.ID
		nv.Status, nv.Text, nv.Error, nv.ErrorCode, nv.Stats = v.Status, v.Text, v.Error, v.ErrorCode, v.Stats
		nv.Prompt = v.Prompt
		if err := s.SaveVariant(ctx, nv); err != nil {
			return err
		}
	}
	if err := s.importVotes(ctx, run.ID, ids, in.Votes); err != nil {
		return err
	}
	return s.importReviews(ctx, ids, in)
}

func (s *Store) importVotes(ctx context.Context, runID int64, ids map[int64]int64, votes []model.Vote) error {
	for _, v := range votes {
		v.ID, v.RunID, v.Preferred = 0, runID, ids[v.Preferred]
		shown := make([]int64, len(v.Shown))
		for i, id := range v.Shown {
			shown[i] = ids[id]
		}
		v.Shown = shown
		reactions := make([]model.Reaction, len(v.Reactions))
		for i, r := range v.Reactions {
			r.VariantID = ids[r.VariantID]
			reactions[i] = r
		}
		v.Reactions = reactions
		if _, err := s.SaveVote(ctx, v); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) importReviews(ctx context.Context, ids map[int64]int64, in ImportedRun) error {
	for _, c := range in.Critiques {
		final := c
		c.ID, c.VariantID, c.Status = 0, ids[c.VariantID], model.StatusRunning
		created, err := s.CreateCritique(ctx, c)
		if err != nil {
			return err
		}
		final.ID, final.VariantID = created.ID, created.VariantID
		if err := s.SaveCritique(ctx, final); err != nil {
			return err
		}
	}
	for _, m := range in.Reviews {
		m.VariantID = ids[m.VariantID]
		if err := s.MarkReviewed(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// copy returns in with its own lists, so that cleaning it leaves the caller's untouched.
func (in ImportedRun) copy() ImportedRun {
	in.Variants = slices.Clone(in.Variants)
	in.Votes = slices.Clone(in.Votes)
	for i := range in.Votes {
		in.Votes[i].Reactions = slices.Clone(in.Votes[i].Reactions)
	}
	in.Critiques = slices.Clone(in.Critiques)
	in.Reviews = slices.Clone(in.Reviews)
	return in
}
