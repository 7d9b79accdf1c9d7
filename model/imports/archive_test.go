package imports

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// bigPart builds an archive whose entry name decompresses to size bytes of one letter: a
// zip bomb of a few kilobytes.
func bigPart(t testing.TB, name string, size int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for n := 0; n < size; n += len(chunk) {
		if _, err := w.Write(chunk[:min(len(chunk), size-n)]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// lyingPart builds an archive whose entry declares 10 bytes but holds a megabyte.
func lyingPart(t testing.TB, name string) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	fw.Write(bytes.Repeat([]byte("<a>"), 1<<20))
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate,
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: 10})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
}

// zipEncrypted builds an archive whose entry has the ZIP encryption flag.
func zipEncrypted(t testing.TB, name string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, Flags: 0x1})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("chiffré"))
	zw.Close()
	return buf.Bytes()
}

// manyEntries builds an archive of n empty entries and a valid document.
func manyEntries(t testing.TB, n int) []byte {
	parts := []part{{"word/document.xml", docxHead + wp("", wr("", "Texte")) + docxTail}}
	for i := range n {
		parts = append(parts, part{"media/image" + strconv.Itoa(i) + ".png", ""})
	}
	return zipOf(t, parts...)
}

// nested wraps a paragraph in depth levels of content controls.
func nested(depth int) string {
	return strings.Repeat("<w:sdt><w:sdtContent>", depth/2) + wp("", wr("", "Profond")) +
		strings.Repeat("</w:sdtContent></w:sdt>", depth/2)
}

func oleFile(streams string) []byte {
	return append(append([]byte{}, oleSignature...), append(make([]byte, 504), streams...)...)
}

const odtEncryptedManifest = `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="1024">
<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">
<manifest:algorithm manifest:algorithm-name="Blowfish CFB"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>`

type errorCase struct {
	name, file string
	data       []byte
	code       Code
}

func archiveErrorCases(t testing.TB) []errorCase {
	valid := docxOf(t, sampleDocxBody, docxNumbering)
	utf16 := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			b.WriteString(string(r) + "\x00")
		}
		return b.String()
	}
	return []errorCase{
		{"truncated docx", "cr.docx", valid[:len(valid)/2], CodeCorrupt},
		{"truncated odt", "cr.odt", odtOf(t, sampleOdtBody)[:300], CodeCorrupt},
		{"docx not xml", "cr.docx", zipOf(t, part{"word/document.xml", "ceci n'est pas du XML <w:p"}), CodeCorrupt},
		{"odt not xml", "cr.odt", zipOf(t, part{"content.xml", "<office:text>&inconnue;</office:text>"}), CodeCorrupt},
		{"numbering not xml", "cr.docx", zipOf(t, part{"word/document.xml", docxHead + docxTail}, part{"word/numbering.xml", "<"}), CodeCorrupt},
		{"docx missing part", "cr.docx", zipOf(t, part{"[Content_Types].xml", "<Types/>"}), CodeCorrupt},
		{"odt missing part", "cr.odt", zipOf(t, part{"mimetype", "application/vnd.oasis.opendocument.text"}), CodeCorrupt},
		{"odt in a docx", "cr.docx", odtOf(t, sampleOdtBody), CodeCorrupt},
		{"utf-16 xml", "cr.docx", zipOf(t, part{"word/document.xml", `<?xml version="1.0" encoding="UTF-16"?><a/>`}), CodeCorrupt},
		{"encrypted docx", "cr.docx", oleFile(utf16("EncryptionInfo") + utf16("EncryptedPackage")), CodeEncrypted},
		{"legacy doc named docx", "cr.docx", oleFile(utf16("WordDocument")), CodeUnsupported},
		{"encrypted odt", "cr.odt", zipOf(t, part{"META-INF/manifest.xml", odtEncryptedManifest}, part{"content.xml", "\x8f\x12binaire"}), CodeEncrypted},
		{"zip-encrypted entry", "cr.docx", zipEncrypted(t, "word/document.xml"), CodeEncrypted},
		{"lying size", "cr.docx", lyingPart(t, "word/document.xml"), CodeCorrupt},
		{"too deep docx", "cr.docx", docxOf(t, nested(maxDepth), ""), CodeTooComplex},
		{"too deep odt", "cr.odt", odtOf(t, strings.Repeat("<text:span>", maxDepth)+"x"+strings.Repeat("</text:span>", maxDepth)), CodeTooComplex},
		{"empty docx", "cr.docx", docxOf(t, wp("", wr("", "  ")), ""), CodeEmpty},
		{"empty odt", "cr.odt", odtOf(t, ""), CodeEmpty},
	}
}

// bigErrorCases are the error cases too large or too slow to build for fuzz seeds.
func bigErrorCases(t testing.TB) []errorCase {
	return []errorCase{
		{"zip bomb docx", "cr.docx", bigPart(t, "word/document.xml", maxPartSize+1), CodeTooComplex},
		{"zip bomb odt", "cr.odt", bigPart(t, "content.xml", maxPartSize+1), CodeTooComplex},
		{"too many entries", "cr.docx", manyEntries(t, maxEntries), CodeTooComplex},
		{"over the size limit", "cr.docx", make([]byte, MaxFileSize+1), CodeTooLarge},
		{"text over the body limit", "cr.odt", odtOf(t, "<text:p>"+strings.Repeat(`<text:s text:c="1000"/>`, maxOutput/1000+1)+"x</text:p>"), CodeTooLarge},
	}
}

func TestReadDocumentErrors(t *testing.T) {
	for _, tc := range append(archiveErrorCases(t), bigErrorCases(t)...) {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(tc.file, tc.data)
			if CodeOf(err) != tc.code {
				t.Fatalf("error %v, want code %q", err, tc.code)
			}
		})
	}
}

func TestReadDocumentLimitsAccepted(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"entries at the limit", manyEntries(t, maxEntries-1)},
		{"nesting within the limit", docxOf(t, nested(maxDepth-12), "")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read("cr.docx", tc.data)
			if err != nil || got.Body == "" {
				t.Fatalf("got %q, %v", got.Body, err)
			}
		})
	}
}

func TestReadFileDocuments(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"Compte rendu.DOCX": docxOf(t, sampleDocxBody, docxNumbering),
		"compte_rendu.odt":  odtOf(t, sampleOdtBody),
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(p)
		if err != nil || got.Body != sampleMarkdown {
			t.Errorf("%s: %q, %v", name, got.Body, err)
		}
	}
}
