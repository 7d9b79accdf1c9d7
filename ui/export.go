package ui

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/export"
)

// onExport asks where to save the comparison PDF, then writes it.
func (c *comparison) onExport() {
	if c.run.ID == 0 || c.exportBtn.Disabled() {
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			c.u.showError(err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		_ = wc.Close()
		c.exportTo(path, nil)
	}, c.u.win)
	d.SetFileName(fileSlug(c.source.Title) + ".pdf")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
}

// comparisonDoc gathers what the PDF shows, in the interface language.
func (c *comparison) comparisonDoc() export.Comparison {
	variants := append(c.variants[:0:0], c.variants...)
	return export.Comparison{
		Source:     c.source,
		Variants:   variants,
		Presets:    c.u.deps.Presets,
		Language:   CurrentLanguage(),
		Exported:   time.Now(),
		AppVersion: c.u.deps.Version,
	}
}

// exportTo writes the PDF in the background, showing progress, and offers to open it.
// done, when not nil, is called on the UI thread with the outcome.
func (c *comparison) exportTo(path string, done func(error)) {
	if !strings.EqualFold(filepath.Ext(path), ".pdf") {
		removeIfEmpty(path) // the save dialog created the name as typed; the PDF gets its extension
		path += ".pdf"
	}
	doc := c.comparisonDoc()
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(lang.L("Exporting the PDF…"), bar, c.u.win)
	wait.Show()
	go func() {
		err := export.SaveComparisonPDF(path, doc)
		runOnUI(func() {
			wait.Hide()
			bar.Stop()
			if done != nil {
				done(err)
			}
			if err != nil {
				c.u.showError(err)
				return
			}
			c.showExported(path)
		})
	}()
}

func (c *comparison) showExported(path string) {
	msg := widget.NewLabel(lang.L("The comparison was saved to {{.Path}}", map[string]any{"Path": path}))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("PDF exported"), lang.L("Open the file"), lang.L("Close"), msg, func(open bool) {
		if open {
			c.u.openFile(path)
		}
	}, c.u.win)
	d.Resize(fyne.NewSize(480, 200))
	d.Show()
}

// fileSlug turns a title into a safe file name: letters, digits and dashes.
func fileSlug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if s == "" {
		return "comparaison"
	}
	return s
}

// openFile opens a local file with the system's default application.
func (u *UI) openFile(path string) {
	target, err := url.Parse(storage.NewFileURI(path).String())
	if err == nil {
		err = u.app.OpenURL(target)
	}
	u.showError(err)
}

// removeIfEmpty deletes path when it is an empty regular file.
func removeIfEmpty(path string) {
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() && info.Size() == 0 {
		_ = os.Remove(path)
	}
}
