package analysis

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// DiffOp says what a DiffSpan does.
type DiffOp int

// The operations of a word diff.
const (
	DiffEqual  DiffOp = iota // text in both a and b
	DiffInsert               // text only in b
	DiffDelete               // text only in a
)

// String returns "equal", "insert" or "delete".
func (op DiffOp) String() string {
	switch op {
	case DiffEqual:
		return "equal"
	case DiffInsert:
		return "insert"
	case DiffDelete:
		return "delete"
	}
	return "unknown"
}

// DiffSpan is one piece of a word diff.
type DiffSpan struct {
	// Op says whether the text is in both texts, only in b or only in a.
	Op DiffOp `json:"op"`
	// Text is the piece of text: a[Start:End] for DiffEqual and DiffDelete, b[Start:End] for
	// DiffInsert.
	Text string `json:"text"`
	// Start and End are byte offsets: in a for DiffEqual and DiffDelete, in b for DiffInsert.
	Start int `json:"start"`
	End   int `json:"end"`
}

// DiffTimeout bounds the time WordDiff spends looking for the shortest diff. It is a safety
// net for long, very different texts: a 10,000-word report against a variant with a tenth
// of its words changed takes under 10 ms, against an unrelated 2,000-word text about 200 ms
// on a laptop. When the deadline passes, the parts not yet compared are reported as deleted
// from a and inserted in b as a whole: the diff is coarser (fewer, longer spans, some equal
// words shown as changed) but still exact, and the spans still rebuild both texts.
const DiffTimeout = 250 * time.Millisecond

// maxDiffTokens is the number of distinct tokens that runes can encode: every code point but
// the surrogates.
const maxDiffTokens = unicode.MaxRune + 1 - 0x800

// WordDiff compares a and b word by word and returns spans that cover both texts exactly, in
// order: the DiffEqual and DiffDelete texts concatenated give a, the DiffEqual and
// DiffInsert texts give b. Two empty texts give no span. A span never cuts a word.
//
// The texts are cut into tokens: a word as Words reads it (a French elision kept apart) or a
// run of punctuation, each with the white space after it. Each distinct token, white space
// aside, is encoded as one rune; the rune strings are compared with diff-match-patch; a
// semantic cleanup merges small equalities stranded between changes ("le" between two
// rewritten phrases) into the changes around them, so the diff reads as phrases replaced
// rather than a confetti of words. Then white space is compared where the tokens are equal:
// a line break that became a space shows as a change of that white space alone. Leaving
// white space out of the comparison halves the work; comparing sentences first (see
// diffTokens) limits the word-by-word comparison to the stretches that changed. Two texts
// with more distinct tokens between them than runes can encode (over a million) come back
// as one deletion and one insertion.
func WordDiff(a, b string) []DiffSpan {
	if a == b {
		if a == "" {
			return nil
		}
		return []DiffSpan{{Op: DiffEqual, Text: a, Start: 0, End: len(a)}}
	}
	var tab diffTokenTable
	ta, okA := tab.encode(a)
	tb, okB := tab.encode(b)
	if !okA || !okB {
		return coarseDiff(a, b)
	}
	diffs := diffmatchpatch.New().DiffCleanupSemantic(diffTokens(ta, tb))
	return decodeDiff(diffs, ta, tb)
}

// coarseDiff reports a as deleted and b as inserted.
func coarseDiff(a, b string) []DiffSpan {
	var out []DiffSpan
	if a != "" {
		out = append(out, DiffSpan{Op: DiffDelete, Text: a, Start: 0, End: len(a)})
	}
	if b != "" {
		out = append(out, DiffSpan{Op: DiffInsert, Text: b, Start: 0, End: len(b)})
	}
	return out
}

// diffTokenTable numbers the distinct tokens of both texts.
type diffTokenTable struct {
	ids map[string]rune
}

// diffText is a text cut into tokens. Token i is text[starts[i]:ends[i]], followed by white
// space up to starts[i+1]; token 0 is empty, and the white space after it starts the text.
type diffText struct {
	text   string
	runes  []rune // one per token
	starts []int
	ends   []int
}

// gapEnd returns where the white space after token i ends.
func (t *diffText) gapEnd(i int) int {
	if i+1 < len(t.starts) {
		return t.starts[i+1]
	}
	return len(t.text)
}

// encode cuts text into tokens and encodes them as runes, or returns false when there are
// too many distinct tokens to encode.
func (tab *diffTokenTable) encode(text string) (diffText, bool) {
	if tab.ids == nil {
		tab.ids = map[string]rune{"": 0}
	}
	n := len(text)/5 + 1
	t := diffText{text: text, runes: make([]rune, 1, n), starts: make([]int, 1, n), ends: make([]int, 1, n)}
	ok := true
	eachDiffToken(text, func(start, end int) {
		tok := text[start:end]
		r, found := tab.ids[tok]
		if !found {
			id := len(tab.ids)
			ok = ok && id < maxDiffTokens
			r = diffRune(id)
			tab.ids[tok] = r
		}
		t.runes = append(t.runes, r)
		t.starts = append(t.starts, start)
		t.ends = append(t.ends, end)
	})
	return t, ok
}

