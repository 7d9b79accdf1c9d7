package ui

import (
	"io"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/export/office"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/workflow"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// onExport asks in which format and language the comparison is written and what it should hold,
// then where to save it, then writes it.
func (c *comparison) onExport() {
	if c.run.ID == 0 || c.exportBtn.Disabled() {
		return
	}
	docLang := uikit.NewLanguageChoice(nil)
	docLang.Set(CurrentLanguage())
	mask := widget.NewCheck(lang.L("Mask personal data (e-mails, phone numbers, names of private persons)"), nil)
	facts := widget.NewCheck(lang.L("In the appendix, only the facts of the source, not its full text"), nil)
	diff := widget.NewCheck(lang.L("Colour the words of each variant that the source does not have"), nil)
	format := newFormatChoice(lang.L("PDF"), func(f docFormat) { // the appendix and the colours are the PDF's
		for _, w := range []*widget.Check{facts, diff} {
			if f == formatPDF {
				w.Enable()
			} else {
				w.Disable()
			}
		}
	})
	names := newMaskList()
	mask.OnChanged = func(on bool) {
		var terms []string
		if on {
			doc, err := c.comparisonDoc()
			c.svc.showError(err)
			terms = export.MaskedTerms(doc)
		}
		names.show(on, terms)
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Format"), format),
		widget.NewFormItem(lang.L("Language of the document"), docLang),
		widget.NewFormItem("", mask), widget.NewFormItem("", names.view),
		widget.NewFormItem("", facts), widget.NewFormItem("", diff),
	}
	d := dialog.NewForm(lang.L("Export the comparison"), lang.L("Choose the file…"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		c.exportLang, _ = docLang.Value()
		f, _ := format.Value()
		c.exportOpts = export.ComparisonOptions{MaskPersonal: mask.Checked, Unmasked: names.unmasked(),
			SourceFacts: facts.Checked && f == formatPDF, DiffColours: diff.Checked && f == formatPDF}
		c.chooseExportFile(f)
	}, c.svc.win)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
}

// chooseExportFile asks where to write the comparison in format f.
func (c *comparison) chooseExportFile(f docFormat) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			c.svc.showError(err)
			return
		}
		if wc == nil {
			return
		}
		c.exportAs(wc, f, nil)
	}, c.svc.win)
	d.SetFileName(workflow.FileStem(c.source.Title) + f.extension())
	d.SetFilter(storage.NewExtensionFileFilter([]string{f.extension()}))
	d.Show()
}

// record gathers what is known of the run on screen: its variants, analysis, votes,
// critiques, review marks and the models' details.
func (c *comparison) record() (workflow.Record, error) {
	votes, err := c.svc.store.Votes(c.svc.ctx, c.run.ID)
	if err != nil {
		return workflow.Record{}, err
	}
	r := workflow.Record{Source: c.source, Run: c.run, Variants: c.variants, Presets: c.svc.presets, Votes: votes,
		Critiques: c.critiques, Reviews: c.marks, Models: c.svc.hostModel,
		DeviceWatts: DeviceWatts(c.svc.app), GridIntensity: GridIntensity(c.svc.app)}
	if c.analysis != nil && c.analysis.runID == c.run.ID {
		r.SourceAnalysis, r.Analyses = &c.analysis.source, c.analysis.variants
	}
	return r, nil
}

// hostModel returns what a reachable host reports of one of its models.
func (s *services) hostModel(host, name string) (ollama.ModelInfo, bool) {
	for _, hm := range s.hosts.models() {
		if hm.host == host && hm.info.Name == name {
			return hm.info, true
		}
	}
	return ollama.ModelInfo{}, false
}

// comparisonDoc gathers what the document shows, with the options chosen (see workflow.Record).
func (c *comparison) comparisonDoc() (export.Comparison, error) {
	r, err := c.record()
	if err != nil {
		return export.Comparison{}, err
	}
	docLang := c.exportLang
	if !docLang.Valid() {
		docLang = CurrentLanguage()
	}
	return r.Comparison(workflow.Publication{Language: docLang, Options: c.exportOpts, Exported: time.Now(), AppVersion: c.svc.version}), nil
}

// exportTo writes the PDF through wc, which the save dialog opened (see exportAs).
func (c *comparison) exportTo(wc fyne.URIWriteCloser, done func(error)) {
	c.exportAs(wc, formatPDF, done)
}

// exportAs writes the comparison in format f through wc, which the save dialog opened, in the
// background, showing progress, and offers to open it. done, when not nil, is called on the UI
// thread with the outcome.
func (c *comparison) exportAs(wc fyne.URIWriteCloser, f docFormat, done func(error)) {
	finish := func(err error) {
		if done != nil {
			done(err)
		}
		if err != nil {
			c.svc.showError(err)
		}
	}
	doc, err := c.comparisonDoc()
	if err != nil {
		_ = wc.Close()
		_ = storage.Delete(wc.URI())
		finish(err)
		return
	}
	wc = withExtension(wc, f.extension())
	write := func(w io.Writer) error { return export.WriteComparisonPDF(w, doc) }
	title := lang.L("Exporting the PDF…")
	if f != formatPDF {
		write = func(w io.Writer) error { return office.WriteComparison(w, office.Format(f), doc) }
		title = lang.L("Exporting the document…")
	}
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(title, bar, c.svc.win)
	wait.Show()
	c.svc.background.Go(func() {
		err := writeThrough(wc, write)
		runOnUI(func() {
			wait.Hide()
			bar.Stop()
			finish(err)
			if err == nil {
				c.svc.showExported(wc.URI())
			}
		})
	})
}

// showExported says where the comparison was saved and offers to open it.
func (s *services) showExported(u fyne.URI) {
	s.showSaved(u, lang.L("The comparison was saved to {{.Path}}", map[string]any{"Path": uriPath(u)}))
}

// showSaved says text (where a document was saved) and offers to open the file u.
func (s *services) showSaved(u fyne.URI, text string) {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Document exported"), lang.L("Open the file"), lang.L("Close"), msg, func(open bool) {
		if open {
			s.openURI(u)
		}
	}, s.win)
	d.Resize(fyne.NewSize(480, 200))
	d.Show()
}

// openURI opens a saved file with the system's default application.
func (s *services) openURI(uri fyne.URI) {
	target, err := url.Parse(uri.String())
	if err == nil {
		err = s.app.OpenURL(target)
	}
	s.showError(err)
}
