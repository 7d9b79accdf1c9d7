package imports

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

var fuzzNames = []string{"cr.md", "cr.txt", "cr.markdown", "cr.docx"}

func FuzzRead(f *testing.F) {
	for i, tc := range readCases(f) {
		if len(tc.data) <= 1<<16 {
			f.Add(uint8(i), tc.data)
		}
	}
	f.Fuzz(func(t *testing.T, pick uint8, data []byte) {
		name := fuzzNames[int(pick)%len(fuzzNames)]
		got, err := Read(name, data)
		if err != nil {
			if CodeOf(err) == "" {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		if !utf8.ValidString(got.Body) || !utf8.ValidString(got.Title) {
			t.Fatal("invalid UTF-8 output")
		}
		if strings.TrimSpace(got.Body) == "" || strings.ContainsAny(got.Body, "\r\x00") {
			t.Fatalf("body not normalised: %q", got.Body)
		}
		if utf8.RuneCountInString(got.Body) > model.MaxBodyLen || utf8.RuneCountInString(got.Title) > model.MaxTitleLen {
			t.Fatal("output over limits")
		}
		if got.Encoding == "" {
			t.Fatal("no encoding named")
		}
	})
}
