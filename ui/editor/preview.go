package editor

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/ui/uikit"
)

// previewLimit is the most text the preview lays out, in bytes (about 2,000 words). Fyne lays
// out and measures all of a rich text on every frame, so a whole 100-page report would cost
// every keystroke a tenth of a second or more; beyond this size the preview shows the section
// being edited, from its heading on.
const previewLimit = 14_000

// preview shows the Markdown body rendered: all of it, or the section around the caret of a
// long report.
type preview struct {
	text       *widget.RichText
	scroll     *container.Scroll
	title      *widget.Label
	start, end int // the part of the body shown
	whole      bool
}

func newPreview() *preview {
	p := &preview{text: widget.NewRichText(), whole: true}
	p.text.Wrapping = fyne.TextWrapWord
	p.scroll = container.NewVScroll(p.text)
	p.title = widget.NewLabelWithStyle(lang.L("Preview"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return p
}

func (p *preview) content() fyne.CanvasObject {
	return container.NewBorder(p.title, nil, nil, nil, p.scroll)
}

// show renders the part of body around the caret at offset caret.
func (p *preview) show(body string, caret int) {
	start, end := previewWindow(body, caret)
	if start != p.start {
		p.scroll.ScrollToTop()
	}
	p.start, p.end = start, end
	whole := start == 0 && end == len(body)
	if whole != p.whole {
		p.whole = whole
		p.title.SetText(lang.L("Preview"))
		if !whole {
			p.title.SetText(lang.L("Preview of the section being edited"))
		}
	}
	p.text.Segments = uikit.PreviewSegments(body[start:end])
	p.text.Refresh()
}

// stale says whether the caret has left the part shown.
func (p *preview) stale(caret int) bool {
	return !p.whole && (caret < p.start || caret > p.end)
}

// previewWindow is the part of text the preview shows for a caret at offset caret: all of it
// when it is short; else from the heading the caret is under (or, failing one close enough,
// the start of its paragraph) for at most previewLimit bytes, cut at the end of a line.
func previewWindow(text string, caret int) (start, end int) {
	if len(text) <= previewLimit {
		return 0, len(text)
	}
	caret = max(0, min(caret, len(text)))
	lineStart := strings.LastIndexByte(text[:caret], '\n') + 1
	floor := max(0, caret-previewLimit/2)
	start = -1
	for i := lineStart; i >= floor; i = strings.LastIndexByte(text[:max(0, i-1)], '\n') + 1 {
		if strings.HasPrefix(text[i:], "#") {
			start = i
			break
		}
		if i == 0 {
			break
		}
	}
	if start < 0 {
		start = strings.LastIndex(text[:lineStart], "\n\n") + 2
		if start < floor {
			start = lineStart
		}
	}
	end = min(len(text), start+previewLimit)
	if end < len(text) {
		if cut := strings.LastIndexByte(text[:end], '\n'); cut > caret {
			end = cut
		}
	}
	return start, end
}
