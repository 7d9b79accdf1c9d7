package ui

import "testing"

func TestFmtInt(t *testing.T) {
	installQueue(t)
	if err := LoadTranslations(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1534: "1\u00a0534", 131072: "131\u00a0072", -1250: "-1\u00a0250"} {
		if got := fmtInt(n); got != want {
			t.Errorf("fmtInt(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFmtCompact(t *testing.T) {
	installQueue(t)
	if err := LoadTranslations(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{534: "534", 1534: "1,5k", 32768: "32,8k", 2000: "2k", 131072: "131k"} {
		if got := fmtCompact(n); got != want {
			t.Errorf("fmtCompact(%d) = %q, want %q", n, got, want)
		}
	}
}
