package export

import (
	"fmt"
	"sync"

	"golang.org/x/image/font/sfnt"

	"github.com/rapporteur/rapporteur/assets"
)

// fontFamily is the family name the embedded fonts are registered under in each document.
const fontFamily = "NotoSans"

// fontFace is one embedded font file and the fpdf style it is registered with.
type fontFace struct {
	style string // "", "B" or "I"
	file  string // path inside assets.Fonts
}

var fontFaces = []fontFace{
	{style: "", file: "fonts/NotoSans-Regular.ttf"},
	{style: "B", file: "fonts/NotoSans-Bold.ttf"},
	{style: "I", file: "fonts/NotoSans-Italic.ttf"},
}

// fontSet is the embedded fonts read once: their bytes, and the Basic Multilingual Plane
// characters that every face can draw.
type fontSet struct {
	data    map[string][]byte // by fpdf style
	covered []uint64          // bit r set when every face has a glyph for rune r (r < 0x10000)
}

// has reports whether every face has a glyph for r.
func (s *fontSet) has(r rune) bool {
	if r < 0 || r >= 0x10000 {
		return false
	}
	return s.covered[r>>6]&(1<<(uint(r)&63)) != 0
}

var (
	fontsOnce   sync.Once
	loadedFonts *fontSet
	fontsErr    error
)

// fonts returns the embedded fonts, reading and indexing them on first use only.
func fonts() (*fontSet, error) {
	fontsOnce.Do(func() { loadedFonts, fontsErr = loadFonts() })
	return loadedFonts, fontsErr
}

func loadFonts() (*fontSet, error) {
	set := &fontSet{data: map[string][]byte{}, covered: make([]uint64, 0x10000/64)}
	for i := range set.covered {
		set.covered[i] = ^uint64(0)
	}
	for _, face := range fontFaces {
		b, err := assets.Fonts.ReadFile(face.file)
		if err != nil {
			return nil, fmt.Errorf("export: read font: %w", err)
		}
		if err := set.intersect(b); err != nil {
			return nil, fmt.Errorf("export: font %s: %w", face.file, err)
		}
		set.data[face.style] = b
	}
	return set, nil
}

// intersect clears from the coverage every BMP character the font in b cannot draw.
func (s *fontSet) intersect(b []byte) error {
	f, err := sfnt.Parse(b)
	if err != nil {
		return err
	}
	var buf sfnt.Buffer
	for r := rune(0); r < 0x10000; r++ {
		if s.covered[r>>6]&(1<<(uint(r)&63)) == 0 {
			continue
		}
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			s.covered[r>>6] &^= 1 << (uint(r) & 63)
		}
	}
	return nil
}
