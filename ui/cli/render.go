package cli

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/export/office"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// runRender renders a report (the source, or a variant saved as Markdown) as a final report, in
// each format asked: PDF, Markdown with its metadata, Word (.docx), OpenDocument (.odt).
func runRender(e *env, args []string) int {
	fs := newFlags(e, "render")
	pdf := fs.String("pdf", "", lang.L("write the report as PDF to this file"))
	md := fs.String("md", "", lang.L("write the report as Markdown, with its metadata, to this file"))
	docx := fs.String("docx", "", lang.L("write the report as a Word document (.docx) to this file"))
	odt := fs.String("odt", "", lang.L("write the report as an OpenDocument text (.odt, LibreOffice) to this file"))
	disclosure := fs.String("disclosure", "", lang.L("the AI-use line printed in every footer"))
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 || *pdf+*md+*docx+*odt == "" {
		fmt.Fprintln(e.stderr, lang.L("Usage: rapporteur render FILE.md [--pdf OUT.pdf] [--md OUT.md] [--docx OUT.docx] [--odt OUT.odt] [--disclosure TEXT]"))
		return exitUsage
	}
	read, err := i18n.ReadReport(files[0])
	if err != nil {
		fmt.Fprintln(e.stderr, errorText(err))
		return exitFailed
	}
	if status := checkOutputs(e, output{"--pdf", *pdf}, output{"--md", *md}, output{"--docx", *docx}, output{"--odt", *odt}); status != exitOK {
		return status
	}
	meta := read.Meta
	meta.Kind = model.KindOther // nobody said what kind of session it was
	r := export.Report{
		Meta: meta, Markdown: read.Body, Disclosure: *disclosure, Exported: time.Now(), AppVersion: e.version,
	}
	status := exitOK
	for _, out := range []struct {
		path string
		save func(string, export.Report) error
	}{
		{*pdf, export.SaveReportPDF},
		{*md, export.SaveReportMarkdown},
		{*docx, func(p string, r export.Report) error { return office.SaveReport(p, office.DOCX, r) }},
		{*odt, func(p string, r export.Report) error { return office.SaveReport(p, office.ODT, r) }},
	} {
		if out.path != "" && !saved(e, out.path, out.save(out.path, r)) {
			status = exitFailed
		}
	}
	return status
}
