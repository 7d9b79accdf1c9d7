package model

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// hostileShares are share files of MaxShareFileSize bytes or less, made to cost memory: many
// empty items, or one item whose maps or lists hold millions of entries.
func hostileShares() map[string][]byte {
	// fill repeats unit, where %07d counts, between head and tail, up to the size limit.
	fill := func(head, unit, tail string) []byte {
		pre, post, numbered := strings.Cut(unit, "%07d")
		b := append(make([]byte, 0, MaxShareFileSize), head...)
		for i := 0; len(b)+2*len(unit)+len(tail) < MaxShareFileSize; i++ {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, pre...)
			if numbered {
				n := len(b)
				b = append(b, "0000000"...)
				for j, v := n+6, i; v > 0; j, v = j-1, v/10 {
					b[j] = byte('0' + v%10)
				}
				b = append(b, post...)
			}
		}
		return append(b, tail...)
	}
	head := `{"format":"rapporteur-share","version":1,`
	return map[string][]byte{
		"empty presets":        fill(head+`"presets":[`, `{}`, `]}`),
		"empty templates":      fill(head+`"templates":[`, `{}`, `]}`),
		"old empty templates":  fill(`[`, `{}`, `]`),
		"one huge name map":    fill(head+`"presets":[{"id":"a","name":{`, `"k%07d":""`, `}}]}`),
		"one long notes list":  fill(head+`"presets":[{"id":"a","notes":{"fr":[`, `{}`, `]}}]}`),
		"many notes by preset": fill(head+`"presets":[{"id":"a","notes":{"fr":[{}]}},`, `{"notes":{"fr":[{},{},{},{},{},{},{},{},{},{}]}}`, `]}`),
	}
}

// allocated returns the bytes fn allocates: an upper bound of the memory it holds at once.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestParseShareBoundedMemory refuses each hostile file while allocating no more than a few
// times the file's size limit (an 8 MiB file of empty presets took 988 MB before).
func TestParseShareBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 8 MiB files")
	}
	for name, data := range hostileShares() {
		t.Run(name, func(t *testing.T) {
			var err error
			n := allocated(func() { _, err = ParseShare(data) })
			if err == nil {
				t.Fatal("accepted")
			}
			if limit := uint64(2 * MaxShareFileSize); n > limit {
				t.Errorf("allocated %d MiB to refuse a %d MiB file, want at most %d MiB (%v)", n>>20, len(data)>>20, limit>>20, err)
			}
		})
	}
}

// TestParseShareCountsItems names the real limit as soon as the 201st item is read.
func TestParseShareCountsItems(t *testing.T) {
	for _, kind := range []string{"presets", "templates"} {
		t.Run(kind, func(t *testing.T) {
			data := `{"format":"rapporteur-share","version":1,"` + kind + `":[` + strings.Repeat(`{},`, 100_000) + `{}]}`
			_, err := ParseShare([]byte(data))
			v := AsValidation(err)
			if v == nil || v.Field != kind || v.Problem != ProblemOutOfRange || v.Limit != MaxShareItems {
				t.Fatalf("error %v, want %s out of range, limit %d", err, kind, MaxShareItems)
			}
		})
	}
}

// TestParseShareStrict keeps what json.Unmarshal refused: trailing data, wrong types.
func TestParseShareStrict(t *testing.T) {
	ok := `{"format":"rapporteur-share","version":1,"presets":[{"id":"a","name":{"fr":"A"},"instructions":{"fr":"x"}}]}`
	if s, err := ParseShare([]byte(ok)); err != nil || len(s.Presets) != 1 {
		t.Fatalf("valid file: %+v, %v", s, err)
	}
	for name, data := range map[string]string{
		"trailing data":   ok + `{}`,
		"presets object":  `{"format":"rapporteur-share","version":1,"presets":{}}`,
		"version string":  `{"format":"rapporteur-share","version":"1"}`,
		"unclosed":        `{"format":"rapporteur-share","version":1,"presets":[{}`,
		"item not object": `{"format":"rapporteur-share","version":1,"presets":[3]}`,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := ParseShare([]byte(data)); !errors.Is(err, ErrShareFile) {
				t.Fatalf("error %v, want ErrShareFile", err)
			}
		})
	}
}

func TestReadShareFile(t *testing.T) {
	dir := t.TempDir()
	good, err := MarshalShare(Share{Templates: []Template{sharedTemplate("atelier", "Atelier")}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "partage.json")
	if err := os.WriteFile(path, good, 0o600); err != nil {
		t.Fatal(err)
	}
	if s, err := ReadShareFile(path); err != nil || len(s.Templates) != 1 {
		t.Fatalf("got %+v, %v", s, err)
	}
	big := filepath.Join(dir, "gros.json")
	if err := os.WriteFile(big, append(good, bytes.Repeat([]byte(" "), MaxShareFileSize)...), 0o600); err != nil {
		t.Fatal(err)
	}
	var tooLarge *ShareTooLargeError
	if _, err := ReadShareFile(big); !errors.As(err, &tooLarge) || tooLarge.Limit != MaxShareFileSize || !errors.Is(err, ErrShareFile) {
		t.Fatalf("error %v, want a ShareTooLargeError of limit %d", err, MaxShareFileSize)
	}
	if _, err := ReadShare(bytes.NewReader(make([]byte, MaxShareFileSize+1))); !errors.As(err, &tooLarge) {
		t.Fatalf("ReadShare of a large stream: %v", err)
	}
	if _, err := ReadShareFile(dir); !errors.Is(err, ErrNotRegular) {
		t.Fatalf("directory: %v, want ErrNotRegular", err)
	}
}

// BenchmarkParseShareHostile measures the memory spent refusing the hostile files.
func BenchmarkParseShareHostile(b *testing.B) {
	for name, data := range hostileShares() {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseShare(data); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}

// BenchmarkParseShareFull measures a legitimate file at the item limit.
func BenchmarkParseShareFull(b *testing.B) {
	var s Share
	for i := range MaxShareItems {
		s.Presets = append(s.Presets, userPreset(fmt.Sprintf("p%d", i), "Préset", strings.Repeat("Écris court. ", 200)))
		s.Templates = append(s.Templates, sharedTemplate(fmt.Sprintf("t%d", i), "Modèle"))
	}
	data, err := MarshalShare(s)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseShare(data); err != nil {
			b.Fatal(err)
		}
	}
}
