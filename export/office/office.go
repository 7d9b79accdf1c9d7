package office

import (
	"fmt"
	"io"

	"github.com/rapporteur/rapporteur/export"
)

// Format is a word processor's file format.
type Format string

// The formats written.
const (
	// DOCX is Word's format, Office Open XML.
	DOCX Format = "docx"
	// ODT is LibreOffice Writer's format, OpenDocument text.
	ODT Format = "odt"
)

// Extension is the format's file name extension, with its dot: ".docx".
func (f Format) Extension() string { return "." + string(f) }

// writers write a laid-out document in each format.
var writers = map[Format]func(io.Writer, *document) error{DOCX: writeDOCX, ODT: writeODT}

// WriteReport writes r to w in format f: the title, the session's metadata and the text with
// its headings, lists, tables, quotes and links as the word processor's own, the disclosure
// and the page number in every footer. It never panics.
func WriteReport(w io.Writer, f Format, r export.Report) error {
	return write(w, f, func() *document { return reportDocument(r) })
}

// WriteComparison writes c to w in format f, in landscape: the cover (metadata, the table of
// variants, the AI-use disclosure), the summary of the measures when c has analyses, then the
// source and each variant in full; the notice about AI-generated text and the page number in
// every footer. Personal data are masked when c.Options.MaskPersonal is set. It never panics.
func WriteComparison(w io.Writer, f Format, c export.Comparison) error {
	return write(w, f, func() *document { return comparisonDocument(c) })
}

// write lays a document out and writes it in format f, a panic turned into an error.
func write(w io.Writer, f Format, layout func() *document) (err error) {
	wr, ok := writers[f]
	if !ok {
		return fmt.Errorf("office: unknown format %q", f)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("office: write %s failed: %v", f, r)
		}
	}()
	return wr(w, layout())
}

// SaveReport writes r in format f at path, through a temporary file in the same directory
// renamed over path once complete.
func SaveReport(path string, f Format, r export.Report) error {
	return export.SaveFile(path, func(w io.Writer) error { return WriteReport(w, f, r) })
}

// SaveComparison writes c in format f at path, through a temporary file renamed over path.
func SaveComparison(path string, f Format, c export.Comparison) error {
	return export.SaveFile(path, func(w io.Writer) error { return WriteComparison(w, f, c) })
}
