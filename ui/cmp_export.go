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
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/workflow"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// onExport asks what the PDF should hold, then where to save it, then writes it.
func (c *comparison) onExport() {
	if c.run.ID == 0 || c.exportBtn.Disabled() {
		return
	}
	docLang := uikit.NewLanguageChoice(nil)
	docLang.Set(CurrentLanguage())
	mask := widget.NewCheck(lang.L("Mask personal data (e-mails, phone numbers, names of private persons)"), nil)
	facts := widget.NewCheck(lang.L("In the appendix, only the facts of the source, not its full text"), nil)
	diff := widget.NewCheck(lang.L("Colour the words of each variant that the source does not have"), nil)
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
		widget.NewFormItem(lang.L("Language of the document"), docLang),
		widget.NewFormItem("", mask), widget.NewFormItem("", names.view),
		widget.NewFormItem("", facts), widget.NewFormItem("", diff),
	}
	d := dialog.NewForm(lang.L("Export the comparison"), lang.L("Choose the file…"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		c.exportLang, _ = docLang.Value()
		c.exportOpts = export.ComparisonOptions{MaskPersonal: mask.Checked, Unmasked: names.unmasked(),
			SourceFacts: facts.Checked, DiffColours: diff.Checked}
		c.chooseExportFile()
	}, c.svc.win)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
}

// chooseExportFile asks where to write the PDF.
func (c *comparison) chooseExportFile() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			c.svc.showError(err)
			return
		}
		if wc == nil {
			return
		}
		c.exportTo(wc, nil)
	}, c.svc.win)
	d.SetFileName(workflow.FileStem(c.source.Title) + ".pdf")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
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

// comparisonDoc gathers what the PDF shows, with the options chosen (see workflow.Record).
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

// exportTo writes the PDF through wc, which the save dialog opened, in the background,
// showing progress, and offers to open it. done, when not nil, is called on the UI thread
// with the outcome.
func (c *comparison) exportTo(wc fyne.URIWriteCloser, done func(error)) {
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
	wc = withExtension(wc, ".pdf")
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(lang.L("Exporting the PDF…"), bar, c.svc.win)
	wait.Show()
	c.svc.background.Go(func() {
		err := writeThrough(wc, func(w io.Writer) error { return export.WriteComparisonPDF(w, doc) })
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

// showExported says where the file was saved and offers to open it.
func (s *services) showExported(u fyne.URI) {
	msg := widget.NewLabel(lang.L("The comparison was saved to {{.Path}}", map[string]any{"Path": uriPath(u)}))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("PDF exported"), lang.L("Open the file"), lang.L("Close"), msg, func(open bool) {
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
