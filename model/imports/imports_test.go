package imports

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

const sampleFR = "# Atelier de concertation — place du marché\n\n" +
	"Réunion publique à l'école — coût : 45,5 %.\n" +
	"Mme Laurent et M. Diallo ont accueilli 38 participant.es à 10h00, p. ex. des commerçant.e.s.\n"

const sampleEN = "Public webinar on the Saint-Aubin-sur-Lys cycle lanes\n" +
	"====================================================\n\n" +
	"Attendance: 1,250 residents registered, 212 joined at 6:30 pm.\n"

func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

type readCase struct {
	name     string
	file     string
	data     []byte
	title    string
	body     string // expected body; empty means "do not check"
	encoding string
	code     Code
}

func readCases(t testing.TB) []readCase {
	utf16 := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	return []readCase{
		{name: "utf-8", file: "cr.md", data: []byte(sampleFR),
			title: "Atelier de concertation — place du marché", body: strings.TrimSpace(sampleFR), encoding: EncodingUTF8},
		{name: "utf-8 with bom", file: "cr.md", data: append([]byte{0xef, 0xbb, 0xbf}, sampleFR...),
			title: "Atelier de concertation — place du marché", body: strings.TrimSpace(sampleFR), encoding: EncodingUTF8},
		{name: "windows-1252", file: "reunion.txt", data: encode(t, charmap.Windows1252, "Réunion publique à l'école — coût : 45,5 % €"),
			title: "reunion", body: "Réunion publique à l'école — coût : 45,5 % €", encoding: EncodingWindows1252},
		{name: "latin-1", file: "compte_rendu-atelier.txt", data: encode(t, charmap.ISO8859_1, "Inscrit.e.s : 1 250 habitant·es, soirée du 12 mars."),
			title: "compte rendu atelier", body: "Inscrit.e.s : 1 250 habitant·es, soirée du 12 mars.", encoding: EncodingWindows1252},
		{name: "utf-16le with bom", file: "webinaire.md", data: encode(t, utf16, sampleEN),
			title: "Public webinar on the Saint-Aubin-sur-Lys cycle lanes", body: strings.TrimSpace(sampleEN), encoding: EncodingUTF16LE},
		{name: "utf-16be with bom", file: "webinaire.md", data: encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "# Bilan\r\nFin."),
			title: "Bilan", body: "# Bilan\nFin.", encoding: EncodingUTF16BE},
		{name: "crlf and lone cr", file: "notes.TXT", data: []byte("Ligne une\r\nLigne deux\rLigne trois\r\n"),
			title: "notes", body: "Ligne une\nLigne deux\nLigne trois", encoding: EncodingUTF8},
		{name: "nfd becomes nfc", file: "a.md", data: []byte("Re\u0301union"),
			title: "a", body: "Réunion", encoding: EncodingUTF8},
		{name: "heading in code fence ignored", file: "code-fence.markdown", data: []byte("```\n# pas un titre\n```\ntexte\n"),
			title: "code fence", encoding: EncodingUTF8},
		{name: "closing hashes", file: "x.md", data: []byte("## sous-titre\n#  Séance du 3 juin ##\n"),
			title: "Séance du 3 juin", encoding: EncodingUTF8},
		{name: "stray control removed", file: "x.md", data: []byte(strings.Repeat("Texte normal. ", 20) + "\x0c fin"),
			body: strings.Repeat("Texte normal. ", 20) + " fin", title: "x", encoding: EncodingUTF8},
		{name: "empty", file: "vide.md", data: nil, code: CodeEmpty},
		{name: "whitespace only", file: "vide.txt", data: []byte(" \r\n\t\u00a0\n"), code: CodeEmpty},
		{name: "bom only", file: "vide.txt", data: []byte{0xef, 0xbb, 0xbf}, code: CodeEmpty},
		{name: "nul bytes", file: "bin.txt", data: []byte("abc\x00\x00def"), code: CodeBinary},
		{name: "control characters", file: "bin.txt", data: []byte("a\x01b\x02c\x03d\x04"), code: CodeBinary},
		{name: "png signature", file: "image.md", data: []byte("\x89PNG\r\n\x1a\nIHDR"), code: CodeBinary},
		{name: "pdf signature", file: "doc.txt", data: []byte("%PDF-1.7\n"), code: CodeBinary},
		{name: "zip signature", file: "doc.md", data: []byte("PK\x03\x04rest"), code: CodeBinary},
		{name: "undefined 1252 byte", file: "bad.txt", data: []byte("caf\xe9 \x81 ok"), code: CodeEncoding},
		{name: "utf-8 with a stray 1252 byte", file: "mixte.txt", data: []byte("Réunion à l'école, café \xe9 fin"), code: CodeEncoding},
		{name: "1252 with a chance utf-8 pair", file: "rare.txt", data: []byte("\xc3\xa9 caf\xe9"), title: "rare", body: "Ã© café", encoding: EncodingWindows1252},
		{name: "odd utf-16", file: "bad.txt", data: []byte{0xff, 0xfe, 'a', 0, 'b'}, code: CodeEncoding},
		{name: "unpaired surrogate", file: "bad.txt", data: []byte{0xff, 0xfe, 'a', 0, 0x00, 0xd8, 'b', 0}, code: CodeEncoding},
		{name: "too large", file: "big.txt", data: make([]byte, MaxFileSize+1), code: CodeTooLarge},
		{name: "too many characters", file: "big.txt", data: []byte(strings.Repeat("mot ", 600_000)), code: CodeTooLarge},
		{name: "wrong extension", file: "cr.pdf", data: []byte("texte"), code: CodeUnsupported},
		{name: "no extension", file: "README", data: []byte("texte"), code: CodeUnsupported},
		{name: "truncated docx", file: "cr.docx", data: []byte("PK\x03\x04"), code: CodeCorrupt},
		{name: "truncated odt", file: "cr.ODT", data: []byte("PK\x03\x04"), code: CodeCorrupt},
	}
}

