package imports

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strings"
)

// Limits on the ZIP archives behind .docx and .odt files. The archive itself is bounded by
// MaxFileSize, checked before it is read.
const (
	// maxEntries is the most entries an archive may list. A long report with images holds a
	// few dozen; thousands mean a crafted file.
	maxEntries = 2000
	// maxPartSize is the most bytes one document part (word/document.xml, content.xml…) may
	// decompress to: 50 MiB, ten times the archive limit, far above the XML of any report
	// and low enough to refuse a zip bomb before it fills memory.
	maxPartSize = 50 << 20
)

// oleSignature starts an OLE compound file: a legacy .doc, or a password-protected .docx,
// which Word stores encrypted inside an OLE container.
var oleSignature = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

// oleEncryptionInfo is the UTF-16LE name of the stream an encrypted Office file holds.
var oleEncryptionInfo = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")

// documentReader returns the reader for a document format (.docx, .odt), or nil for a text
// format.
func documentReader(name string) func(name string, data []byte) (Imported, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".docx":
		return readDocx
	case ".odt":
		return readOdt
	}
	return nil
}

// openArchive opens data as a ZIP archive, refusing encrypted containers, damaged archives and
// archives with too many entries.
func openArchive(name string, data []byte) (*zip.Reader, error) {
	if bytes.HasPrefix(data, oleSignature) {
		if bytes.Contains(data, oleEncryptionInfo) {
			return nil, fail(name, CodeEncrypted, nil)
		}
		return nil, fail(name, CodeUnsupported, errors.New("legacy OLE document, not a ZIP archive"))
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		// Nothing is written to disk, so an insecure path is harmless and is let through.
		return nil, fail(name, CodeCorrupt, err)
	}
	if len(zr.File) > maxEntries {
		return nil, &Error{Code: CodeTooComplex, Name: name, Limit: maxEntries, Unit: UnitEntries}
	}
	return zr, nil
}

// findPart returns the archive entry called part, or nil.
func findPart(zr *zip.Reader, part string) *zip.File {
	for _, f := range zr.File {
		if f.Name == part {
			return f
		}
	}
	return nil
}

// readPart reads the archive entry called part, at most maxPartSize bytes once decompressed.
// A missing part is CodeCorrupt when required, else (nil, nil).
func readPart(name string, zr *zip.Reader, part string, required bool) ([]byte, error) {
	f := findPart(zr, part)
	if f == nil {
		if required {
			return nil, fail(name, CodeCorrupt, errors.New("missing part "+part))
		}
		return nil, nil
	}
	if f.Flags&0x1 != 0 { // ZIP-level encryption
		return nil, fail(name, CodeEncrypted, nil)
	}
	if f.UncompressedSize64 > maxPartSize {
		return nil, &Error{Code: CodeTooComplex, Name: name, Limit: maxPartSize, Unit: UnitBytes}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fail(name, CodeCorrupt, err)
	}
	defer rc.Close()
	// The declared size may lie: read one byte more than allowed to notice.
	data, err := io.ReadAll(io.LimitReader(rc, maxPartSize+1))
	if err != nil {
		return nil, fail(name, CodeCorrupt, err)
	}
	if len(data) > maxPartSize {
		return nil, &Error{Code: CodeTooComplex, Name: name, Limit: maxPartSize, Unit: UnitBytes}
	}
	return data, nil
}
