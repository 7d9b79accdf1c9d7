package imports

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// signatures are the first bytes of binary formats a user may pick by mistake.
var signatures = [][]byte{
	[]byte("%PDF-"),                    // PDF
	[]byte("PK\x03\x04"),               // ZIP, and so .docx, .odt, .epub renamed
	[]byte("\x89PNG\r\n\x1a\n"),        // PNG
	[]byte("GIF87a"), []byte("GIF89a"), // GIF
	[]byte("\xff\xd8\xff"),                     // JPEG
	[]byte("\x7fELF"),                          // Linux executable
	[]byte("\x1f\x8b"),                         // gzip
	[]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), // OLE: .doc, .xls
	[]byte("{\\rtf"),                           // RTF, text but not readable as such
	[]byte("SQLite format 3\x00"),              // SQLite
}

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// undefined1252 are the bytes Windows-1252 leaves undefined: text holding them is not 1252.
var undefined1252 = []byte{0x81, 0x8d, 0x8f, 0x90, 0x9d}

var errOddUTF16 = errors.New("UTF-16 text with an odd number of bytes")

// decode turns data into a UTF-8 string and names the encoding it came from.
func decode(name string, data []byte) (string, string, error) {
	if isSignature(data) {
		return "", "", fail(name, CodeBinary, nil)
	}
	switch {
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeUTF16(name, data, unicode.LittleEndian, EncodingUTF16LE)
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeUTF16(name, data, unicode.BigEndian, EncodingUTF16BE)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", fail(name, CodeBinary, nil)
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	if utf8.Valid(data) {
		return string(data), EncodingUTF8, nil
	}
	if hasUndefined1252(data) || utf8Sequences(data) >= maxStrayUTF8 {
		return "", "", fail(name, CodeEncoding, nil)
	}
	return decodeWith(name, charmap.Windows1252, data, EncodingWindows1252)
}

func decodeUTF16(name string, data []byte, order unicode.Endianness, label string) (string, string, error) {
	if len(data)%2 != 0 {
		return "", "", fail(name, CodeEncoding, errOddUTF16)
	}
	text, _, err := decodeWith(name, unicode.UTF16(order, unicode.ExpectBOM), data, label)
	if err != nil {
		return "", "", err
	}
	// x/text replaces an unpaired surrogate with U+FFFD: more of them out than in means the
	// file was not valid UTF-16.
	if countReplacement(text) > countFFFD(data, order) {
		return "", "", fail(name, CodeEncoding, nil)
	}
	return text, label, nil
}

func decodeWith(name string, enc encoding.Encoding, data []byte, label string) (string, string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fail(name, CodeEncoding, err)
	}
	return string(out), label, nil
}

func countReplacement(s string) int {
	n := 0
	for _, r := range s {
		if r == utf8.RuneError {
			n++
		}
	}
	return n
}

// countFFFD counts the U+FFFD code units in UTF-16 data.
func countFFFD(data []byte, order unicode.Endianness) int {
	hi, lo := 0, 1
	if order == unicode.LittleEndian {
		hi, lo = 1, 0
	}
	n := 0
	for i := 0; i+1 < len(data); i += 2 {
		if data[i+hi] == 0xff && data[i+lo] == 0xfd {
			n++
		}
	}
	return n
}

// maxStrayUTF8 is how many multi-byte UTF-8 sequences a text that is not valid UTF-8 may hold
// and still be read as Windows-1252. French in 1252 almost never forms one ("Ã©" would); a
// text with several is UTF-8 with a few damaged bytes, and decoding it as 1252 would turn
// every accent into garbage ("rÃ©union").
const maxStrayUTF8 = 3

// utf8Sequences counts the valid multi-byte UTF-8 sequences in data.
func utf8Sequences(data []byte) int {
	n := 0
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r != utf8.RuneError && size > 1 {
			n++
		}
		data = data[size:]
	}
	return n
}

func hasUndefined1252(data []byte) bool {
	for _, b := range undefined1252 {
		if bytes.IndexByte(data, b) >= 0 {
			return true
		}
	}
	return false
}

func isSignature(data []byte) bool {
	for _, sig := range signatures {
		if bytes.HasPrefix(data, sig) {
			return true
		}
	}
	return false
}
