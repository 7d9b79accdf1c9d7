package export

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

func TestComparisonPDFFrenchText(t *testing.T) {
	path := render(t, frenchComparison(t))
	text := normalise(pdfText(t, path))
	for _, want := range []string{
		"COMPTE-RENDU COMPARÉ",
		"Atelier de concertation — place du Marché de Saint-Aubin-sur-Lys",
		"Type de séance Atelier", "Date 17 juin 2025", "Lieu Salle des fêtes, Saint-Aubin-sur-Lys",
		"Organisé par Mairie de Saint-Aubin-sur-Lys", "Public Habitant·es, commerçant·es",
		"Exporté le 18 juin 2025 à 14 h 30",
		"Variante 1", "moteur intégré (extraction, sans modèle)", "Synthèse courte", "terminée",
		"mistral-small3.2:24b", "Points clés", "échec — texte partiel",
		"Erreur : stream cut: connection reset by peer",
		"« Où se garera-t-on le samedi matin, si la place devient piétonne ? »",
		"reste sous-utilisé ; d’autres ont rappelé",
		"45,5 % des répondant·es", "Le chœur de l’église", "participant.es", "1 250 habitants",
		"« coin des enfants »", "c’est l’endroit où l’on se croise ! »", "380 000 €", "…",
		"Variantes générées par IA — à relire avant diffusion", "Page 1 sur 3", "Page 3 sur 3",
		"Source", "Texte source · version 4", "ÉCHEC",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("extracted text lacks %q", want)
		}
	}
	for _, unwanted := range []string{"**", "## ", "{nb}", "\uFFFD"} {
		if strings.Contains(text, unwanted) {
			t.Errorf("extracted text contains %q", unwanted)
		}
	}
}

func TestComparisonPDFEnglishLabels(t *testing.T) {
	path := render(t, englishComparison(t))
	text := normalise(pdfText(t, path))
	for _, want := range []string{
		"COMPARED REPORT", "Kind of session Webinar", "Date 3 March 2025", "Organised by Millbrook Town Council",
		"Exported on 4 March 2025 at 09:05", "Variant 1", "built-in engine (extraction, no model)",
		"Short summary", "cancelled — partial text", "custom-press", "CANCELLED",
		"AI-generated variants — review before publication", "Page 1 of 2", "62.5 %",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("extracted text lacks %q", want)
		}
	}
}

// punctuationComparison sets a text dense in French punctuation in four narrow columns.
func punctuationComparison(t *testing.T) Comparison {
	c := frenchComparison(t)
	body := strings.Repeat(frenchPunctuation+"\n\n", 12)
	c.Source.Body = body
	for i := range c.Variants {
		// Each column starts with a different offset so breaks fall in different places.
		c.Variants[i].Text = strings.Repeat("Mot ", i+1) + body
	}
	return c
}

func TestComparisonPDFNoLineStartsWithClosingMark(t *testing.T) {
	c := punctuationComparison(t)
	path := render(t, c)
	pages := pageCount(t, path)
	checked := 0
	for page := 2; page <= pages; page++ {
		for col := range 4 {
			text := columnText(t, path, page, col, 4)
			lines := strings.Split(text, "\n")
			assertNoBadBreaks(t, lines)
			checked += len(lines)
		}
	}
	if checked < 200 {
		t.Fatalf("only %d lines checked: the columns were not extracted", checked)
	}
	// The same text in one column should be found intact.
	if got := normalise(columnText(t, path, 2, 0, 4)); !strings.Contains(got, "«\u00a0Où se garera-t-on le samedi\u202f?\u00a0»") &&
		!strings.Contains(got, "« Où se garera-t-on le samedi ? »") {
		t.Errorf("column text not intact: %q", got)
	}
}

