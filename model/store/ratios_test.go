package store

import (
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

func TestTokenRatiosSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.SaveTokenRatio(ctx, "tokenizer:sha256-a", 1.25); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTokenRatio(ctx, "tokenizer:sha256-a", 1.5); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTokenRatio(ctx, "estimate:sha256-b", 3.1); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.TokenRatios(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["tokenizer:sha256-a"] != 1.5 || got["estimate:sha256-b"] != 3.1 {
		t.Errorf("ratios %v", got)
	}
}

func TestTokenRatioRefusesNonsense(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	for _, tc := range []struct {
		key   string
		ratio float64
	}{{"", 1}, {strings.Repeat("k", 513), 1}, {"k", math.NaN()}, {"k", math.Inf(1)}, {"k", 0}, {"k", -2}} {
		if err := s.SaveTokenRatio(ctx, tc.key, tc.ratio); err == nil {
			t.Errorf("ratio %v for a key of %d bytes accepted", tc.ratio, len(tc.key))
		}
	}
	if got, _ := s.TokenRatios(ctx); len(got) != 0 {
		t.Errorf("refused ratios were kept: %v", got)
	}
}
