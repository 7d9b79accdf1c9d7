package generate

import (
	"context"
	"strings"
)

// CondenseRound is one round of reading a long source in parts: each piece is condensed by a
// pass of the engine, in order; a piece the server finds too long is halved and each half
// condensed, down to a single sentence. Both model engines run their rounds with it; they
// give the pass, the halving and the error of a piece that cannot be halved.
type CondenseRound struct {
	// Pass condenses piece, number i of n (from 1), and returns its text; an error with
	// CodeContextTooLong makes the round halve the piece.
	Pass func(ctx context.Context, piece string, i, n int) (string, error)
	// Halve cuts piece in two; ok is false when it cannot (a single sentence).
	Halve func(piece string) (a, b string, ok bool)
	// Unsplittable is the error of a piece too long that cannot be halved, number i of n.
	Unsplittable func(piece string, i, n int) error
	// Progress receives StageChunking progress, from 0 to 1, only when it grows: a piece
	// halved would make it fall back.
	Progress ProgressFunc

	done, total int
	reported    float64
}

// Run condenses pieces and returns their texts joined by blank lines, with how many pieces
// (halves included) were condensed, also when it fails.
func (r *CondenseRound) Run(ctx context.Context, pieces []string) (string, int, error) {
	r.done, r.total, r.reported = 0, len(pieces), -1
	r.report(0)
	out := make([]string, 0, len(pieces))
	for _, piece := range pieces {
		texts, err := r.piece(ctx, piece)
		if err != nil {
			return "", r.done, err
		}
		out = append(out, texts...)
	}
	r.report(1)
	return strings.Join(out, "\n\n"), r.done, nil
}

// piece condenses one piece, or its two halves when the server finds it too long.
func (r *CondenseRound) piece(ctx context.Context, piece string) ([]string, error) {
	text, err := r.Pass(ctx, piece, r.done+1, r.total)
	if CodeOf(err) == CodeContextTooLong {
		a, b, ok := r.Halve(piece)
		if !ok {
			return nil, r.Unsplittable(piece, r.done+1, r.total)
		}
		r.total++
		first, err := r.piece(ctx, a)
		if err != nil {
			return nil, err
		}
		second, err := r.piece(ctx, b)
		return append(first, second...), err
	}
	if err != nil {
		return nil, err
	}
	r.done++
	r.report(float64(r.done) / float64(r.total))
	return []string{strings.TrimSpace(text)}, nil
}

func (r *CondenseRound) report(frac float64) {
	if frac <= r.reported || r.Progress == nil {
		return
	}
	r.reported = frac
	r.Progress(Progress{Stage: StageChunking, Fraction: frac})
}