// diffRune encodes a token id as a valid rune, skipping the surrogates.
func diffRune(id int) rune {
	if id >= 0xD800 {
		id += 0x800
	}
	return rune(id)
}

// diffRuneID decodes diffRune.
func diffRuneID(r rune) int {
	if r >= 0xE000 {
		r -= 0x800
	}
	return int(r)
}

// decodeDiff turns diffs of encoded texts into spans of a and b.
func decodeDiff(diffs []diffmatchpatch.Diff, a, b diffText) []DiffSpan {
	var sb diffSpanBuilder
	ia, ib := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			for k := range n {
				sb.equalToken(a, b, ia+k, ib+k)
			}
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			sb.change(DiffDelete, a.text, a.starts[ia], a.gapEnd(ia+n-1))
			ia += n
		case diffmatchpatch.DiffInsert:
			sb.change(DiffInsert, b.text, b.starts[ib], b.gapEnd(ib+n-1))
			ib += n
		}
	}
	sb.flush()
	return sb.out
}

// diffSpanBuilder collects spans, merging neighbours: between two equal spans, all that is
// deleted comes as one span, then all that is inserted.
type diffSpanBuilder struct {
	out      []DiffSpan
	del, ins DiffSpan
}

// equalToken adds token i of a, equal to token j of b, and the white space after each.
func (sb *diffSpanBuilder) equalToken(a, b diffText, i, j int) {
	sb.equal(a.text, a.starts[i], a.ends[i])
	ga, gb := a.text[a.ends[i]:a.gapEnd(i)], b.text[b.ends[j]:b.gapEnd(j)]
	if ga == gb {
		sb.equal(a.text, a.ends[i], a.gapEnd(i))
		return
	}
	sb.change(DiffDelete, a.text, a.ends[i], a.gapEnd(i))
	sb.change(DiffInsert, b.text, b.ends[j], b.gapEnd(j))
}

func (sb *diffSpanBuilder) equal(text string, start, end int) {
	if start == end {
		return
	}
	sb.flush()
	if k := len(sb.out) - 1; k >= 0 && sb.out[k].Op == DiffEqual && sb.out[k].End == start {
		sb.out[k].End = end
		sb.out[k].Text = text[sb.out[k].Start:end]
		return
	}
	sb.out = append(sb.out, DiffSpan{Op: DiffEqual, Text: text[start:end], Start: start, End: end})
}

// change extends the pending deletion or insertion.
func (sb *diffSpanBuilder) change(op DiffOp, text string, start, end int) {
	p := &sb.del
	if op == DiffInsert {
		p = &sb.ins
	}
	if start == end {
		return
	}
	if p.Text == "" {
		*p = DiffSpan{Op: op, Start: start}
	}
	p.End = end
	p.Text = text[p.Start:end]
}

// flush appends the pending deletion, then the pending insertion.
func (sb *diffSpanBuilder) flush() {
	for _, p := range []*DiffSpan{&sb.del, &sb.ins} {
		if p.Text != "" {
			sb.out = append(sb.out, *p)
			*p = DiffSpan{}
		}
	}
}

// eachDiffToken calls fn with the byte range of each token of text, in order: a word (words.go's
// rules, a French elision split off) or a run of other characters that are not white space.
// An invalid byte is a character of its own.
func eachDiffToken(text string, fn func(start, end int)) {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		word := isWordRune(r)
		j := i + size
		for prev := r; j < len(text); {
			r, size := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) || (isWordRune(r) != word && !(word && joins(prev, r, text[j+size:]))) {
				break
			}
			prev = r
			j += size
		}
		if word {
			splitDiffElisions(text, i, j, fn)
		} else {
			fn(i, j)
		}
		i = j
	}
}

// splitDiffElisions calls fn with the French elisions at the start of the word text[i:j], then the
// rest of the word.
func splitDiffElisions(text string, i, j int, fn func(start, end int)) {
	for {
		k := firstApostrophe(text[i:j])
		if k <= 0 || !elisions[strings.ToLower(text[i:i+k])] {
			fn(i, j)
			return
		}
		_, size := utf8.DecodeRuneInString(text[i+k:])
		fn(i, i+k+size)
		i += k + size
		if i == j {
			return
		}
	}
}

// firstApostrophe returns the position of the first ' or ’ in w, or -1.
func firstApostrophe(w string) int {
	k := strings.IndexByte(w, '\'')
	if c := strings.Index(w, "’"); c >= 0 && (k < 0 || c < k) {
		k = c
	}
	return k
}
