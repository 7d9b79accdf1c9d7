package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/rapporteur/rapporteur/model"
)

// SaveVote validates v, checks every shown variant belongs to v.RunID, and stores it. It
// returns the vote with its ID, its creation time, and each reaction's Label filled in. A
// missing run or variant gives an error wrapping ErrNotFound.
func (s *Store) SaveVote(ctx context.Context, v model.Vote) (model.Vote, error) {
	if err := v.Validate(); err != nil {
		return model.Vote{}, err
	}
	v.Reactions = slices.Clone(v.Reactions)
	if v.Reactions == nil {
		v.Reactions = []model.Reaction{}
	}
	for i, r := range v.Reactions {
		v.Reactions[i].Label = model.Letter(slices.Index(v.Shown, r.VariantID))
	}
	v.Shown = slices.Clone(v.Shown)
	reactions, err := json.Marshal(v.Reactions)
	if err != nil {
		return model.Vote{}, fmt.Errorf("store: save vote: %w", err)
	}
	v.Created = now()
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := checkShown(ctx, tx, v); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO votes (run_id, outcome, preferred, reactions, voter,
			created) VALUES (?, ?, ?, ?, ?, ?)`,
			v.RunID, v.Outcome, v.Preferred, string(reactions), v.Voter, v.Created.UnixNano())
		if err != nil {
			return classify(err)
		}
		if v.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		for i, id := range v.Shown {
			if _, err := tx.ExecContext(ctx, `INSERT INTO vote_variants (vote_id, position, variant_id)
				VALUES (?, ?, ?)`, v.ID, i, id); err != nil {
				return classify(err)
			}
		}
		return nil
	})
	if err != nil {
		return model.Vote{}, fmt.Errorf("store: save vote: %w", err)
	}
	return v, nil
}

// checkShown checks v's run exists and each variant shown is one of its variants.
func checkShown(ctx context.Context, tx *sql.Tx, v model.Vote) error {
	if err := txExists(ctx, tx, "runs", "run", v.RunID); err != nil {
		return err
	}
	for _, id := range v.Shown {
		var runID int64
		err := tx.QueryRowContext(ctx, `SELECT run_id FROM variants WHERE id = ?`, id).Scan(&runID)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("variant", id)
		}
		if err != nil {
			return classify(err)
		}
		if runID != v.RunID {
			return &model.ValidationError{Field: "shown", Problem: model.ProblemInvalid}
		}
	}
	return nil
}

// txExists is exists inside a transaction.
func txExists(ctx context.Context, tx *sql.Tx, table, what string, id int64) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound(what, id)
	}
	return classify(err)
}

// Votes returns the votes cast on a run, oldest first. A missing run gives an error wrapping
// ErrNotFound.
func (s *Store) Votes(ctx context.Context, runID int64) ([]model.Vote, error) {
	votes, err := s.queryVotes(ctx, runID)
	if err == nil && len(votes) == 0 {
		err = s.exists(ctx, "runs", "run", runID)
	}
	if err != nil {
		return nil, fmt.Errorf("store: votes: %w", err)
	}
	return votes, nil
}

func (s *Store) queryVotes(ctx context.Context, runID int64) ([]model.Vote, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, run_id, outcome, preferred, reactions, voter, created,
		(SELECT json_group_array(variant_id ORDER BY position) FROM vote_variants WHERE vote_id = votes.id)
		FROM votes WHERE run_id = ? ORDER BY created, id`, runID)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	votes := []model.Vote{}
	for rows.Next() {
		var v model.Vote
		var reactions, shown []byte
		var created int64
		if err := rows.Scan(&v.ID, &v.RunID, &v.Outcome, &v.Preferred, &reactions, &v.Voter, &created, &shown); err != nil {
			return nil, classify(err)
		}
		if err := errors.Join(json.Unmarshal(reactions, &v.Reactions), json.Unmarshal(shown, &v.Shown)); err != nil {
			return nil, fmt.Errorf("vote %d: %w", v.ID, err)
		}
		v.Created = fromNanos(created)
		votes = append(votes, v)
	}
	return votes, classify(rows.Err())
}

// The keys WinsByModel and WinsByPreset group the variants shown by, read from their spec.
const (
	modelKey  = `CASE json_extract(x.spec, '$.engine') WHEN 'builtin' THEN 'builtin' ELSE json_extract(x.spec, '$.model') END`
	presetKey = `json_extract(x.spec, '$.preset')`
)

// WinsByModel tallies the blind votes of every run of every report by the model that wrote
// each variant shown ("builtin" for the built-in engine, whatever the host), most wins first,
// then by name.
func (s *Store) WinsByModel(ctx context.Context) ([]model.Wins, error) {
	return s.wins(ctx, modelKey)
}

