package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkOpen opens a workspace of about 50 MB (200 reports of 40,000 words, each with a
// revision) and closes it: the price of the checks made before anything is written.
func BenchmarkOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), FileName)
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	body := strings.Repeat(words5000+"\n\n", 8)
	for i := range 200 {
		r := sampleReport(fmt.Sprintf("Réunion %d", i))
		r.Body = body
		if r, err = s.CreateReport(ctx, r); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Snapshot(ctx, r.ID); err != nil {
			b.Fatal(err)
		}
	}
	s.Close()
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
