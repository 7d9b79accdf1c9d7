package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/rapporteur/rapporteur/model"
)

const revisionColumns = `id, report_id, number, title, kind, date, place, organisers, audience,
	language, body, hash, created`

func scanRevision(row scanner) (model.Revision, error) {
	var v model.Revision
	var created int64
	err := row.Scan(&v.ID, &v.ReportID, &v.Number, &v.Title, &v.Kind, &v.Date, &v.Place,
		&v.Organisers, &v.Audience, &v.Language, &v.Body, &v.Hash, &created)
	v.Created = fromNanos(created)
	return v, err
}

// Snapshot freezes the report's current saved content as a revision and returns it. When
// the latest revision already has the same content, that one is returned instead of a copy.
func (s *Store) Snapshot(ctx context.Context, reportID int64) (model.Revision, error) {
	var rev model.Revision
	err := s.write(ctx, func(tx *sql.Tx) error {
		r, err := scanReport(tx.QueryRowContext(ctx, `SELECT `+reportColumns+` FROM reports WHERE id = ?`, reportID))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("report", reportID)
		}
		if err != nil {
			return classify(err)
		}
		hash := model.ContentHash(r.Meta, r.Body)
		last, err := scanRevision(tx.QueryRowContext(ctx, `SELECT `+revisionColumns+`
			FROM revisions WHERE report_id = ? ORDER BY number DESC LIMIT 1`, reportID))
		switch {
		case err == nil && last.Hash == hash:
			rev = last
			return nil
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return classify(err)
		}
		rev = model.Revision{ReportID: reportID, Number: last.Number + 1, Meta: r.Meta, Body: r.Body,
			Hash: hash, Created: now()}
		res, err := tx.ExecContext(ctx, `INSERT INTO revisions (report_id, number, title, kind, date,
			place, organisers, audience, language, body, hash, created)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			rev.ReportID, rev.Number, rev.Title, rev.Kind, rev.Date, rev.Place, rev.Organisers,
			rev.Audience, rev.Language, rev.Body, rev.Hash, rev.Created.UnixNano())
		if err != nil {
			return classify(err)
		}
		rev.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return model.Revision{}, fmt.Errorf("store: snapshot: %w", err)
	}
	return rev, nil
}

// Revision returns the revision with the given id, or an error wrapping ErrNotFound.
func (s *Store) Revision(ctx context.Context, id int64) (model.Revision, error) {
	rev, err := scanRevision(s.db.QueryRowContext(ctx, `SELECT `+revisionColumns+` FROM revisions WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return model.Revision{}, fmt.Errorf("store: %w", notFound("revision", id))
	}
	if err != nil {
		return model.Revision{}, fmt.Errorf("store: revision %d: %w", id, classify(err))
	}
	return rev, nil
}