func TestComparisonPDFEmojiAndNonBMP(t *testing.T) {
	c := frenchComparison(t)
	c.Source.Title = "Fête de quartier 🎉 — bilan"
	c.Source.Organisers = "Collectif 𝔘nis 👩🏽‍💻"
	c.Source.Body = "# Bilan 🎉\n\nUne soirée réussie 🎉🎉 ! Les 𝔘 et les 👩🏽‍💻 ont codé ; merci 🙏🏿.\n\n- point ✅\n- flèche → suite\n"
	c.Variants[0].Text = "🎉"
	c.Variants[1].Model = "modèle-🦙"
	c.Variants[2].Error = "panne 💥 du serveur"
	path := render(t, c)
	info := pdfInfo(t, path)
	if info["Title"] != "Fête de quartier \uFFFD — bilan" {
		t.Errorf("title = %q", info["Title"])
	}
	text := normalise(pdfText(t, path))
	for _, want := range []string{"Une soirée réussie \uFFFD !", "Les \uFFFD et les \uFFFD ont codé", "flèche -> suite"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

// longSource returns a French Markdown text of at least n words.
func longSource(n int) string {
	var b strings.Builder
	words := 0
	for i := 0; words < n; i++ {
		start := b.Len()
		if i%12 == 0 {
			fmt.Fprintf(&b, "## Partie %d — échanges en table ronde\n\n", i/12+1)
		}
		fmt.Fprintf(&b, "Mme Laurent rappelle que la table %d a réuni 12 participant·es, dont 45,5\u202f%% "+
			"d’habitant·es du centre\u00a0; M. Diallo souligne «\u00a0l’importance de l’ombre\u00a0» et demande\u202f: "+
			"qui entretiendra les arbres\u202f? Le chœur de l’église impose des règles…\n\n", i+1)
		if i%5 == 0 {
			b.WriteString("- Planter des tilleuls côté sud.\n- Garder la place libre le samedi matin.\n\n")
		}
		words += countWords(b.String()[start:])
	}
	return b.String()
}

func TestComparisonPDFRobustness(t *testing.T) {
	base := frenchComparison(t)
	longURL := "https://concertation.saint-aubin-sur-lys.example/ateliers/2025/place-du-marche/" +
		strings.Repeat("compte-rendu-définitif", 8) + ".pdf"
	seven, forty := make([]model.Variant, 7), make([]model.Variant, 40)
	for i := range forty {
		forty[i] = base.Variants[i%3]
	}
	copy(seven, forty)
	tests := []struct {
		name      string
		edit      func(c *Comparison)
		minPages  int
		maxPages  int
		wantTexts []string
	}{
		{"no variants", func(c *Comparison) { c.Variants = nil }, 2, 2, []string{"Aucune variante"}},
		{"variant with empty text", func(c *Comparison) { c.Variants[0].Text = "" }, 3, 3, []string{"(texte vide)"}},
		{"failed variant with partial text", func(c *Comparison) {}, 3, 3, []string{"Texte partiel — Erreur : stream cut"}},
		{"cancelled variant without text", func(c *Comparison) {
			c.Variants[2].Status, c.Variants[2].Text, c.Variants[2].Error = model.StatusCancelled, "", ""
		}, 3, 3, []string{"ANNULÉE", "Texte partiel", "(texte vide)"}},
		{"unknown preset shows its id", func(c *Comparison) { c.Variants[0].PresetID = "mon-preset" }, 3, 3, []string{"mon-preset"}},
		{"empty source", func(c *Comparison) { c.Source.Body = ""; c.Source.Title = "" }, 2, 2, nil},
		{"long word and url", func(c *Comparison) {
			c.Source.Body = "Voir " + longURL + " et " + strings.Repeat("x", 300)
			c.Variants[0].Text = longURL
		}, 2, 3, nil},
		{"seven variants", func(c *Comparison) { c.Variants = seven }, 4, 7, []string{"Variante 7", "Page 4 sur"}},
		{"forty variants: the cover goes on", func(c *Comparison) { c.Variants = forty }, 32, 32, []string{"Variante 40", "Page 32 sur 32"}},
		{"unknown language and zero time", func(c *Comparison) { c.Language = "de"; c.Exported = time.Time{} }, 3, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := frenchComparison(t)
			tt.edit(&c)
			path := render(t, c)
			if n := pageCount(t, path); n < tt.minPages || n > tt.maxPages {
				t.Errorf("%d pages, want %d to %d", n, tt.minPages, tt.maxPages)
			}
			assertInsideColumns(t, path)
			text := normalise(pdfText(t, path))
			for _, want := range tt.wantTexts {
				if !strings.Contains(text, want) {
					t.Errorf("text lacks %q", want)
				}
			}
		})
	}
}

func TestComparisonPDFHundredPages(t *testing.T) {
	if testing.Short() {
		t.Skip("long document")
	}
	c := frenchComparison(t)
	c.Variants = nil
	c.Source.Body = longSource(60000)
	path := render(t, c)
	n := pageCount(t, path)
	if n < 100 || n > 200 {
		t.Errorf("%d pages for a 60,000-word source, want 100 to 200", n)
	}
	text := pdfText(t, path, "-f", strconv.Itoa(n), "-l", strconv.Itoa(n))
	if !strings.Contains(text, fmt.Sprintf("Page %d sur %d", n, n)) {
		t.Errorf("last page footer missing: %q", text)
	}
}

var wordBox = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">`)

// assertInsideColumns checks that every word set on the grid of a column page lies within
// the column it starts in.
func assertInsideColumns(t *testing.T, path string) {
	t.Helper()
	html := pdfText(t, path, "-bbox")
	pages := strings.Split(html, "<page ")
	for p, page := range pages {
		if p < 2 { // the preamble and the cover
			continue
		}
		for _, m := range wordBox.FindAllStringSubmatch(page, -1) {
			xMin, _ := strconv.ParseFloat(m[1], 64)
			yMin, _ := strconv.ParseFloat(m[2], 64)
			xMax, _ := strconv.ParseFloat(m[3], 64)
			if yMin < mmToPt(colHeadRule) || yMin > mmToPt(gridBottom) {
				continue
			}
			if !insideSomeColumn(xMin, xMax) {
				t.Errorf("page %d: word at x %.1f–%.1f pt crosses a column edge", p, xMin, xMax)
				return
			}
		}
	}
}

// insideSomeColumn reports whether [xMin, xMax] lies inside one column of some layout.
func insideSomeColumn(xMin, xMax float64) bool {
	for n := 1; n <= perSet+1; n++ {
		w := min((contentW-float64(n-1)*gutter)/float64(n), maxColumnW)
		for i := range n {
			left := mmToPt(marginX + float64(i)*(w+gutter))
			if xMin >= left-0.5 && xMax <= left+mmToPt(w)+0.5 {
				return true
			}
		}
	}
	return false
}

func TestComparisonPDFStructure(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteComparisonPDF(&buf, frenchComparison(t)); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("does not start with %%PDF-: %q", b[:min(len(b), 10)])
	}
	if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
		t.Errorf("does not end with %%%%EOF")
	}
	if !regexp.MustCompile(`/Lang ?\(fr\)`).Match(b) {
		t.Errorf("no /Lang (fr) in the catalogue")
	}
	path := render(t, frenchComparison(t))
	info := pdfInfo(t, path)
	want := map[string]string{
		"Title":     "Atelier de concertation — place du Marché de Saint-Aubin-sur-Lys",
		"Author":    "Mairie de Saint-Aubin-sur-Lys, service urbanisme (Mme Laurent)",
		"Subject":   "Compte-rendu comparé — Atelier",
		"Creator":   "Rapporteur 0.1.0",
		"Keywords":  "Atelier, Salle des fêtes, Saint-Aubin-sur-Lys, compte-rendu, participation citoyenne, variantes",
		"Page size": "841.89 x 595.28 pts (A4)",
		"Pages":     "3",
	}
	for k, v := range want {
		if info[k] != v {
			t.Errorf("pdfinfo %s = %q, want %q", k, info[k], v)
		}
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteComparisonPDFErrors(t *testing.T) {
	t.Run("writer fails", func(t *testing.T) {
		err := WriteComparisonPDF(failingWriter{}, frenchComparison(t))
		if err == nil || !strings.HasPrefix(err.Error(), "export: ") || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("panic inside becomes an error", func(t *testing.T) {
		err := writeComparison(&bytes.Buffer{}, frenchComparison(t), nil)
		if err == nil || !strings.HasPrefix(err.Error(), "export: ") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestSaveComparisonPDF(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		path    string
		before  func(t *testing.T, path string)
		wantErr bool
	}{
		{"new file", dir + "/compte-rendu.pdf", nil, false},
		{"overwrites", dir + "/ancien.pdf", func(t *testing.T, p string) {
			if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"empty path", "", nil, true},
		{"missing directory", dir + "/absent/x.pdf", nil, true},
		{"path is a directory", dir + "/dossier", func(t *testing.T, p string) {
			if err := os.MkdirAll(p+"/plein", 0o755); err != nil {
				t.Fatal(err)
			}
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.before != nil {
				tt.before(t, tt.path)
			}
			err := SaveComparisonPDF(tt.path, frenchComparison(t))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			b, err := os.ReadFile(tt.path)
			if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
				t.Errorf("saved file is not a PDF: %v", err)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
