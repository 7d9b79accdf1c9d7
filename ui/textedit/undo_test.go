package textedit

import "testing"

// TestHistoryMerges merges keystrokes into words: typing a word and its space is one step,
// the next word another; Backspace key after key too; a sealed step (paste) takes nothing in.
func TestHistoryMerges(t *testing.T) {
	var h history
	at := 0
	for _, r := range "Bonjour le" {
		h.add(edit{at: at, inserted: string(r)})
		at += len(string(r))
	}
	if len(h.edits) != 2 || h.edits[0].inserted != "Bonjour " || h.edits[1].inserted != "le" {
		t.Fatalf("steps %+v", h.edits)
	}
	h.push(edit{at: at, inserted: " collé"})
	h.add(edit{at: at + len(" collé"), inserted: "x"})
	if len(h.edits) != 4 {
		t.Fatalf("typing after a paste merged into it: %+v", h.edits)
	}
	var d history
	d.add(edit{at: 5, removed: "e"})
	d.add(edit{at: 4, removed: "d"})
	d.add(edit{at: 3, removed: " "})
	if len(d.edits) != 2 || d.edits[0].removed != "de" || d.edits[0].at != 4 || d.edits[1].removed != " " {
		t.Fatalf("Backspace steps %+v", d.edits)
	}
	if _, ok := d.undo(); !ok {
		t.Fatal("nothing to undo")
	}
	d.add(edit{at: 0, inserted: "z"})
	if _, ok := d.redo(); ok {
		t.Error("an edit after undo must drop what could be redone")
	}
}
