package i18n

import "testing"

func TestCompactCount(t *testing.T) {
	cases := []struct {
		n     int
		comma bool
		want  string
	}{
		{534, false, "534"},
		{999, true, "999"},
		{1000, false, "1k"},
		{1534, true, "1,5k"},
		{1534, false, "1.5k"},
		{2048, false, "2k"}, // was « 2.k »: the English decimal point was never trimmed
		{2048, true, "2k"},
		{32768, true, "32,8k"},
		{32768, false, "32.8k"},
		{99_949, false, "99.9k"},
		{99_950, false, "100k"},
		{131072, true, "131k"},
	}
	for _, c := range cases {
		if got := compactCount(c.n, c.comma); got != c.want {
			t.Errorf("compactCount(%d, comma %v) = %q, want %q", c.n, c.comma, got, c.want)
		}
	}
}
