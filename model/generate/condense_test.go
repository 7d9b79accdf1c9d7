package generate

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestCondenseRoundHalvesWhatIsTooLong: a piece refused as too long is halved and each half
// condensed in order; the count covers the halves; progress only grows and ends at 1; a piece
// that cannot be halved gives the engine's error.
func TestCondenseRoundHalvesWhatIsTooLong(t *testing.T) {
	var fracs []float64
	var asked []string
	r := CondenseRound{
		Pass: func(_ context.Context, piece string, i, n int) (string, error) {
			asked = append(asked, piece)
			if len(piece) > 4 {
				return "", &Error{Code: CodeContextTooLong}
			}
			return " <" + piece + "> ", nil
		},
		Halve: func(p string) (string, string, bool) {
			if len(p) < 2 {
				return "", "", false
			}
			return p[:len(p)/2], p[len(p)/2:], true
		},
		Unsplittable: func(string, int, int) error { return errors.New("unsplittable") },
		Progress:     func(p Progress) { fracs = append(fracs, p.Fraction) },
	}
	text, done, err := r.Run(context.Background(), []string{"abcdefgh", "ij"})
	if err != nil || text != "<abcd>\n\n<efgh>\n\n<ij>" || done != 3 {
		t.Fatalf("Run = %q, %d, %v", text, done, err)
	}
	if strings.Join(asked, ",") != "abcdefgh,abcd,efgh,ij" {
		t.Errorf("asked %v", asked)
	}
	for i := 1; i < len(fracs); i++ {
		if fracs[i] <= fracs[i-1] {
			t.Errorf("progress fell back: %v", fracs)
		}
	}
	if fracs[0] != 0 || fracs[len(fracs)-1] != 1 {
		t.Errorf("progress %v", fracs)
	}
	r.Halve = func(string) (string, string, bool) { return "", "", false }
	if _, done, err := r.Run(context.Background(), []string{"ab", "abcdefgh"}); err == nil || err.Error() != "unsplittable" || done != 1 {
		t.Errorf("unsplittable piece: %d done, %v", done, err)
	}
}
