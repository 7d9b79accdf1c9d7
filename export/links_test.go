package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	pdfmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/rapporteur/rapporteur/export/internal/pdftest"
)

// linkURIs returns the distinct targets of the PDF's external link annotations (/URI
// actions), sorted; internal links (to a page) are not listed. A link set over several words
// has an annotation per word.
func linkURIs(t *testing.T, data []byte) []string {
	t.Helper()
	pdftest.Configure()
	pages, err := api.Annotations(bytes.NewReader(data), nil, pdfmodel.NewDefaultConfiguration())
	if err != nil {
		t.Fatalf("annotations: %v", err)
	}
	var uris []string
	for _, page := range pages {
		for _, a := range page[pdfmodel.AnnLink].Map {
			if link, ok := a.(pdfmodel.LinkAnnotation); ok && link.URI != "" {
				uris = append(uris, link.URI)
			}
		}
	}
	slices.Sort(uris)
	return slices.Compact(uris)
}

// pageText extracts the text of data with pdftotext, failing when the tool is missing (make
// test-deps installs poppler-utils), no-break spaces made ordinary.
func pageText(t *testing.T, data []byte) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatalf("pdftotext is needed to read the PDF's text (make test-deps installs poppler-utils): %v", err)
	}
	path := filepath.Join(t.TempDir(), "links.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(normSpaces(string(out))), " ")
}

// linkCases are links a model may write, each scheme a case: what must be clickable (none
// when uri is empty) and the text the reader must see.
var linkCases = []struct {
	name, markdown string
	uri            string // the only link annotation expected, or "" for none
	text           string // what the page shows
}{
	{"https", "[click here](https://example.org/doc?a=1)", "https://example.org/doc?a=1", "click here (https://example.org/doc?a=1)"},
	{"http", "[the site](http://example.org/)", "http://example.org/", "the site (http://example.org/)"},
	{"https upper case", "[site](HTTPS://EXAMPLE.ORG/A)", "HTTPS://EXAMPLE.ORG/A", "site (HTTPS://EXAMPLE.ORG/A)"},
	{"https as text", "[https://example.org/x](https://example.org/x)", "https://example.org/x", "https://example.org/x"},
	{"mailto", "[write to us](mailto:mairie@example.org)", "mailto:mairie@example.org", "write to us (mairie@example.org)"},
	{"autolink https", "<https://example.org/auto>", "https://example.org/auto", "https://example.org/auto"},
	{"bare www", "see www.example.org now", "http://www.example.org", "see www.example.org now"},
	{"bare e-mail", "write to mairie@example.org now", "mailto:mairie@example.org", "write to mairie@example.org now"},
	{"file", "[click here](file:///etc/passwd)", "", "click here"},
	{"javascript", "[click here](javascript:alert(1))", "", "click here"},
	{"javascript mixed case", "[click here](JaVaScRiPt:alert(1))", "", "click here"},
	{"data", "[click here](data:text/html;base64,PHNjcmlwdD4=)", "", "click here"},
	{"smb", "[click here](smb://server/share/x.exe)", "", "click here"},
	{"launch", "[click here](launch:calc.exe)", "", "click here"},
	{"ftp", "[click here](ftp://example.org/f)", "", "click here"},
	{"bare ftp", "get ftp://example.org/f now", "", "get ftp://example.org/f now"},
	{"relative", "[click here](../secret.pdf)", "", "click here"},
	{"fragment", "[click here](#part)", "", "click here"},
	{"http without host", "[click here](http:/etc/passwd)", "", "click here"},
	{"autolink javascript", "<javascript:alert(1)>", "", "javascript:alert(1)"},
	{"autolink file", "<file:///etc/passwd>", "", "file:///etc/passwd"},
	{"reference", "[click here][x]\n\n[x]: file:///etc/passwd", "", "click here"},
	{"image", "![click here](file:///etc/passwd)", "", "click here"},
}

// TestReportLinks renders each link a model may write in the final report: only http,
// https and mailto become clickable, and the page shows their target beside the text.
func TestReportLinks(t *testing.T) {
	for _, tc := range linkCases {
		t.Run(tc.name, func(t *testing.T) {
			r := englishReport(t)
			r.Markdown = tc.markdown + "\n"
			data := renderReport(t, r)
			var want []string
			if tc.uri != "" {
				want = []string{tc.uri}
			}
			if got := linkURIs(t, data); !slices.Equal(got, want) {
				t.Errorf("links %q, want %q", got, want)
			}
			if text := pageText(t, data); !strings.Contains(text, tc.text) {
				t.Errorf("text lacks %q:\n%s", tc.text, text)
			}
		})
	}
}

// TestReportLinksAllSchemesAtOnce is the model's answer of the issue: ten links of every kind
// behind « click here », and only the web and mail ones clickable.
func TestReportLinksAllSchemesAtOnce(t *testing.T) {
	var md strings.Builder
	var want []string
	for _, tc := range linkCases {
		md.WriteString("- " + strings.ReplaceAll(tc.markdown, "\n\n", "\n\n  ") + "\n")
		if tc.uri != "" {
			want = append(want, tc.uri)
		}
	}
	r := frenchReport(t)
	r.Markdown = md.String()
	slices.Sort(want)
	want = slices.Compact(want)
	if got := linkURIs(t, renderReport(t, r)); !slices.Equal(got, want) {
		t.Errorf("links %q\nwant %q", got, want)
	}
}

// TestComparisonLinksArePlainText checks the comparison's columns, which show a variant's
// links as text followed by their target, make none of them clickable: its only links lead
// to its own pages.
func TestComparisonLinksArePlainText(t *testing.T) {
	c := frenchComparison(t)
	var md strings.Builder
	for _, tc := range linkCases {
		md.WriteString(tc.markdown + "\n\n")
	}
	c.Variants[0].Text = md.String()
	var buf bytes.Buffer
	if err := WriteComparisonPDF(&buf, c); err != nil {
		t.Fatal(err)
	}
	if got := linkURIs(t, buf.Bytes()); len(got) != 0 {
		t.Errorf("the comparison has clickable links to %q", got)
	}
	text := pageText(t, buf.Bytes())
	for _, want := range []string{"click here (https://example.org/doc?a=1)", "click here (javascript:alert(1", "click here (file:///etc/passwd)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the comparison does not show %q", want)
		}
	}
}