func TestRead(t *testing.T) {
	for _, tc := range readCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(tc.file, tc.data)
			checkResult(t, tc, got, err)
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range readCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			if err := os.WriteFile(path, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			got, err := ReadFile(path)
			checkResult(t, tc, got, err)
		})
	}
}

func checkResult(t *testing.T, tc readCase, got Imported, err error) {
	t.Helper()
	if tc.code != "" {
		if CodeOf(err) != tc.code {
			t.Fatalf("error %v (code %q), want code %q", err, CodeOf(err), tc.code)
		}
		return
	}
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	if got.Title != tc.title {
		t.Errorf("title %q, want %q", got.Title, tc.title)
	}
	if tc.body != "" && got.Body != tc.body {
		t.Errorf("body %q, want %q", got.Body, tc.body)
	}
	if got.Encoding != tc.encoding {
		t.Errorf("encoding %q, want %q", got.Encoding, tc.encoding)
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	sparse := filepath.Join(dir, "enorme.txt")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil { // 1 GiB, sparse: Stat must refuse it unread
		t.Fatal(err)
	}
	f.Close()
	if err := os.Mkdir(filepath.Join(dir, "dossier.md"), 0o700); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		code Code
	}{
		{"missing", filepath.Join(dir, "absent.md"), CodeNotFound},
		{"sparse huge file", sparse, CodeTooLarge},
		{"directory", filepath.Join(dir, "dossier.md"), CodeUnreadable},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadFile(tc.path)
			if CodeOf(err) != tc.code {
				t.Fatalf("error %v, want code %q", err, tc.code)
			}
		})
	}
	t.Run("missing wraps fs.ErrNotExist", func(t *testing.T) {
		_, err := ReadFile(filepath.Join(dir, "absent.md"))
		if !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("error %v does not wrap fs.ErrNotExist", err)
		}
	})
	// Permissions do not stop root, and CI runs as root: a link that points to itself cannot
	// be opened by anyone.
	t.Run("unreadable link loop", func(t *testing.T) {
		p := filepath.Join(dir, "boucle.md")
		if err := os.Symlink("boucle.md", p); err != nil {
			t.Fatal(err)
		}
		_, err := ReadFile(p)
		if CodeOf(err) != CodeUnreadable || errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("error %v, want code %q", err, CodeUnreadable)
		}
	})
	// A file that opens but whose reading fails: /proc/self/mem is a regular file of size 0
	// whose first page is never mapped, so reading it is an I/O error, for root too.
	t.Run("read error", func(t *testing.T) {
		if runtime.GOOS != "linux" {
			t.Skip("/proc/self/mem is Linux's")
		}
		p := filepath.Join(dir, "memoire.md")
		if err := os.Symlink("/proc/self/mem", p); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadFile(p); CodeOf(err) != CodeUnreadable {
			t.Fatalf("error %v, want code %q", err, CodeUnreadable)
		}
	})
}

func TestErrorMessage(t *testing.T) {
	err := error(&Error{Code: CodeTooLarge, Name: "a.md", Limit: 10, Err: fs.ErrPermission})
	for _, want := range []string{"a.md", "too-large", "10", "permission"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err.Error(), want)
		}
	}
	if CodeOf(errors.New("other")) != "" {
		t.Error("CodeOf of a foreign error is not empty")
	}
	if len(Extensions()) != 5 {
		t.Error("Extensions changed")
	}
}

func BenchmarkRead(b *testing.B) {
	text := strings.Repeat("Réunion publique à l'école — coût : 45,5 % ; Mme Laurent répond.\n", 1<<20/64)
	data := encode(b, charmap.Windows1252, text)[:1<<20]
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("reunion.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}
