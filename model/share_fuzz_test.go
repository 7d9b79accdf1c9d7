package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// parseShareWhole is ParseShare as it was, decoding the whole file at once: the reference the
// bounded reader must agree with on every file within the limits.
func parseShareWhole(data []byte) (Share, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var ts []Template
		if err := json.Unmarshal(trimmed, &ts); err != nil {
			return Share{}, fmt.Errorf("%w: %v", ErrShareFile, err)
		}
		s := Share{Templates: ts}
		return s, s.check()
	}
	var f shareFile
	if err := json.Unmarshal(trimmed, &f); err != nil {
		return Share{}, fmt.Errorf("%w: %v", ErrShareFile, err)
	}
	if f.Format != ShareFormat || f.Version < 1 || f.Version > shareVersion {
		return Share{}, ErrShareFile
	}
	return f.Share, f.check()
}

// FuzzParseShare checks that ParseShare accepts exactly what the whole-file decoding accepted,
// with the same result, and refuses the same files.
func FuzzParseShare(f *testing.F) {
	good, err := MarshalShare(Share{Presets: []Preset{userPreset("cr", "CR", "Écris.")}, Templates: []Template{sharedTemplate("atelier", "Atelier")}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	old, _ := MarshalTemplates([]Template{sharedTemplate("a", "A")})
	f.Add(old)
	for _, seed := range []string{
		`{"format":"rapporteur-share","version":1,"presets":null,"Templates":[],"x":{"y":[1,"]"]}}`,
		`{"format":"rapporteur-share","version":1,"presets":[{"id":"a","name":{"fr":"A\"]}"},"instructions":{"fr":"x"}}],"PRESETS":[]}`,
		` [ ] `, `{}`, `[{}]`, `{"format":"rapporteur-share","version":1e0}`, `{"version":-1.5,"format":"rapporteur-share"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ParseShare(data)
		want, werr := parseShareWhole(data)
		if (err == nil) != (werr == nil) {
			t.Fatalf("ParseShare error %v, whole decoding %v", err, werr)
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("ParseShare %+v, whole decoding %+v", got, want)
		}
		if errors.Is(werr, ErrShareFile) && !errors.Is(err, ErrShareFile) && AsValidation(err) == nil {
			t.Fatalf("a file the whole decoding refused as such is refused with %v", err)
		}
	})
}
