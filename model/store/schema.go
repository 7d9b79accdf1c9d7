package store

import (
	"context"
	"database/sql"
	"fmt"
)

// applicationID marks a SQLite file as a Rapporteur workspace ("Rapp").
const applicationID = 0x52617070

// migrations are the schema's steps, in order; step i brings user_version from i to i+1.
// Never edit a released step: append a new one.
var migrations = []string{
	// 1: reports, revisions, runs, variants. Times are Unix nanoseconds, UTC.
	`PRAGMA application_id = ` + fmt.Sprint(applicationID) + `;
CREATE TABLE reports (
	id         INTEGER PRIMARY KEY,
	title      TEXT NOT NULL,
	kind       TEXT NOT NULL,
	date       TEXT NOT NULL DEFAULT '',
	place      TEXT NOT NULL DEFAULT '',
	organisers TEXT NOT NULL DEFAULT '',
	audience   TEXT NOT NULL DEFAULT '',
	language   TEXT NOT NULL,
	body       TEXT NOT NULL DEFAULT '',
	created    INTEGER NOT NULL,
	updated    INTEGER NOT NULL
);
CREATE INDEX reports_updated ON reports(updated);
CREATE TABLE revisions (
	id         INTEGER PRIMARY KEY,
	report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	number     INTEGER NOT NULL,
	title      TEXT NOT NULL,
	kind       TEXT NOT NULL,
	date       TEXT NOT NULL DEFAULT '',
	place      TEXT NOT NULL DEFAULT '',
	organisers TEXT NOT NULL DEFAULT '',
	audience   TEXT NOT NULL DEFAULT '',
	language   TEXT NOT NULL,
	body       TEXT NOT NULL DEFAULT '',
	hash       TEXT NOT NULL,
	created    INTEGER NOT NULL,
	UNIQUE (report_id, number)
);
CREATE TABLE runs (
	id          INTEGER PRIMARY KEY,
	report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
	specs       TEXT NOT NULL,
	created     INTEGER NOT NULL
);
CREATE INDEX runs_report ON runs(report_id, created);
CREATE INDEX runs_revision ON runs(revision_id);
CREATE TABLE variants (
	id          INTEGER PRIMARY KEY,
	run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
	revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
	idx         INTEGER NOT NULL,
	spec        TEXT NOT NULL,
	status      TEXT NOT NULL,
	text        TEXT NOT NULL DEFAULT '',
	error       TEXT NOT NULL DEFAULT '',
	error_code  TEXT NOT NULL DEFAULT '',
	stats       TEXT NOT NULL DEFAULT '{}',
	updated     INTEGER NOT NULL,
	UNIQUE (run_id, idx)
);
CREATE INDEX variants_revision ON variants(revision_id);`,
	// 2: blind votes (the variants shown, in order, in vote_variants), critiques, review marks.
	`CREATE TABLE votes (
	id        INTEGER PRIMARY KEY,
	run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
	outcome   TEXT NOT NULL,
	preferred INTEGER NOT NULL DEFAULT 0,
	reactions TEXT NOT NULL DEFAULT '[]',
	voter     TEXT NOT NULL DEFAULT '',
	created   INTEGER NOT NULL
);
CREATE INDEX votes_run ON votes(run_id, created);
CREATE TABLE vote_variants (
	vote_id    INTEGER NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	variant_id INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
	PRIMARY KEY (vote_id, position)
);
CREATE INDEX vote_variants_variant ON vote_variants(variant_id);
CREATE TABLE critiques (
	id         INTEGER PRIMARY KEY,
	variant_id INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
	spec       TEXT NOT NULL,
	status     TEXT NOT NULL,
	text       TEXT NOT NULL DEFAULT '',
	error      TEXT NOT NULL DEFAULT '',
	error_code TEXT NOT NULL DEFAULT '',
	stats      TEXT NOT NULL DEFAULT '{}',
	created    INTEGER NOT NULL
);
CREATE INDEX critiques_variant ON critiques(variant_id, created);
CREATE TABLE review_marks (
	variant_id INTEGER PRIMARY KEY REFERENCES variants(id) ON DELETE CASCADE,
	reviewer   TEXT NOT NULL,
	date       TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	created    INTEGER NOT NULL
);`,
	// 3: the trash — a deleted report keeps its data until the trash is emptied.
	`ALTER TABLE reports ADD COLUMN trashed INTEGER NOT NULL DEFAULT 0;`,
	// 4: the prompt each variant was given, and every saved version of the user's presets
	// (data is the preset's JSON; a deleted preset keeps its versions for the variants made
	// with them).
	`ALTER TABLE variants ADD COLUMN prompt TEXT NOT NULL DEFAULT '';
CREATE TABLE presets (
	id      TEXT NOT NULL,
	version INTEGER NOT NULL,
	data    TEXT NOT NULL,
	deleted INTEGER NOT NULL DEFAULT 0,
	created INTEGER NOT NULL,
	PRIMARY KEY (id, version)
);`,
	// 5: what the Ollama engine learned of each model's token counts (see
	// generate/ollama.RatioStore), so that a model is planned right from the next session on.
	`CREATE TABLE token_ratios (
	key     TEXT PRIMARY KEY,
	ratio   REAL NOT NULL,
	updated INTEGER NOT NULL
);`,
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return len(migrations) }

// migrate checks the file is a workspace this build understands and applies the missing
// migrations, each in its own transaction.
func (s *Store) migrate(ctx context.Context) error {
	version, err := readSchema(ctx, s.db, s.path)
	if err != nil {
		return err
	}
	for step := version; step < len(migrations); step++ {
		if err := s.write(ctx, func(tx *sql.Tx) error { return applyStep(ctx, tx, step) }); err != nil {
			return fmt.Errorf("store: migration %d: %w", step+1, err)
		}
	}
	return nil
}

// readSchema returns the schema version of the workspace at path open in db, or why it
// cannot be used. It only reads.
func readSchema(ctx context.Context, db *sql.DB, path string) (int, error) {
	var appID, version, tables int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return 0, fmt.Errorf("store: %w", classify(err))
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, fmt.Errorf("store: %w", classify(err))
	}
	if appID != applicationID {
		err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables)
		if err != nil {
			return 0, fmt.Errorf("store: %w", classify(err))
		}
		if appID != 0 || version != 0 || tables != 0 {
			return 0, fmt.Errorf("store: %s: %w", path, ErrNotWorkspace)
		}
	}
	if version > len(migrations) {
		return 0, fmt.Errorf("store: schema %d, this version knows %d: %w", version, len(migrations), ErrNewerSchema)
	}
	return version, nil
}

// applyStep runs migration step unless another process did it since readSchema.
func applyStep(ctx context.Context, tx *sql.Tx, step int) error {
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return classify(err)
	}
	if version > step {
		return nil
	}
	if _, err := tx.ExecContext(ctx, migrations[step]); err != nil {
		return classify(err)
	}
	_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", step+1))
	return classify(err)
}
