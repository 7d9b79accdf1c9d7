package editor

import (
	"context"
	"strings"
	"sync"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/ui/i18n"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// memStore keeps the reports saved, in memory.
type memStore struct {
	mu    sync.Mutex
	saved []model.Report
}

func (m *memStore) SaveReport(_ context.Context, r model.Report) (model.Report, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.saved = append(m.saved, r)
	return r, nil
}

func (m *memStore) last() model.Report {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.saved) == 0 {
		return model.Report{}
	}
	return m.saved[len(m.saved)-1]
}

// newTestEditor builds an editor on Fyne's test driver with r loaded. Work sent to the UI
// thread is dropped: the tests look at what the editor saved, not at its status line.
func newTestEditor(t testing.TB, r model.Report) (*Screen, *memStore) {
	t.Helper()
	test.NewTempApp(t)
	if err := i18n.LoadTranslations(i18n.LanguageFrench); err != nil {
		t.Fatal(err)
	}
	st := &memStore{}
	e := New(Deps{
		Ctx: context.Background(), Store: st,
		Do:        func(func()) {},
		ShowError: func(err error) { t.Errorf("error shown: %v", err) },
		Explain:   func(err error) string { return err.Error() },
		Saved:     func(model.Report) {},
		Titled:    func(string) {},
	})
	w := test.NewTempWindow(t, e.Content())
	w.Resize(fyne.NewSize(1000, 700))
	e.Load(r)
	return e, st
}

// TestPasteFromWordProcessor pastes paragraphs copied from a word processor (one line each)
// and finds them as Markdown paragraphs and items, then saved.
func TestPasteFromWordProcessor(t *testing.T) {
	r := model.NewReport("Atelier place du Marché", model.French)
	r.ID = 7
	e, st := newTestEditor(t, r)
	clip := &pastedText{text: "Ouverture\r\nMme Laurent a présenté le projet.\r\n•\tplus de bancs\r\n•\tun abri vélos\r\n"}
	e.body.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	want := "Ouverture\n\nMme Laurent a présenté le projet.\n\n- plus de bancs\n- un abri vélos"
	if e.body.Text != want {
		t.Fatalf("pasted %q, want %q", e.body.Text, want)
	}
	if err := e.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := st.last(); got.ID != 7 || got.Body != want {
		t.Errorf("saved report %d: %q", got.ID, got.Body)
	}
	e.body.TypedShortcut(&fyne.ShortcutSelectAll{})
	if e.body.SelectedText() != want {
		t.Error("other shortcuts no longer reach the entry")
	}
}

// TestPreviewWrapsAsWords checks the editor's preview lays out the words after inline HTML and
// bold runs as words, not one letter a line (a Fyne layout defect the columns guard against too),
// and renders the HTML without its tags.
func TestPreviewWrapsAsWords(t *testing.T) {
	r := model.NewReport("Concertation", model.French)
	r.ID = 1
	r.Body = "Mme Laurent rappelle que la concertation porte sur le réaménagement de la place du Marché, " +
		"dont le budget prévisionnel est de 480 000 €. Les <u>propositions retenues</u> seront présentées au " +
		"conseil municipal du 9 décembre 2026.<br>Prochaine séance en **janvier**, salle polyvalente."
	e, _ := newTestEditor(t, r)
	bad := 0
	for w := float32(120); w <= 420; w += 3 {
		e.refreshPreview()
		e.preview.text.Resize(fyne.NewSize(w, 10))
		if verticalRuns(e.preview.text) > 0 {
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("at %d widths of 101, a word of the preview is laid out one letter per line", bad)
	}
	if text := e.preview.text.String(); strings.Contains(text, "<u>") || !strings.Contains(text, "propositions retenues") {
		t.Errorf("the preview shows %q", text)
	}
}

// verticalRuns counts the places where rt shows three or more single letters in a row, each
// its own text: a word laid out one letter per line.
func verticalRuns(rt *widget.RichText) int {
	n, run := 0, 0
	for _, o := range test.WidgetRenderer(rt).Objects() {
		var letters []rune
		if tx, ok := o.(*canvas.Text); ok {
			letters = []rune(strings.TrimSpace(strings.ReplaceAll(tx.Text, uikit.WrapGuard, "")))
		}
		if len(letters) == 1 && unicode.IsLetter(letters[0]) {
			run++
			if run == 3 {
				n++
			}
			continue
		}
		run = 0
	}
	return n
}
