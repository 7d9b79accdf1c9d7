package generate

import (
	"context"

	"github.com/rapporteur/rapporteur/model"
)

// Retry generates v again, from the start, in a new Job, and returns that job at once. It is
// meant for a variant that failed or was cancelled: its status goes back to queued, its text,
// error and stats are cleared, and it keeps its ID and Index, so the sink overwrites the stored
// variant and the events reach the same row. rev must be the revision v was generated from.
// The new job waits for v's host like any other: it does not interrupt the group of another
// job in the middle. onEvent is as for Start.
func (s *Scheduler) Retry(ctx context.Context, rev model.Revision, v model.Variant, onEvent func(Event)) *Job {
	v.Status = model.StatusQueued
	v.Text, v.Error, v.ErrorCode = "", "", ""
	v.Stats = model.Stats{}
	return s.Start(ctx, rev, []model.Variant{v}, onEvent)
}
