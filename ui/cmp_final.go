package ui

import (
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/workflow"
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

// onExportFinal writes a variant alone as a final report: a portrait PDF and its Markdown.
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

// saveFinal asks where to write the PDF, then writes it and the Markdown beside it.
func (s *services) saveFinal(r export.Report, name string) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			s.showError(err)
			return
		}
		s.writeFinal(wc, r, nil)
	}, s.win)
	d.SetFileName(name + ".pdf")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
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
		runOnUI(func() {
			if done != nil {
				done(err)
			}
			if err != nil {
				s.showError(err)
				return
			}
			s.showExported(wc.URI())
		})
	})
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
