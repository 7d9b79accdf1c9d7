package export

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// runeMeasurer gives every character the same width: 1 per rune.
type runeMeasurer struct{}

func (runeMeasurer) width(_ style, s string) float64 { return float64(utf8.RuneCountInString(s)) }

func TestWrapText(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		avail float64
		want  []string
	}{
		{"empty", "", 10, nil},
		{"only spaces", "   ", 10, nil},
		{"fits", "une place", 10, []string{"une place"}},
		{"breaks at spaces", "une place pour tous", 10, []string{"une place", "pour tous"}},
		{"collapses spaces", "une  place", 20, []string{"une place"}},
		{"no-break space glues colon", "le débat\u00a0: où", 9, []string{"le", "débat\u00a0:", "où"}},
		{"narrow no-break space glues question", "elle devient piétonne\u202f?", 12, []string{"elle devient", "piétonne\u202f?"}},
		{"hard break never starts a line with a closing mark", "piétonne\u202f?", 8, []string{"piétonn", "e\u202f?"}},
		{"plain space before colon is glued", "débat : où", 7, []string{"débat :", "où"}},
		{"opening guillemet is glued", "dit « oui »", 7, []string{"dit", "« oui »"}},
		{"percent is glued", "45,5 % des", 7, []string{"45,5 %", "des"}},
		{"hyphen split", "à Saint-Aubin-sur-Lys", 12, []string{"à Saint-", "Aubin-sur-", "Lys"}},
		{"hard break", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"hard break then word", "ab abcdefgh cd", 4, []string{"ab", "abcd", "efgh", "cd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrapText(runeMeasurer{}, style{}, tt.text, tt.avail)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrapText(%q, %g) = %q, want %q", tt.text, tt.avail, got, tt.want)
			}
		})
	}
}

// frenchPunctuation is a text dense in the marks a line must never start with.
const frenchPunctuation = "M. Diallo a demandé\u202f: «\u00a0Où se garera-t-on le samedi\u202f?\u00a0» " +
	"Mme Laurent a répondu\u00a0: «\u00a0Au parking de la gare\u202f!\u00a0» Les avis divergent\u202f; " +
	"certain·es participant.es s’inquiètent, d’autres approuvent\u202f! Voici la question\u00a0: " +
	"faut-il rendre la place piétonne\u202f? «\u00a0Oui\u00a0», disent 45,5\u202f% des répondant·es\u202f; " +
	"«\u00a0non\u00a0», répondent les autres\u202f! "

// assertNoBadBreaks fails when a line starts with a closing mark or ends with an opening one.
func assertNoBadBreaks(t *testing.T, lines []string) {
	t.Helper()
	for _, l := range lines {
		l = strings.TrimFunc(l, unicode.IsSpace)
		if l == "" {
			continue
		}
		if strings.ContainsAny(l[:1], ":;?!") || strings.HasPrefix(l, "»") {
			t.Errorf("line starts with a closing mark: %q", l)
		}
		if strings.HasSuffix(l, "«") {
			t.Errorf("line ends with an opening guillemet: %q", l)
		}
	}
}

func TestWrapTextNoBreakSpacesWithFont(t *testing.T) {
	d := testDocument(t)
	text := strings.Repeat(frenchPunctuation, 3)
	for w := 20.0; w <= 90; w += 0.7 {
		lines := wrapText(d, columnScale.body, text, w)
		assertNoBadBreaks(t, lines)
		for _, l := range lines {
			if got := d.width(columnScale.body, l); got > w+1e-9 {
				t.Fatalf("width %g: line %q is %g wide", w, l, got)
			}
		}
	}
}

func TestWrapTextLongWordFitsWithFont(t *testing.T) {
	d := testDocument(t)
	url := "https://concertation.saint-aubin-sur-lys.example/ateliers/2025/place-du-marche/compte-rendu-definitif-version-relue.pdf"
	for _, w := range []float64{15, 30, 62} {
		t.Run("", func(t *testing.T) {
			lines := wrapText(d, columnScale.body, "Voir "+url+" pour le détail.", w)
			if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll("Voir"+url+"pourledétail.", " ", "") {
				t.Fatalf("text lost in wrapping: %q", lines)
			}
			for _, l := range lines {
				if d.width(columnScale.body, l) > w {
					t.Errorf("line %q wider than %g", l, w)
				}
			}
		})
	}
}

// testDocument returns a document with the embedded fonts, for measuring.
func testDocument(t testing.TB) *document {
	t.Helper()
	fs, err := fonts()
	if err != nil {
		t.Fatal(err)
	}
	return newDocument(Comparison{}, fs)
}

// TestBreakLinesHyphens checks that the one line breaker cuts a compound word after a hyphen
// in styled text too, but never the address of a link, which is cut like a long word.
func TestBreakLinesHyphens(t *testing.T) {
	m := runeMeasurer{}
	join := func(lines []rline) string {
		var out []string
		for _, ln := range lines {
			out = append(out, ln.String())
		}
		return strings.Join(out, "|")
	}
	plain := []span{{text: "à Saint-Aubin-sur-Lys", st: repBody}}
	if got := join(breakLines(m, toWords(m, plain), 12)); got != "à Saint-|Aubin-sur-|Lys" {
		t.Errorf("plain text: %q", got)
	}
	link := []span{{text: "à ", st: repBody}, {text: "ppri-vire-aval", st: repBody, link: "https://example.org/ppri-vire-aval"}}
	if got := join(breakLines(m, toWords(m, link), 12)); got != "à|ppri-vire-av|al" {
		t.Errorf("link: %q", got)
	}
}
