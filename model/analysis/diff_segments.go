package analysis

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Long texts are compared in two passes, the way diff-match-patch's line mode works: first
// segment by segment (a segment ends after . ! ? … ; : or at a line break), then word by word
// inside each stretch of segments that changed. Unchanged sentences anchor the comparison,
// so its cost grows with the size of the changed stretches, not with the whole text's. When
// no segment is shared (a summary that rewrites everything), the second pass is a single
// word-by-word comparison of the whole texts.

// diffTokens compares two diffText texts and returns the diffs of their token runes.
func diffTokens(ta, tb diffText) []diffmatchpatch.Diff {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = DiffTimeout
	deadline := time.Now().Add(DiffTimeout)
	ba, bb := diffSegmentBounds(ta), diffSegmentBounds(tb)
	var segs diffSegmentTable
	ra, rb := segs.encode(ta, ba), segs.encode(tb, bb)
	var out []diffmatchpatch.Diff
	var delFrom, insFrom int // token ranges [delFrom, ia) of a and [insFrom, ib) of b pending
	ia, ib := 0, 0
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out = appendChangedDiffs(out, dmp, deadline, ta.runes[delFrom:ba[ia]], tb.runes[insFrom:bb[ib]])
			out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: string(ta.runes[ba[ia]:ba[ia+n]])})
			ia += n
			ib += n
			delFrom, insFrom = ba[ia], bb[ib]
		case diffmatchpatch.DiffDelete:
			ia += n
		case diffmatchpatch.DiffInsert:
			ib += n
		}
	}
	out = appendChangedDiffs(out, dmp, deadline, ta.runes[delFrom:ba[ia]], tb.runes[insFrom:bb[ib]])
	return mergeDiffs(out)
}

// mergeDiffs joins neighbouring diffs of the same type, and puts deletions before insertions
// between two equalities, as diff-match-patch's cleanups expect. Unlike DiffCleanupMerge, it
// takes linear time.
func mergeDiffs(diffs []diffmatchpatch.Diff) []diffmatchpatch.Diff {
	out := diffs[:0:0]
	var del, ins strings.Builder
	flush := func() {
		if del.Len() > 0 {
			out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: ins.String()})
		}
		del.Reset()
		ins.Reset()
	}
	for _, d := range diffs {
		switch {
		case d.Text == "":
		case d.Type == diffmatchpatch.DiffDelete:
			del.WriteString(d.Text)
		case d.Type == diffmatchpatch.DiffInsert:
			ins.WriteString(d.Text)
		case len(out) > 0 && del.Len()+ins.Len() == 0 && out[len(out)-1].Type == diffmatchpatch.DiffEqual:
			out[len(out)-1].Text += d.Text
		default:
			flush()
			out = append(out, d)
		}
	}
	flush()
	return out
}

// appendChangedDiffs appends the word-by-word diffs of a changed stretch, within the deadline.
func appendChangedDiffs(out []diffmatchpatch.Diff, dmp *diffmatchpatch.DiffMatchPatch, deadline time.Time, a, b []rune) []diffmatchpatch.Diff {
	switch {
	case len(a) == 0 && len(b) == 0:
		return out
	case len(a) == 0:
		return append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: string(b)})
	case len(b) == 0:
		return append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: string(a)})
	}
	// A zero timeout would mean no limit: once the deadline has passed, allow a nanosecond.
	dmp.DiffTimeout = max(time.Until(deadline), time.Nanosecond)
	return append(out, dmp.DiffMainRunes(a, b, false)...)
}

// diffSegmentBounds returns the index of the first token of each segment of t, and len(t.runes)
// last: segment i is tokens [bounds[i], bounds[i+1]).
func diffSegmentBounds(t diffText) []int {
	bounds := make([]int, 1, len(t.runes)/8+2)
	for i := range t.runes {
		if i+1 < len(t.runes) && endsDiffSegment(t.text[t.starts[i]:t.ends[i]], t.text[t.ends[i]:t.gapEnd(i)]) {
			bounds = append(bounds, i+1)
		}
	}
	return append(bounds, len(t.runes))
}

// diffSegmentTable numbers distinct segments by their tokens.
type diffSegmentTable struct {
	ids map[string]rune
}

// encode returns one rune per segment of t.
func (s *diffSegmentTable) encode(t diffText, bounds []int) []rune {
	if s.ids == nil {
		s.ids = map[string]rune{}
	}
	out := make([]rune, len(bounds)-1)
	for i := range out {
		key := string(t.runes[bounds[i]:bounds[i+1]])
		r, ok := s.ids[key]
		if !ok {
			// Segments are never more numerous than tokens, which fit in runes.
			r = diffRune(len(s.ids))
			s.ids[key] = r
		}
		out[i] = r
	}
	return out
}

// endsDiffSegment reports a token of punctuation that ends a sentence or a clause, or white space
// with a line break after the token.
func endsDiffSegment(tok, gap string) bool {
	if strings.IndexByte(gap, '\n') >= 0 {
		return true
	}
	if tok == "" || isWordRune(rune(tok[0])) || tok[0] >= utf8.RuneSelf && isWordRune(firstRuneOf(tok)) {
		return false
	}
	return strings.ContainsAny(tok, ".!?…;:")
}

func firstRuneOf(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
