package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// TrashReport moves a report to the trash: it leaves the library but keeps its revisions,
// runs and variants until the trash is emptied.
func (s *Store) TrashReport(ctx context.Context, id int64) error {
	return s.setTrashed(ctx, id, time.Now().UTC().UnixNano())
}

// RestoreReport brings a report back from the trash.
func (s *Store) RestoreReport(ctx context.Context, id int64) error {
	return s.setTrashed(ctx, id, 0)
}

func (s *Store) setTrashed(ctx context.Context, id int64, at int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE reports SET trashed = ? WHERE id = ?`, at, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("report", id)
		}
		return nil
	})
}

// Trash lists the reports in the trash, most recently trashed first.
func (s *Store) Trash(ctx context.Context) ([]model.Report, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+reportColumns+` FROM reports WHERE trashed > 0 ORDER BY trashed DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("store: trash: %w", classify(err))
	}
	defer rows.Close()
	out := []model.Report{}
	for rows.Next() {
		r, err := scanReport(rows)
		if err != nil {
			return nil, fmt.Errorf("store: trash: %w", classify(err))
		}
		out = append(out, r)
	}
	return out, classify(rows.Err())
}

// EmptyTrash deletes for good every report in the trash, with its revisions, runs and variants.
func (s *Store) EmptyTrash(ctx context.Context) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM reports WHERE trashed > 0`)
		return err
	})
}
