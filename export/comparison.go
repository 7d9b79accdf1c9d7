package export

import (
	"bytes"
	"codeberg.org/go-pdf/fpdf"
	"fmt"
	"io"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// Comparison is everything a comparison document shows.
type Comparison struct {
	// Source is the exact revision the variants were made from.
	Source model.Revision
	// Variants are shown in this order; the list may be empty. A failed or cancelled
	// variant's partial text is shown with a clear mark and its Error.
	Variants []model.Variant
	// Presets name each variant's preset; a variant whose preset is missing shows its id.
	Presets []model.Preset
	// Language is the language of the document's own labels (French or English).
	Language model.Language
	// Exported is the moment of export shown on the cover.
	Exported time.Time
	// AppVersion is Rapporteur's version, recorded as the PDF's creator ("0.1.0").
	AppVersion string

	// The fields below are optional: their zero values leave them out of the document.

	// SourceAnalysis is the source's analysis (analysis.AnalyzeSource or RunAnalysis.Source).
	SourceAnalysis *analysis.SourceAnalysis
	// VariantAnalyses are the variants' analyses against the source, by variant ID (with
	// AnalyzeRun, the i-th analysis belongs to the i-th variant passed to it). When the
	// document has a summary page and a variant with text has no analysis, it is measured
	// here.
	VariantAnalyses map[int64]analysis.VariantAnalysis
	// Energy is each variant's energy, by variant ID.
	Energy map[int64]analysis.Energy
	// Models describe each variant's model, by variant ID, as the caller formats it
	// ("mistral:7b · 7.2B · Q4_K_M"); the cover and the disclosure show it instead of the
	// bare model name.
	Models map[int64]string
	// Votes are the blind votes on the run's variants.
	Votes []model.Vote
	// Critiques are the models' critiques of each variant, by variant ID.
	Critiques map[int64][]model.Critique
	// Reviews are the « relu par » marks, by variant ID.
	Reviews map[int64]model.ReviewMark
	// Prompts are the exact messages sent to the model for each variant, by variant ID.
	Prompts map[int64][]Prompt
	// Options choose what the document shows.
	Options ComparisonOptions
}

// Prompt is one message sent to a model: its role ("system", "user") and its content. The
// comparison's appendix shows it and the run archive keeps it.
type Prompt struct {
	// Role is "system" or "user".
	Role string `json:"role"`
	// Content is the message's exact text.
	Content string `json:"content"`
}

// ComparisonOptions are the user's choices for a comparison document.
type ComparisonOptions struct {
	// MaskPersonal replaces e-mail addresses, phone numbers and names of private persons
	// (analysis.PersonalData) by « [masqué] » or "[masked]" everywhere in the document,
	// its metadata included. Persons named in a public role and services' contacts are not
	// masked (analysis.Personal.Public).
	MaskPersonal bool
	// Unmasked are terms of MaskedTerms that the user chose to show all the same.
	Unmasked []string
	// SourceFacts prints only the source's facts in the appendix instead of its full text.
	SourceFacts bool
	// DiffColours colours the words of each variant that the source does not contain in that
	// context (analysis.VariantAnalysis.Absent: the same words the screen marks).
	DiffColours bool
}

// extended reports whether c carries any of the optional material that adds the summary
// page, the review page and the appendix.
func (c Comparison) extended() bool {
	return c.SourceAnalysis != nil || len(c.VariantAnalyses) > 0 || len(c.Energy) > 0 ||
		len(c.Votes) > 0 || len(c.Critiques) > 0 || len(c.Reviews) > 0 || len(c.Prompts) > 0 ||
		c.Options.MaskPersonal || c.Options.SourceFacts || c.Options.DiffColours
}

// WriteComparisonPDF writes c to w as an A4 landscape PDF: a cover with the session's
// metadata and the list of variants, then the source and up to three variants per set of
// pages in side-by-side columns whose lines are aligned. It never panics: an error of the
// PDF library, or a panic inside it, is returned as an error.
func WriteComparisonPDF(w io.Writer, c Comparison) error {
	fs, err := fonts()
	if err != nil {
		return err
	}
	return writeComparison(w, c, fs)
}

// writeComparison builds and writes the document with the fonts fs, turning a panic into
// an error.
func writeComparison(w io.Writer, c Comparison, fs *fontSet) error {
	return outputPDF(w, func() *fpdf.Fpdf {
		d := newDocument(c, fs)
		d.build()
		return d.pdf
	})
}

// outputPDF builds a document with build and writes it to w. It never panics: an error of the
// PDF library, or a panic inside it, is returned as an error.
func outputPDF(w io.Writer, build func() *fpdf.Fpdf) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("export: pdf generation failed: %v", r)
		}
	}()
	pdf := build()
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("export: write pdf: %w", err)
	}
	if err := conformPDF(buf.Bytes(), w); err != nil {
		return fmt.Errorf("export: write pdf: %w", err)
	}
	return nil
}

// SaveComparisonPDF writes c as a PDF file at path. It writes to a temporary file in the
// same directory and renames it over path once complete, so path never holds a
// half-written document.
func SaveComparisonPDF(path string, c Comparison) error {
	return SaveFile(path, func(w io.Writer) error { return WriteComparisonPDF(w, c) })
}
