package textedit

import "testing"

// TestCharacterSteps steps over accented letters, whether composed (é) or decomposed (e and
// U+0301), and over the typographic characters of French text.
func TestCharacterSteps(t *testing.T) {
	var b buffer
	b.set("é" + "e\u0301" + "\u202f;")
	var fwd []int
	for off := 0; off < len(b.text); {
		off = b.next(off)
		fwd = append(fwd, off)
	}
	want := []int{2, 5, 8, 9}
	if len(fwd) != len(want) {
		t.Fatalf("stops %v, want %v", fwd, want)
	}
	for i := range want {
		if fwd[i] != want[i] {
			t.Fatalf("stops %v, want %v", fwd, want)
		}
	}
	for i := len(want) - 1; i > 0; i-- {
		if got := b.prev(want[i]); got != want[i-1] {
			t.Errorf("before %d: %d, want %d", want[i], got, want[i-1])
		}
	}
	if b.prev(0) != 0 || b.next(len(b.text)) != len(b.text) {
		t.Error("stepping past the ends of the text")
	}
}

// TestWords finds the word under the mouse and the Ctrl+arrow stops, inclusive writing
// being one word.
func TestWords(t *testing.T) {
	var b buffer
	b.set("Les participant·es, inscrit.e.s")
	at := len("Les partici")
	if s, e := b.wordAt(at); b.text[s:e] != "participant·es" {
		t.Errorf("word at %d: %q", at, b.text[s:e])
	}
	if got := b.wordRight(len("Les")); b.text[:got] != "Les participant·es" {
		t.Errorf("Ctrl+Right stops after %q", b.text[:got])
	}
	if got := b.wordLeft(len("Les participant·es, ")); b.text[got:] != "participant·es, inscrit.e.s" {
		t.Errorf("Ctrl+Left stops before %q", b.text[got:])
	}
	if s, e := b.wordAt(len("Les participant·es,")); s != e {
		t.Errorf("between a comma and a space there is no word, got %q", b.text[s:e])
	}
}

// TestReplaceParagraphs counts the paragraphs an edit touched before and after it.
func TestReplaceParagraphs(t *testing.T) {
	var b buffer
	b.set("un\ndeux\ntrois")
	p0, before, after := b.replace(len("un\nde"), len("un\ndeux\ntr"), "X\nY\nZ")
	if b.text != "un\ndeX\nY\nZois" || p0 != 1 || before != 2 || after != 3 {
		t.Fatalf("%q: first %d, %d → %d paragraphs", b.text, p0, before, after)
	}
	if want := []int{0, 3, 7, 9}; len(b.starts) != 4 || b.starts[1] != want[1] || b.starts[2] != want[2] || b.starts[3] != want[3] {
		t.Errorf("starts %v, want %v", b.starts, want)
	}
}
