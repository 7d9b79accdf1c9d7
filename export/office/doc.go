// Package office writes Rapporteur's documents for word processors: the final report and the
// comparison as Word (.docx, Office Open XML) and OpenDocument text (.odt, LibreOffice Writer),
// both written with the standard library (archive/zip and text XML).
//
// The Markdown is read once with goldmark into a small tree of blocks (tree.go, markdown.go)
// that both formats write with their word processor's own structure: headings in the heading
// styles (so that the navigator, the outline and a table of contents work), bulleted and
// numbered lists as real lists, nested, tables with a header row repeated on each page,
// quotes, code, links as hyperlinks (only http, https and mailto, as in the PDF), the title
// block, the language of the text for spell checking, the AI-use disclosure and the page
// number in the footer of every page, and the document's properties (title, subject,
// keywords, language, « Rapporteur x.y.z » as creator).
//
// What the texts and labels say comes from package export (export.OutlineReport,
// export.OutlineComparison), so the three formats agree.
package office
