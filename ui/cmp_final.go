package ui

import (
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/export/office"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/workflow"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// disclosure is the AI-use line of a published variant: which engine wrote it and who
// reviewed it, as the EU AI Act's transparency rule for texts of public interest expects.
func (c *comparison) disclosure(v model.Variant) string {
	data := map[string]any{"Model": engineLabel(v.Spec)}
	text := lang.L("Text written with the help of AI ({{.Model}}) from the report of the session.", data)
	if v.Engine == model.EngineBuiltin {
		text = lang.L("Text made of sentences extracted automatically from the report of the session (Rapporteur's built-in engine, no AI model).")
	}
	switch host := map[string]any{"Host": model.CleanName(v.Stats.WhereHost)}; v.Stats.Where {
	case model.PlaceNetwork:
		text += " " + lang.L("Written on {{.Host}}, a machine of the local network.", host)
	case model.PlaceRemote:
		text += " " + lang.L("Written by a remote service, {{.Host}}, outside this computer and its network.", host)
	}
	if m, ok := c.marks[v.ID]; ok {
		return text + " " + lang.L("Reviewed by {{.Name}} on {{.Date}}.", map[string]any{"Name": m.Reviewer, "Date": model.FormatDate(m.Date, CurrentLanguage())})
	}
	return text + " " + lang.L("Not reviewed yet.")
}

// onExportFinal writes a variant alone as a final report: a portrait PDF and its Markdown, or
// a Word or OpenDocument file.
func (c *comparison) onExportFinal(v model.Variant) {
	r := export.Report{Meta: c.source.Meta, Markdown: v.Text, Disclosure: c.disclosure(v), Exported: time.Now(), AppVersion: c.svc.version}
	c.svc.saveFinal(r, workflow.FileStem(c.source.Title)+"-"+workflow.FileStem(presetName(c.svc.presets, v.PresetID)))
}

// onExportSource writes the report being edited as a final report.
func (u *UI) onExportSource() {
	if u.reportID == 0 {
		return
	}
	if err := u.ed.Flush(); err != nil {
		u.showError(unsavedError{err})
		return
	}
	r, err := u.store.Report(u.ctx, u.reportID)
	if err != nil {
		u.showError(err)
		return
	}
	u.saveFinal(export.Report{Meta: r.Meta, Markdown: r.Body, Exported: time.Now(), AppVersion: u.version}, workflow.FileStem(r.Title))
}

// docFormat is a format a document is exported in: PDF, or a word processor's.
type docFormat string

// The formats of the export dialogs.
const (
	formatPDF  docFormat = "pdf"
	formatDOCX           = docFormat(office.DOCX)
	formatODT            = docFormat(office.ODT)
)

// extension is the format's file name extension: ".pdf".
func (f docFormat) extension() string { return "." + string(f) }

// newFormatChoice offers PDF, Word and OpenDocument, PDF selected; pdf names the PDF.
func newFormatChoice(pdf string, changed func(docFormat)) *uikit.Choice[docFormat] {
	c := uikit.NewChoice(changed)
	c.SetOptions([]docFormat{formatPDF, formatDOCX, formatODT}, func(f docFormat) string {
		switch f {
		case formatDOCX:
			return lang.L("Word (.docx)")
		case formatODT:
			return lang.L("OpenDocument (.odt, LibreOffice)")
		}
		return pdf
	})
	c.Set(formatPDF)
	return c
}

// saveFinal asks in which format to write the final report, then where, then writes it.
func (s *services) saveFinal(r export.Report, name string) {
	choice := newFormatChoice(lang.L("PDF, with its Markdown beside it"), nil)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Format"), choice)}
	d := dialog.NewForm(lang.L("Export the final report"), lang.L("Choose the file…"), lang.L("Cancel"), items, func(ok bool) {
		if f, chosen := choice.Value(); ok && chosen {
			s.chooseFinalFile(r, name, f)
		}
	}, s.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// chooseFinalFile asks where to write the final report in format f, then writes it.
func (s *services) chooseFinalFile(r export.Report, name string, f docFormat) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			s.showError(err)
			return
		}
		s.writeFinalAs(wc, r, f, nil)
	}, s.win)
	d.SetFileName(name + f.extension())
	d.SetFilter(storage.NewExtensionFileFilter([]string{f.extension()}))
	d.Show()
}

// writeFinalAs writes the final report through wc in format f, in the background: a PDF with
// its Markdown beside it (writeFinal), or a Word or OpenDocument file alone.
func (s *services) writeFinalAs(wc fyne.URIWriteCloser, r export.Report, f docFormat, done func(error)) {
	if f == formatPDF {
		s.writeFinal(wc, r, done)
		return
	}
	wc = withExtension(wc, f.extension())
	s.background.Go(func() {
		err := writeThrough(wc, func(w io.Writer) error { return office.WriteReport(w, office.Format(f), r) })
		runOnUI(func() { s.finishSave(wc.URI(), err, done) })
	})
}

// writeFinal writes the PDF through wc, which the save dialog opened, and the Markdown with
// the same name beside it, in the background. A location that has no room beside the PDF (a
// portal's document) gets the PDF and an error saying the Markdown could not be written.
func (s *services) writeFinal(wc fyne.URIWriteCloser, r export.Report, done func(error)) {
	wc = withExtension(wc, ".pdf")
	s.background.Go(func() {
		err := writeThrough(wc, func(w io.Writer) error { return export.WriteReportPDF(w, r) })
		if err == nil {
			err = writeMarkdownBeside(wc.URI(), r)
		}
		runOnUI(func() { s.finishSave(wc.URI(), err, done) })
	})
}

// finishSave tells done, then the user, how writing a document to u went, on the UI thread.
func (s *services) finishSave(u fyne.URI, err error, done func(error)) {
	if done != nil {
		done(err)
	}
	if err != nil {
		s.showError(err)
		return
	}
	s.showSaved(u, lang.L("The document was saved to {{.Path}}", map[string]any{"Path": uriPath(u)}))
}

// writeMarkdownBeside writes r as Markdown in the folder of pdf, under its name.
func writeMarkdownBeside(pdf fyne.URI, r export.Report) error {
	md, err := sibling(pdf, withoutExtension(pdf)+".md")
	if err != nil {
		return markdownFailure{err}
	}
	wc, err := storage.Writer(md)
	if err == nil {
		err = writeThrough(wc, func(w io.Writer) error { return export.WriteReportMarkdown(w, r) })
	}
	if err != nil {
		return markdownFailure{err}
	}
	return nil
}

// markdownFailure is a final report's Markdown that could not be written beside its PDF.
type markdownFailure struct{ err error }

func (e markdownFailure) Error() string {
	return lang.L("The PDF is saved, but the Markdown could not be written beside it: {{.Reason}}", map[string]any{"Reason": ErrorText(e.err)})
}

func (e markdownFailure) Unwrap() error { return e.err }

// userFacing marks the text as written for the user.
func (markdownFailure) userFacing() {}
