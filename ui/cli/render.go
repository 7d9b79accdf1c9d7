package cli

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// runRender renders a report (the source, or a variant saved as Markdown) as a final-report PDF
// and, on request, as a Markdown file with its metadata.
func runRender(e *env, args []string) int {
	fs := newFlags(e, "render")
	pdf := fs.String("pdf", "", lang.L("write the report as PDF to this file"))
	md := fs.String("md", "", lang.L("write the report as Markdown, with its metadata, to this file"))
	disclosure := fs.String("disclosure", "", lang.L("the AI-use line printed in every footer"))
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 || (*pdf == "" && *md == "") {
		fmt.Fprintln(e.stderr, lang.L("Usage: rapporteur render FILE.md --pdf OUT.pdf [--md OUT.md] [--disclosure TEXT]"))
		return exitUsage
	}
	read, err := i18n.ReadReport(files[0])
	if err != nil {
		fmt.Fprintln(e.stderr, errorText(err))
		return exitFailed
	}
	if status := checkOutputs(e, output{"--pdf", *pdf}, output{"--md", *md}); status != exitOK {
		return status
	}
	meta := read.Meta
	meta.Kind = model.KindOther // nobody said what kind of session it was
	r := export.Report{
		Meta: meta, Markdown: read.Body, Disclosure: *disclosure, Exported: time.Now(), AppVersion: e.version,
	}
	status := exitOK
	if *pdf != "" && !saved(e, *pdf, export.SaveReportPDF(*pdf, r)) {
		status = exitFailed
	}
	if *md != "" && !saved(e, *md, export.SaveReportMarkdown(*md, r)) {
		status = exitFailed
	}
	return status
}
