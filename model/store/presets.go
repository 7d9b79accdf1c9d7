package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/rapporteur/rapporteur/model"
)

// SavePreset validates p and stores it as a new version of the user's preset p.ID, and returns
// it with its Version: 1 for a new id, the latest version plus one otherwise (p.Version is
// ignored). When the latest version has the same content and is not deleted, nothing is written
// and that version is returned. Saving a deleted preset revives it. The id of a built-in preset
// is refused with a *model.ValidationError on "id".
func (s *Store) SavePreset(ctx context.Context, p model.Preset) (model.Preset, error) {
	p.Version, p.Builtin = 0, false
	if err := p.Validate(); err != nil {
		return model.Preset{}, err
	}
	if model.IsBuiltinPreset(p.ID) {
		return model.Preset{}, &model.ValidationError{Field: "id", Problem: model.ProblemInvalid}
	}
	content, err := json.Marshal(p)
	if err != nil {
		return model.Preset{}, fmt.Errorf("store: save preset: %w", err)
	}
	var saved model.Preset
	err = s.write(ctx, func(tx *sql.Tx) error {
		latest, deleted, err := latestPreset(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		if latest.Version > 0 && !deleted && sameContent(latest, content) {
			saved = latest
			return nil
		}
		saved = p
		saved.Version = latest.Version + 1
		return insertPreset(ctx, tx, saved)
	})
	if err != nil {
		return model.Preset{}, fmt.Errorf("store: save preset: %w", err)
	}
	return saved, nil
}

// latestPreset returns the latest stored version of preset id and whether it is deleted; a
// zero Preset when id has none.
func latestPreset(ctx context.Context, tx *sql.Tx, id string) (model.Preset, bool, error) {
	var version int
	var data []byte
	var deleted bool
	err := tx.QueryRowContext(ctx, `SELECT version, data, deleted FROM presets WHERE id = ?
		ORDER BY version DESC LIMIT 1`, id).Scan(&version, &data, &deleted)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Preset{}, false, nil
	}
	if err != nil {
		return model.Preset{}, false, classify(err)
	}
	p, err := decodePreset(data, version)
	return p, deleted, err
}

// sameContent reports whether stored, its Version zeroed, encodes to content.
func sameContent(stored model.Preset, content []byte) bool {
	stored.Version = 0
	js, err := json.Marshal(stored)
	return err == nil && bytes.Equal(js, content)
}

// insertPreset adds version p.Version of p.ID and marks every version of it not deleted.
func insertPreset(ctx context.Context, tx *sql.Tx, p model.Preset) error {
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO presets (id, version, data, created) VALUES (?, ?, ?, ?)`,
		p.ID, p.Version, string(data), now().UnixNano()); err != nil {
		return classify(err)
	}
	_, err = tx.ExecContext(ctx, `UPDATE presets SET deleted = 0 WHERE id = ? AND deleted <> 0`, p.ID)
	return classify(err)
}

// decodePreset reads a preset's JSON; version, the row's, is authoritative.
func decodePreset(data []byte, version int) (model.Preset, error) {
	var p model.Preset
	if err := json.Unmarshal(data, &p); err != nil {
		return model.Preset{}, fmt.Errorf("preset version %d: %w", version, err)
	}
	p.Version = version
	return p, nil
}

// Presets returns the latest version of each of the user's presets that is not deleted,
// ordered by French name (ignoring case and accents), then by id.
func (s *Store) Presets(ctx context.Context) ([]model.Preset, error) {
	ps, err := s.queryPresets(ctx, `SELECT version, data FROM presets p WHERE deleted = 0
		AND version = (SELECT max(version) FROM presets WHERE id = p.id)`)
	if err != nil {
		return nil, fmt.Errorf("store: presets: %w", err)
	}
	slices.SortFunc(ps, func(a, b model.Preset) int {
		return cmp.Or(cmp.Compare(fold(a.Name.In(model.French)), fold(b.Name.In(model.French))),
			cmp.Compare(a.ID, b.ID))
	})
	return ps, nil
}

// PresetVersion returns version version of the user's preset id, even when the preset is
// deleted: variants made with it still name it. A missing one gives an error wrapping
// ErrNotFound.
func (s *Store) PresetVersion(ctx context.Context, id string, version int) (model.Preset, error) {
	ps, err := s.queryPresets(ctx, `SELECT version, data FROM presets WHERE id = ? AND version = ?`, id, version)
	if err == nil && len(ps) == 0 {
		err = fmt.Errorf("preset %q version %d: %w", id, version, ErrNotFound)
	}
	if err != nil {
		return model.Preset{}, fmt.Errorf("store: preset version: %w", err)
	}
	return ps[0], nil
}

// PresetVersions returns every stored version of the user's preset id, newest first, deleted
// or not. An id never saved gives an error wrapping ErrNotFound.
func (s *Store) PresetVersions(ctx context.Context, id string) ([]model.Preset, error) {
	ps, err := s.queryPresets(ctx, `SELECT version, data FROM presets WHERE id = ? ORDER BY version DESC`, id)
	if err == nil && len(ps) == 0 {
		err = fmt.Errorf("preset %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: preset versions: %w", err)
	}
	return ps, nil
}

// queryPresets runs query, which selects a version and data, and decodes the presets.
func (s *Store) queryPresets(ctx context.Context, query string, args ...any) ([]model.Preset, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	ps := []model.Preset{}
	for rows.Next() {
		var version int
		var data []byte
		if err := rows.Scan(&version, &data); err != nil {
			return nil, classify(err)
		}
		p, err := decodePreset(data, version)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, classify(rows.Err())
}

// DeletePreset marks every version of the user's preset id deleted: Presets no longer lists
// it, but PresetVersion still reads the versions variants were made with. Deleting a deleted
// preset does nothing; an id never saved gives an error wrapping ErrNotFound.
func (s *Store) DeletePreset(ctx context.Context, id string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE presets SET deleted = 1 WHERE id = ?`, id)
		if err != nil {
			return classify(err)
		}
		n, err := res.RowsAffected()
		if err == nil && n == 0 {
			err = fmt.Errorf("preset %q: %w", id, ErrNotFound)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("store: delete preset: %w", err)
	}
	return nil
}
