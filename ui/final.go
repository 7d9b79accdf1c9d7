package ui

import (
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
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
	r := export.Report{Meta: c.source.Meta, Markdown: v.Text, Disclosure: c.disclosure(v), Exported: time.Now(), AppVersion: c.u.deps.Version}
	c.u.saveFinal(r, fileSlug(c.source.Title)+"-"+fileSlug(presetName(c.u.deps.Presets, v.PresetID)))
}

// onExportSource writes the report being edited as a final report.
func (u *UI) onExportSource() {
	if u.reportID == 0 {
		return
	}
	if err := u.ed.flush(); err != nil {
		u.showError(unsavedError{err})
		return
	}
	r, err := u.deps.Store.Report(u.ctx, u.reportID)
	if err != nil {
		u.showError(err)
		return
	}
	u.saveFinal(export.Report{Meta: r.Meta, Markdown: r.Body, Exported: time.Now(), AppVersion: u.deps.Version}, fileSlug(r.Title))
}

// saveFinal asks where to write the PDF, then writes it and the Markdown beside it.
func (u *UI) saveFinal(r export.Report, name string) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			u.showError(err)
			return
		}
		path := wc.URI().Path()
		_ = wc.Close()
		u.writeFinal(path, r, nil)
	}, u.win)
	d.SetFileName(name + ".pdf")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
}

// writeFinal writes the PDF at path and the Markdown with the same name, in the background.
func (u *UI) writeFinal(path string, r export.Report, done func(error)) {
	if !strings.EqualFold(filepath.Ext(path), ".pdf") {
		removeIfEmpty(path)
		path += ".pdf"
	}
	md := strings.TrimSuffix(path, filepath.Ext(path)) + ".md"
	go func() {
		err := export.SaveReportPDF(path, r)
		if err == nil {
			err = export.SaveReportMarkdown(md, r)
		}
		runOnUI(func() {
			if done != nil {
				done(err)
			}
			if err != nil {
				u.showError(err)
				return
			}
			u.cmp.showExported(path)
		})
	}()
}
