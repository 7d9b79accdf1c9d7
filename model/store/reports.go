package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/rapporteur/rapporteur/model"
)

const reportColumns = `id, title, kind, date, place, organisers, audience, language, body, created, updated`

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

func scanReport(row scanner) (model.Report, error) {
	var r model.Report
	var created, updated int64
	err := row.Scan(&r.ID, &r.Title, &r.Kind, &r.Date, &r.Place, &r.Organisers, &r.Audience,
		&r.Language, &r.Body, &created, &updated)
	r.Created, r.Updated = fromNanos(created), fromNanos(updated)
	return r, err
}

// CreateReport validates r and stores it as a new report; it returns r with its ID, Created
// and Updated set.
func (s *Store) CreateReport(ctx context.Context, r model.Report) (model.Report, error) {
	if err := r.Validate(); err != nil {
		return model.Report{}, err
	}
	r.Created = now()
	r.Updated = r.Created
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO reports
			(title, kind, date, place, organisers, audience, language, body, created, updated)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.Title, r.Kind, r.Date, r.Place, r.Organisers, r.Audience, r.Language, r.Body,
			r.Created.UnixNano(), r.Updated.UnixNano())
		if err != nil {
			return classify(err)
		}
		r.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return model.Report{}, fmt.Errorf("store: create report: %w", err)
	}
	return r, nil
}

// SaveReport validates r and replaces the stored report with the same ID; it returns r with
// Created as stored and Updated set. A missing report gives an error wrapping ErrNotFound.
func (s *Store) SaveReport(ctx context.Context, r model.Report) (model.Report, error) {
	if err := r.Validate(); err != nil {
		return model.Report{}, err
	}
	r.Updated = now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		var created int64
		err := tx.QueryRowContext(ctx, `UPDATE reports SET title = ?, kind = ?, date = ?, place = ?,
			organisers = ?, audience = ?, language = ?, body = ?, updated = ?
			WHERE id = ? RETURNING created`,
			r.Title, r.Kind, r.Date, r.Place, r.Organisers, r.Audience, r.Language, r.Body,
			r.Updated.UnixNano(), r.ID).Scan(&created)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("report", r.ID)
		}
		r.Created = fromNanos(created)
		return classify(err)
	})
	if err != nil {
		return model.Report{}, fmt.Errorf("store: save report: %w", err)
	}
	return r, nil
}

// Report returns the report with the given id, or an error wrapping ErrNotFound.
func (s *Store) Report(ctx context.Context, id int64) (model.Report, error) {
	r, err := scanReport(s.db.QueryRowContext(ctx, `SELECT `+reportColumns+` FROM reports WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return model.Report{}, fmt.Errorf("store: %w", notFound("report", id))
	}
	if err != nil {
		return model.Report{}, fmt.Errorf("store: report %d: %w", id, classify(err))
	}
	return r, nil
}

// ListReports returns the reports whose title or text contains every word of query, ignoring
// case and accents ("reunion" finds "Réunion"): those matched by their title first, then those
// matched by their text, each most recently updated first. An empty query lists them all.
// Bodies are filled in.
func (s *Store) ListReports(ctx context.Context, query string) ([]model.Report, error) {
	words := searchWords(query)
	rows, err := s.db.QueryContext(ctx, `SELECT `+reportColumns+` FROM reports WHERE trashed = 0 ORDER BY updated DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("store: list reports: %w", classify(err))
	}
	defer rows.Close()
	reports, byText := []model.Report{}, []model.Report{}
	for rows.Next() {
		r, err := scanReport(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list reports: %w", classify(err))
		}
		switch {
		case matches(r.Title, words):
			reports = append(reports, r)
		case matches(r.Title+"\n"+r.Body, words):
			byText = append(byText, r)
		}
	}
	reports = append(reports, byText...)
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list reports: %w", classify(err))
	}
	return reports, nil
}

// RenameReport changes a report's title, validated as CreateReport would, and its Updated time.
func (s *Store) RenameReport(ctx context.Context, id int64, title string) error {
	probe := model.NewReport(title, model.French)
	if err := probe.Meta.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE reports SET title = ?, updated = ? WHERE id = ?`,
			title, now().UnixNano(), id)
		return checkAffected(res, err, "report", id)
	})
	if err != nil {
		return fmt.Errorf("store: rename report: %w", err)
	}
	return nil
}

// DeleteReport deletes a report with its revisions, runs and variants.
func (s *Store) DeleteReport(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM reports WHERE id = ?`, id)
		return checkAffected(res, err, "report", id)
	})
	if err != nil {
		return fmt.Errorf("store: delete report: %w", err)
	}
	return nil
}

// checkAffected turns an UPDATE or DELETE that touched no row into a not-found error.
func checkAffected(res sql.Result, err error, what string, id int64) error {
	if err != nil {
		return classify(err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound(what, id)
	}
	return nil
}
