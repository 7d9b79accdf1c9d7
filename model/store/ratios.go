package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
)

// errInvalidRatio refuses a token ratio that is not a positive finite number.
var errInvalidRatio = errors.New("invalid token ratio")

// maxRatioKey bounds the key of a token ratio; the engine's are under 200 bytes.
const maxRatioKey = 512

// TokenRatios returns the token ratios the Ollama engine learned, by key. It makes the store
// an ollama.RatioStore.
func (s *Store) TokenRatios(ctx context.Context) (map[string]float64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, ratio FROM token_ratios`)
	if err != nil {
		return nil, fmt.Errorf("store: token ratios: %w", classify(err))
	}
	defer rows.Close()
	out := map[string]float64{}
	for rows.Next() {
		var key string
		var ratio float64
		if err := rows.Scan(&key, &ratio); err != nil {
			return nil, fmt.Errorf("store: token ratios: %w", classify(err))
		}
		out[key] = ratio
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: token ratios: %w", classify(err))
	}
	return out, nil
}

// SaveTokenRatio keeps ratio for key, replacing the one kept before. A key longer than 512
// bytes, or a ratio that is not a positive finite number, is refused.
func (s *Store) SaveTokenRatio(ctx context.Context, key string, ratio float64) error {
	if key == "" || len(key) > maxRatioKey || math.IsNaN(ratio) || math.IsInf(ratio, 0) || ratio <= 0 {
		return fmt.Errorf("store: token ratio %q = %v: %w", key, ratio, errInvalidRatio)
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO token_ratios (key, ratio, updated) VALUES (?, ?, ?)
ON CONFLICT (key) DO UPDATE SET ratio = excluded.ratio, updated = excluded.updated`, key, ratio, now().UnixNano())
		if err != nil {
			return fmt.Errorf("store: token ratio: %w", classify(err))
		}
		return nil
	})
}
