// Package export writes Rapporteur's documents for publication, from the domain types only,
// never from the user interface:
//
//   - the comparison PDF (WriteComparisonPDF): the source beside its variants on one shared
//     line grid, with highlight spans carried from the analysis onto the drawn lines (facts a
//     variant introduced, sentences the source does not support, words absent from the
//     source) and the facts each variant lost; a cover with the session's metadata and the
//     AI-use disclosure; optionally a summary of the measures, a review page (votes,
//     critiques, review marks) and an appendix of how each variant was generated;
//   - the final report, one text alone, as PDF (WriteReportPDF) or Markdown
//     (WriteReportMarkdown);
//   - the versioned JSON run archive, written and read back, older versions included
//     (WriteArchive, ReadArchive).
//
// The PDFs embed their UTF-8 fonts (codeberg.org/go-pdf/fpdf) and are rewritten to pass
// pdfcpu's strict validation (conform.go). Personal data can be masked, by whole words and on
// a best-effort basis, except the terms the user chose to show (MaskedTerms,
// ComparisonOptions.Unmasked). Files are written atomically (SaveFile).
package export
