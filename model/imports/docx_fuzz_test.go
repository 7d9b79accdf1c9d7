package imports

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

// maxFuzzSeed bounds the seeds taken from the unit cases, leaving out the zip bombs and the
// archive of thousands of entries.
const maxFuzzSeed = 1 << 15

// checkDocument fails t when Read's result on a document breaks its contract: an error
// without a code, or output that is not valid, normalised UTF-8 within the model's limits.
func checkDocument(t *testing.T, got Imported, err error, enc string) {
	t.Helper()
	if err != nil {
		if CodeOf(err) == "" {
			t.Fatalf("unclassified error %v", err)
		}
		return
	}
	if !utf8.ValidString(got.Body) || !utf8.ValidString(got.Title) {
		t.Fatal("invalid UTF-8 output")
	}
	if strings.TrimSpace(got.Body) == "" || strings.ContainsAny(got.Body, "\r\x00") || got.Title == "" {
		t.Fatalf("body not normalised or no title: %q", got.Body)
	}
	if utf8.RuneCountInString(got.Body) > model.MaxBodyLen || utf8.RuneCountInString(got.Title) > model.MaxTitleLen {
		t.Fatal("output over limits")
	}
	if got.Encoding != enc {
		t.Fatalf("encoding %q", got.Encoding)
	}
}

// storedZipOf builds a ZIP archive without compression, faster to build for each fuzz input.
func storedZipOf(t testing.TB, parts ...part) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzDocx reads fuzzed .docx files: whole archives when raw, else a fuzzed
// word/document.xml put in a valid archive, so that the XML is fuzzed past the ZIP checksums.
func FuzzDocx(f *testing.F) {
	f.Add(false, []byte(docxHead+sampleDocxBody+docxTail))
	f.Add(true, docxOf(f, sampleDocxBody, docxNumbering))
	f.Add(false, []byte(docxHead+nested(maxDepth)+docxTail))
	f.Add(true, storedZipOf(f, part{"word/document.xml", docxHead + sampleDocxBody + docxTail}))
	f.Add(false, []byte(docxHead+wp("Quote", whl("rId7", wr("b", "plan")), wfield(`HYPERLINK "https://lyse.example.fr"`, wr("", "site")))+
		wli("3", "1", "point")+docxTail))
	for _, tc := range archiveErrorCases(f) {
		if len(tc.data) <= maxFuzzSeed && strings.HasSuffix(tc.file, ".docx") {
			f.Add(true, tc.data)
		}
	}
	f.Fuzz(func(t *testing.T, raw bool, data []byte) {
		if !raw {
			data = storedZipOf(t, part{"word/document.xml", string(data)}, part{"word/numbering.xml", numberingStarting},
				part{"word/_rels/document.xml.rels", sampleRels})
		}
		got, err := Read("cr.docx", data)
		checkDocument(t, got, err, EncodingDocx)
	})
}

// FuzzOdt reads fuzzed .odt files, like FuzzDocx with content.xml.
func FuzzOdt(f *testing.F) {
	f.Add(false, []byte(odtHead+sampleOdtBody+odtTail))
	f.Add(true, odtOf(f, sampleOdtBody))
	f.Add(true, storedZipOf(f, part{"content.xml", odtHead + sampleOdtBody + odtTail}))
	f.Add(false, []byte(odtHead+`<text:list text:style-name="L2"><text:list-item text:start-value="4"><text:p text:style-name="Quotations">`+
		`<text:a xlink:href="https://lyse.example.fr">site <text:span text:style-name="Source_20_Text">code</text:span></text:a></text:p></text:list-item></text:list>`+odtTail))
	for _, tc := range archiveErrorCases(f) {
		if len(tc.data) <= maxFuzzSeed && strings.HasSuffix(tc.file, ".odt") {
			f.Add(true, tc.data)
		}
	}
	f.Fuzz(func(t *testing.T, raw bool, data []byte) {
		if !raw {
			data = storedZipOf(t, part{"META-INF/manifest.xml", odtManifestPlain}, part{"content.xml", string(data)})
		}
		got, err := Read("cr.odt", data)
		checkDocument(t, got, err, EncodingOdt)
	})
}
