package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Salvaged says what Salvage copied of a damaged workspace.
type Salvaged struct {
	// Path is the new workspace holding the copy.
	Path string
	// Reports, Revisions and Variants count the reports, revisions and variants copied.
	Reports, Revisions, Variants int
	// Others counts the other rows copied: runs, votes, critiques, review marks, presets.
	Others int
	// Lost counts the rows read but left out because their report, revision or run was lost
	// (or they are not valid); rows on pages SQLite cannot read at all are not counted, as
	// nothing says how many there were.
	Lost int
	// Complete is true when every table could be read from end to end.
	Complete bool
}

// salvageTables lists the tables Salvage copies, each after those it refers to.
var salvageTables = []string{"reports", "revisions", "runs", "variants", "votes", "vote_variants",
	"critiques", "review_marks", "presets", "token_ratios"}

// maxProbes bounds the rows Salvage looks up one by one, per table, between the last row
// read from the start and the first read from the end.
const maxProbes = 100_000

// Salvage copies every row that can still be read from the damaged workspace at path into a
// new workspace beside it (SalvagePath), and says what it copied. It only reads the damaged
// file, through a read-only connection, and keeps each row's identifier, so that revisions,
// runs and variants stay attached to their report; a row whose parent was lost is left out.
func Salvage(ctx context.Context, path string) (Salvaged, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return Salvaged{}, fmt.Errorf("store: %w", err)
	}
	if _, err := os.Stat(abs); err != nil {
		return Salvaged{}, fmt.Errorf("store: %w", err)
	}
	if _, err := inspect(abs); err != nil && !errors.Is(err, ErrCorrupt) {
		return Salvaged{}, err
	}
	src, err := sql.Open("sqlite", uri(abs)+"?mode=ro")
	if err != nil {
		return Salvaged{}, fmt.Errorf("store: %w", err)
	}
	defer src.Close()
	src.SetMaxOpenConns(1)
	if _, err := readSchema(ctx, src, abs); err != nil {
		return Salvaged{}, err
	}
	base := SalvagePath(abs, time.Now())
	out := Salvaged{Path: base, Complete: true}
	for n := 2; fileExists(out.Path); n++ {
		ext := filepath.Ext(base)
		out.Path = fmt.Sprintf("%s-%d%s", strings.TrimSuffix(base, ext), n, ext)
	}
	dst, err := Open(out.Path)
	if err != nil {
		return Salvaged{}, err
	}
	defer dst.Close()
	for _, table := range salvageTables {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		if err := copyTable(ctx, src, dst.db, table, &out); err != nil {
			return out, fmt.Errorf("store: salvage %s: %w", table, err)
		}
	}
	return out, dst.Close()
}

// SalvagePath is where Salvage copies the workspace at path: beside it, named after it and the
// time ("workspace.db" → "workspace-recovered-20250612-150405.db").
func SalvagePath(path string, at time.Time) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	if ext == "" {
		ext = ".db"
	}
	return stem + "-recovered-" + at.Format("20060102-150405") + ext
}

// copyTable copies the readable rows of table: from the start until SQLite fails, from the
// end back to that point until it fails again, then one row at a time in between.
func copyTable(ctx context.Context, src *sql.DB, dst *sql.DB, table string, out *Salvaged) error {
	cols, err := commonColumns(ctx, src, dst, table)
	if err != nil || len(cols) == 0 {
		out.Complete = out.Complete && err == nil
		return nil // a table the damaged file does not have, or cannot say it has
	}
	tx, err := dst.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	c := &tableCopy{ctx: ctx, src: src, tx: tx, table: table, cols: cols, out: out}
	list := strings.Join(cols, ", ")
	c.insert = "INSERT INTO " + table + " (" + list + ") VALUES (" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	first, err := c.scan("SELECT rowid, "+list+" FROM "+table+" WHERE rowid >= ? ORDER BY rowid", math.MinInt64)
	if err == nil {
		return classify(tx.Commit())
	}
	out.Complete = false
	last, err := c.scan("SELECT rowid, "+list+" FROM "+table+" WHERE rowid > ? ORDER BY rowid DESC", first)
	switch {
	case err == nil:
		return classify(tx.Commit()) // everything after the failure was read from the end
	case last == first: // nothing read from the end either: look up to the largest rowid
		if src.QueryRowContext(ctx, "SELECT max(rowid) FROM "+table).Scan(&last) != nil {
			return classify(tx.Commit())
		}
		last++
	}
	c.probe(first, last)
	return classify(tx.Commit())
}

// tableCopy copies the rows of one table in one transaction of the new workspace.
type tableCopy struct {
	ctx    context.Context
	src    *sql.DB
	tx     *sql.Tx
	table  string
	cols   []string
	insert string
	out    *Salvaged
}

// scan copies the rows query returns and the rowid of the last row copied (from, when none);
// err is SQLite's, when it failed before the end.
func (c *tableCopy) scan(query string, from int64) (last int64, err error) {
	last = from
	rows, err := c.src.QueryContext(c.ctx, query, from)
	if err != nil {
		return last, err
	}
	defer rows.Close()
	for rows.Next() {
		var rowid int64
		values := make([]any, len(c.cols))
		dest := []any{&rowid}
		for i := range values {
			dest = append(dest, &values[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return last, err
		}
		c.add(values)
		last = rowid
	}
	return last, rows.Err()
}

// probe looks up one by one the rows whose rowid is strictly between from and to.
func (c *tableCopy) probe(from, to int64) {
	query := "SELECT " + strings.Join(c.cols, ", ") + " FROM " + c.table + " WHERE rowid = ?"
	for id := from + 1; id < to && id-from <= maxProbes && c.ctx.Err() == nil; id++ {
		values := make([]any, len(c.cols))
		dest := make([]any, len(values))
		for i := range values {
			dest[i] = &values[i]
		}
		if c.src.QueryRowContext(c.ctx, query, id).Scan(dest...) == nil {
			c.add(values)
		} // else no such row, or one on a page SQLite cannot read

	}
}

// add inserts one row read from the damaged file, counting it copied or lost.
func (c *tableCopy) add(values []any) {
	if _, err := c.tx.ExecContext(c.ctx, c.insert, values...); err != nil {
		c.out.Lost++ // its parent was lost, or the row is not valid
		return
	}
	switch c.table {
	case "reports":
		c.out.Reports++
	case "revisions":
		c.out.Revisions++
	case "variants":
		c.out.Variants++
	default:
		c.out.Others++
	}
}

// commonColumns lists the columns table has in both databases: a damaged workspace of an
// older schema lacks the columns added since, which take their default.
func commonColumns(ctx context.Context, src, dst *sql.DB, table string) ([]string, error) {
	have, err := columns(ctx, src, table)
	if err != nil {
		return nil, err
	}
	want, err := columns(ctx, dst, table)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, c := range want {
		for _, h := range have {
			if strings.EqualFold(c, h) {
				out = append(out, c)
				break
			}
		}
	}
	return out, nil
}

func columns(ctx context.Context, db *sql.DB, table string) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM pragma_table_info(?)", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, rows.Err()
}

// fileExists reports whether something exists at path.
func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
