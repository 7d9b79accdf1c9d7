package store

import (
	"context"
	"fmt"

	"github.com/rapporteur/rapporteur/model"
)

// Revisions lists a report's revisions, newest first.
func (s *Store) Revisions(ctx context.Context, reportID int64) ([]model.Revision, error) {
	if err := s.exists(ctx, "reports", "report", reportID); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+revisionColumns+` FROM revisions WHERE report_id = ? ORDER BY number DESC`, reportID)
	if err != nil {
		return nil, fmt.Errorf("store: revisions: %w", classify(err))
	}
	defer rows.Close()
	out := []model.Revision{}
	for rows.Next() {
		rev, err := scanRevision(rows)
		if err != nil {
			return nil, fmt.Errorf("store: revisions: %w", classify(err))
		}
		out = append(out, rev)
	}
	return out, classify(rows.Err())
}

// RestoreRevision brings a report back to one of its revisions. Nothing is lost: the current
// content is kept as a revision first, and the restored content becomes a new revision.
func (s *Store) RestoreRevision(ctx context.Context, reportID, revisionID int64) (model.Report, error) {
	rev, err := s.Revision(ctx, revisionID)
	if err != nil {
		return model.Report{}, err
	}
	if rev.ReportID != reportID {
		return model.Report{}, fmt.Errorf("store: restore: %w", notFound("revision of this report", revisionID))
	}
	if _, err := s.Snapshot(ctx, reportID); err != nil {
		return model.Report{}, err
	}
	r, err := s.Report(ctx, reportID)
	if err != nil {
		return model.Report{}, err
	}
	r.Meta, r.Body = rev.Meta, rev.Body
	if r, err = s.SaveReport(ctx, r); err != nil {
		return model.Report{}, err
	}
	if _, err := s.Snapshot(ctx, reportID); err != nil {
		return model.Report{}, err
	}
	return r, nil
}