// WinsByPreset tallies the blind votes of every run of every report by the preset of each
// variant shown, most wins first, then by id.
func (s *Store) WinsByPreset(ctx context.Context) ([]model.Wins, error) {
	return s.wins(ctx, presetKey)
}

func (s *Store) wins(ctx context.Context, key string) ([]model.Wins, error) {
	out, err := s.queryWins(ctx, key)
	if err != nil {
		return nil, fmt.Errorf("store: wins: %w", classify(err))
	}
	return out, nil
}

func (s *Store) queryWins(ctx context.Context, key string) ([]model.Wins, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+key+` AS k, count(*),
		sum(v.outcome = 'preferred' AND v.preferred = vv.variant_id), sum(v.outcome = 'equivalent')
		FROM vote_variants vv JOIN votes v ON v.id = vv.vote_id JOIN variants x ON x.id = vv.variant_id
		GROUP BY k ORDER BY 3 DESC, k`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.Wins{}
	for rows.Next() {
		var w model.Wins
		var k sql.NullString
		if err := rows.Scan(&k, &w.Shown, &w.Won, &w.Equivalent); err != nil {
			return nil, err
		}
		w.Key = k.String
		out = append(out, w)
	}
	return out, rows.Err()
}

// MarkReviewed validates m and records that m.Reviewer reviewed the variant, replacing any
// earlier mark of that variant. A missing variant gives an error wrapping ErrNotFound.
func (s *Store) MarkReviewed(ctx context.Context, m model.ReviewMark) error {
	if err := m.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := txExists(ctx, tx, "variants", "variant", m.VariantID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO review_marks (variant_id, reviewer, date, note, created)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (variant_id) DO UPDATE SET reviewer = excluded.reviewer,
			date = excluded.date, note = excluded.note, created = excluded.created`,
			m.VariantID, m.Reviewer, m.Date, m.Note, now().UnixNano())
		return classify(err)
	})
	if err != nil {
		return fmt.Errorf("store: mark reviewed: %w", err)
	}
	return nil
}

// ReviewMarks returns the review marks of a run's variants, by variant Index. A missing run
// gives an error wrapping ErrNotFound.
func (s *Store) ReviewMarks(ctx context.Context, runID int64) ([]model.ReviewMark, error) {
	marks, err := s.queryMarks(ctx, runID)
	if err == nil && len(marks) == 0 {
		err = s.exists(ctx, "runs", "run", runID)
	}
	if err != nil {
		return nil, fmt.Errorf("store: review marks: %w", err)
	}
	return marks, nil
}

func (s *Store) queryMarks(ctx context.Context, runID int64) ([]model.ReviewMark, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT m.variant_id, m.reviewer, m.date, m.note, m.created
		FROM review_marks m JOIN variants x ON x.id = m.variant_id WHERE x.run_id = ? ORDER BY x.idx`, runID)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	marks := []model.ReviewMark{}
	for rows.Next() {
		var m model.ReviewMark
		var created int64
		if err := rows.Scan(&m.VariantID, &m.Reviewer, &m.Date, &m.Note, &created); err != nil {
			return nil, classify(err)
		}
		m.Created = fromNanos(created)
		marks = append(marks, m)
	}
	return marks, classify(rows.Err())
}

// AddVariant appends v to an existing run, after its last variant, and adds v's spec to the
// run's specs; it is how a revised variant joins the run of the one it revises. v.RevisionID
// must be the run's revision. It returns v with its ID, RunID, Index and Updated set. A
// missing run gives an error wrapping ErrNotFound.
func (s *Store) AddVariant(ctx context.Context, runID int64, v model.Variant) (model.Variant, error) {
	if err := v.Validate(); err != nil {
		return model.Variant{}, err
	}
	spec, stats, err := specStats(v.Spec, v.Stats)
	if err != nil {
		return model.Variant{}, fmt.Errorf("store: add variant: %w", err)
	}
	v.RunID, v.Updated = runID, now()
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := appendSpec(ctx, tx, v); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, `SELECT coalesce(max(idx) + 1, 0) FROM variants WHERE run_id = ?`,
			runID).Scan(&v.Index)
		if err != nil {
			return classify(err)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO variants (run_id, revision_id, idx, spec, status,
			text, prompt, error, error_code, stats, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			v.RunID, v.RevisionID, v.Index, spec, v.Status, v.Text, v.Prompt, v.Error, v.ErrorCode,
			stats, v.Updated.UnixNano())
		if err != nil {
			return classify(err)
		}
		v.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return model.Variant{}, fmt.Errorf("store: add variant: %w", err)
	}
	return v, nil
}

