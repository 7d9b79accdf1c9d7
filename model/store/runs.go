package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/rapporteur/rapporteur/model"
)

// CreateRun validates run and stores it with one queued variant per spec, in one
// transaction. The revision must exist; run.ReportID, when set, must be the revision's
// report, and is filled in otherwise.
func (s *Store) CreateRun(ctx context.Context, run model.Run) (model.Run, []model.Variant, error) {
	if err := run.Validate(); err != nil {
		return model.Run{}, nil, err
	}
	specs, err := json.Marshal(run.Specs)
	if err != nil {
		return model.Run{}, nil, fmt.Errorf("store: create run: %w", err)
	}
	run.Created = now()
	var variants []model.Variant
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := checkRevision(ctx, tx, &run); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO runs (report_id, revision_id, specs, created)
			VALUES (?, ?, ?, ?)`, run.ReportID, run.RevisionID, string(specs), run.Created.UnixNano())
		if err != nil {
			return classify(err)
		}
		if run.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		variants, err = insertVariants(ctx, tx, run)
		return err
	})
	if err != nil {
		return model.Run{}, nil, fmt.Errorf("store: create run: %w", err)
	}
	return run, variants, nil
}

// checkRevision checks run's revision exists and belongs to run's report.
func checkRevision(ctx context.Context, tx *sql.Tx, run *model.Run) error {
	var reportID int64
	err := tx.QueryRowContext(ctx, `SELECT report_id FROM revisions WHERE id = ?`, run.RevisionID).Scan(&reportID)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("revision", run.RevisionID)
	}
	if err != nil {
		return classify(err)
	}
	if run.ReportID == 0 {
		run.ReportID = reportID
	}
	if run.ReportID != reportID {
		return &model.ValidationError{Field: "report", Problem: model.ProblemInvalid}
	}
	return nil
}

func insertVariants(ctx context.Context, tx *sql.Tx, run model.Run) ([]model.Variant, error) {
	stats, err := json.Marshal(model.Stats{})
	if err != nil {
		return nil, err
	}
	variants := make([]model.Variant, len(run.Specs))
	for i, spec := range run.Specs {
		v := model.Variant{RunID: run.ID, RevisionID: run.RevisionID, Index: i, Spec: spec,
			Status: model.StatusQueued, Updated: run.Created}
		js, err := json.Marshal(spec)
		if err != nil {
			return nil, err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO variants (run_id, revision_id, idx, spec, status,
			stats, updated) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			v.RunID, v.RevisionID, v.Index, string(js), v.Status, string(stats), v.Updated.UnixNano())
		if err != nil {
			return nil, classify(err)
		}
		if v.ID, err = res.LastInsertId(); err != nil {
			return nil, err
		}
		variants[i] = v
	}
	return variants, nil
}

// SaveVariant validates v and stores its status, text, prompt, error, error code and stats,
// its spec's PresetVersion when not zero (the scheduler records it when the generation
// starts), and its spec's Host and Model when the Model is named (the scheduler may run the
// variant on another host that has the model, under its name there); its run, revision,
// index and the rest of its spec do not change. A missing variant
// gives an error wrapping ErrNotFound. It is one UPDATE in one transaction, cheap enough to
// call every second while streaming.
func (s *Store) SaveVariant(ctx context.Context, v model.Variant) error {
	if err := v.Validate(); err != nil {
		return err
	}
	stats, err := json.Marshal(v.Stats)
	if err != nil {
		return fmt.Errorf("store: save variant: %w", err)
	}
	patch, err := specPatch(v.Spec)
	if err != nil {
		return fmt.Errorf("store: save variant: %w", err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE variants SET status = ?, text = ?, prompt = ?, error = ?,
			error_code = ?, stats = ?, updated = ?, spec = json_patch(spec, ?) WHERE id = ?`,
			v.Status, v.Text, v.Prompt, v.Error, v.ErrorCode, string(stats), now().UnixNano(), patch, v.ID)
		return checkAffected(res, err, "variant", v.ID)
	})
	if err != nil {
		return fmt.Errorf("store: save variant: %w", err)
	}
	return nil
}

// specPatch returns the JSON merge patch (RFC 7396) SaveVariant applies to a stored spec:
// preset_version when s names one, host and model when s names a model.
func specPatch(s model.Spec) (string, error) {
	patch := map[string]any{}
	if s.PresetVersion > 0 {
		patch["preset_version"] = s.PresetVersion
	}
	if s.Model != "" {
		patch["host"], patch["model"] = s.Host, s.Model
	}
	js, err := json.Marshal(patch)
	return string(js), err
}

// Variants returns the variants of a run, by Index. A missing run gives an error wrapping
// ErrNotFound.
func (s *Store) Variants(ctx context.Context, runID int64) ([]model.Variant, error) {
	variants, err := s.queryVariants(ctx, runID)
	if err == nil && len(variants) == 0 {
		err = s.exists(ctx, "runs", "run", runID)
	}
	if err != nil {
		return nil, fmt.Errorf("store: variants: %w", err)
	}
	return variants, nil
}

func (s *Store) queryVariants(ctx context.Context, runID int64) ([]model.Variant, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, run_id, revision_id, idx, spec, status, text,
		prompt, error, error_code, stats, updated FROM variants WHERE run_id = ? ORDER BY idx`, runID)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	variants := []model.Variant{}
	for rows.Next() {
		var v model.Variant
		var spec, stats []byte
		var updated int64
		if err := rows.Scan(&v.ID, &v.RunID, &v.RevisionID, &v.Index, &spec, &v.Status, &v.Text,
			&v.Prompt, &v.Error, &v.ErrorCode, &stats, &updated); err != nil {
			return nil, classify(err)
		}
		if err := json.Unmarshal(spec, &v.Spec); err != nil {
			return nil, fmt.Errorf("variant %d spec: %w", v.ID, err)
		}
		if err := json.Unmarshal(stats, &v.Stats); err != nil {
			return nil, fmt.Errorf("variant %d stats: %w", v.ID, err)
		}
		v.Updated = fromNanos(updated)
		variants = append(variants, v)
	}
	return variants, classify(rows.Err())
}

// Runs returns the runs of a report, newest first. A missing report gives an error wrapping
// ErrNotFound.
func (s *Store) Runs(ctx context.Context, reportID int64) ([]model.Run, error) {
	runs, err := s.queryRuns(ctx, reportID)
	if err == nil && len(runs) == 0 {
		err = s.exists(ctx, "reports", "report", reportID)
	}
	if err != nil {
		return nil, fmt.Errorf("store: runs: %w", err)
	}
	return runs, nil
}

func (s *Store) queryRuns(ctx context.Context, reportID int64) ([]model.Run, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, report_id, revision_id, specs, created FROM runs
		WHERE report_id = ? ORDER BY created DESC, id DESC`, reportID)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	runs := []model.Run{}
	for rows.Next() {
		var r model.Run
		var specs []byte
		var created int64
		if err := rows.Scan(&r.ID, &r.ReportID, &r.RevisionID, &specs, &created); err != nil {
			return nil, classify(err)
		}
		if err := json.Unmarshal(specs, &r.Specs); err != nil {
			return nil, fmt.Errorf("run %d specs: %w", r.ID, err)
		}
		r.Created = fromNanos(created)
		runs = append(runs, r)
	}
	return runs, classify(rows.Err())
}

// exists returns a not-found error unless table has a row with id. It must not be called
// while rows are open: the store has one connection.
func (s *Store) exists(ctx context.Context, table, what string, id int64) error {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound(what, id)
	}
	return classify(err)
}