// appendSpec checks v belongs with its run's revision and adds its spec to the run's specs.
func appendSpec(ctx context.Context, tx *sql.Tx, v model.Variant) error {
	var revisionID int64
	var raw []byte
	err := tx.QueryRowContext(ctx, `SELECT revision_id, specs FROM runs WHERE id = ?`, v.RunID).Scan(&revisionID, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("run", v.RunID)
	}
	if err != nil {
		return classify(err)
	}
	if revisionID != v.RevisionID {
		return &model.ValidationError{Field: "revision", Problem: model.ProblemInvalid}
	}
	var specs []model.Spec
	if err := json.Unmarshal(raw, &specs); err != nil {
		return fmt.Errorf("run %d specs: %w", v.RunID, err)
	}
	js, err := json.Marshal(append(specs, v.Spec))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE runs SET specs = ? WHERE id = ?`, string(js), v.RunID)
	return classify(err)
}

// critiquePreset is the preset id of a critique (generate.PresetCritique, which the store
// does not import).
const critiquePreset = "critique"

// CreateCritique stores a new critique of c.VariantID, queued (the default) or running, and
// returns it with its ID and creation time; an empty Spec.PresetID becomes "critique". A
// missing variant gives an error wrapping ErrNotFound.
func (s *Store) CreateCritique(ctx context.Context, c model.Critique) (model.Critique, error) {
	if c.Spec.PresetID == "" {
		c.Spec.PresetID = critiquePreset
	}
	if c.Status == "" {
		c.Status = model.StatusQueued
	}
	if c.Status != model.StatusQueued && c.Status != model.StatusRunning {
		return model.Critique{}, &model.ValidationError{Field: "status", Problem: model.ProblemInvalid}
	}
	if err := c.Validate(); err != nil {
		return model.Critique{}, err
	}
	spec, stats, err := specStats(c.Spec, c.Stats)
	if err != nil {
		return model.Critique{}, fmt.Errorf("store: create critique: %w", err)
	}
	c.Created = now()
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := txExists(ctx, tx, "variants", "variant", c.VariantID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO critiques (variant_id, spec, status, text, error,
			error_code, stats, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			c.VariantID, spec, c.Status, c.Text, c.Error, c.ErrorCode, stats, c.Created.UnixNano())
		if err != nil {
			return classify(err)
		}
		c.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return model.Critique{}, fmt.Errorf("store: create critique: %w", err)
	}
	return c, nil
}

// specStats encodes a spec and stats as the JSON the variants and critiques tables hold.
func specStats(spec model.Spec, stats model.Stats) (string, string, error) {
	js, err := json.Marshal(spec)
	if err != nil {
		return "", "", err
	}
	st, err := json.Marshal(stats)
	return string(js), string(st), err
}

// SaveCritique validates c and stores its status, text, error, error code and stats; its
// variant, spec and creation time do not change. A missing critique gives an error wrapping
// ErrNotFound. Like SaveVariant, it is cheap enough to call every second while streaming.
func (s *Store) SaveCritique(ctx context.Context, c model.Critique) error {
	if err := c.Validate(); err != nil {
		return err
	}
	_, stats, err := specStats(c.Spec, c.Stats)
	if err != nil {
		return fmt.Errorf("store: save critique: %w", err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE critiques SET status = ?, text = ?, error = ?,
			error_code = ?, stats = ? WHERE id = ?`, c.Status, c.Text, c.Error, c.ErrorCode, stats, c.ID)
		return checkAffected(res, err, "critique", c.ID)
	})
	if err != nil {
		return fmt.Errorf("store: save critique: %w", err)
	}
	return nil
}

// Critiques returns the critiques of a variant, newest first. A missing variant gives an error
// wrapping ErrNotFound.
func (s *Store) Critiques(ctx context.Context, variantID int64) ([]model.Critique, error) {
	out, err := s.queryCritiques(ctx, variantID)
	if err == nil && len(out) == 0 {
		err = s.exists(ctx, "variants", "variant", variantID)
	}
	if err != nil {
		return nil, fmt.Errorf("store: critiques: %w", err)
	}
	return out, nil
}

func (s *Store) queryCritiques(ctx context.Context, variantID int64) ([]model.Critique, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, variant_id, spec, status, text, error, error_code,
		stats, created FROM critiques WHERE variant_id = ? ORDER BY created DESC, id DESC`, variantID)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := []model.Critique{}
	for rows.Next() {
		var c model.Critique
		var spec, stats []byte
		var created int64
		if err := rows.Scan(&c.ID, &c.VariantID, &spec, &c.Status, &c.Text, &c.Error, &c.ErrorCode,
			&stats, &created); err != nil {
			return nil, classify(err)
		}
		if err := json.Unmarshal(spec, &c.Spec); err != nil {
			return nil, fmt.Errorf("critique %d spec: %w", c.ID, err)
		}
		if err := json.Unmarshal(stats, &c.Stats); err != nil {
			return nil, fmt.Errorf("critique %d stats: %w", c.ID, err)
		}
		c.Created = fromNanos(created)
		out = append(out, c)
	}
	return out, classify(rows.Err())
}
