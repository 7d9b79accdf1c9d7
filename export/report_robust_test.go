package export

import (
	"fmt"
	"strings"
	"testing"
)

// robustReports are the hard cases a report must survive, by name.
func robustReports(t testing.TB) map[string]Report {
	base := frenchReport(t)
	with := func(md string) Report {
		r := base
		r.Markdown = md
		return r
	}
	emoji := base
	emoji.Meta.Title = "Fête de quartier 🎉 — bilan 👩🏽‍💻 𝔘"
	emoji.Disclosure = "Texte rédigé avec l’aide de l’IA 🤖 (mistral:7b)"
	emoji.Markdown = "# Bilan 🎉\n\nMerci à toutes et tous 👏🏽 ! Les maths 𝔘𝔙 et le drapeau 🇫🇷 passent.\n\n- 🚲 vélo\n- **gras 🌳** et *italique 🌊*\n"
	bare := base
	bare.Meta.Title, bare.Meta.Kind, bare.Meta.Date = "", "", ""
	bare.Meta.Place, bare.Meta.Organisers, bare.Meta.Audience = "", "", ""
	return map[string]Report{
		"emoji":  emoji,
		"empty":  with(""),
		"blank":  with("  \n\n \t\n"),
		"bare":   bare,
		"long":   with(longReportMarkdown(300, true)),
		"words":  with(longWords()),
		"wide":   with(wideTable()),
		"nested": with(nestedList(14)),
		"code":   with("```go\nfunc main() {\n\tfmt.Println(\"" + strings.Repeat("x", 300) + "\")\n}\n```\n\n    indenté\n\n<div>brut</div>\n"),
		"links": with("Liens : [accentué](https://example.org/é(t)é?q=a&b=\\c) " +
			"[**gras *et italique***](mailto:a@example.org), <https://example.org/" + strings.Repeat("x", 150) + ">, " +
			"[relatif](#suite) et ~~barré~~ ; tâches :\n\n- [x] fait\n- [ ] à faire\n"),
		"html": with("Entités : &eacute;t&eacute; &#x1F600; &amp; \\*pas d’italique\\* <b>gras</b>\n"),
	}
}

// longWords is a text of words and URLs wider than a line.
func longWords() string {
	return "Voir https://concertation.pont-sur-vire.example/ateliers/2025/berges/compte-rendu-definitif-relu-et-valide-par-le-conseil-municipal.pdf pour le détail.\n\n" +
		"**" + strings.Repeat("anticonstitutionnellement", 8) + "**\n\n" +
		"| " + strings.Repeat("a", 200) + " |\n|---|\n| " + strings.Repeat("b ", 100) + " |\n\n" +
		"Un mot collé par des espaces insécables : " + strings.Repeat("mot\u00a0", 40) + "fin.\n"
}

// wideTable is a table of nine columns whose cells hold long sentences.
func wideTable() string {
	var b strings.Builder
	b.WriteString("|")
	for i := range 9 {
		fmt.Fprintf(&b, " Colonne numéro %d au titre long |", i+1)
	}
	b.WriteString("\n|" + strings.Repeat("---|", 9) + "\n")
	for r := range 30 {
		b.WriteString("|")
		for c := range 9 {
			fmt.Fprintf(&b, " cellule %d-%d avec un texte assez long pour être coupé |", r, c)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// nestedList is a list nested depth levels deep, bullets and numbers alternating.
func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		marker := "-"
		if i%2 == 1 {
			marker = "1."
		}
		fmt.Fprintf(&b, "%s%s Niveau %d : un élément de liste assez long pour passer à la ligne suivante et montrer le retrait suspendu.\n",
			strings.Repeat("   ", i), marker, i+1)
	}
	return b.String()
}

// longReportMarkdown is a report of about sections × 100 words with headings, lists and,
// when tables is set, a table in every section.
func longReportMarkdown(sections int, tables bool) string {
	var b strings.Builder
	para := "Les participant·es ont débattu du projet : l’ombre, le vélo et la sécurité ; « chacun » a pu s’exprimer, et 45,5\u00a0% ont voté pour. "
	for s := range sections {
		fmt.Fprintf(&b, "## Partie %d\n\n### Contexte\n\n%s%s\n\n", s+1, para, para)
		b.WriteString("- premier point, avec **du gras** et *de l’italique*\n- second point\n   1. sous-point numéroté\n   2. autre sous-point\n\n")
		if tables {
			b.WriteString("| Thème | Pour | Contre |\n|---|--:|--:|\n| Arbres | 38 | 2 |\n| Vélo | 29 | 9 |\n\n")
		}
		fmt.Fprintf(&b, "%s\n\n", para)
	}
	return b.String()
}

func TestReportPDFRobust(t *testing.T) {
	for name, r := range robustReports(t) {
		t.Run(name, func(t *testing.T) {
			data := renderReport(t, r)
			if name == "long" || name == "emoji" {
				text := reportText(t, data, false)
				checkNoBadLineStart(t, text)
			}
		})
	}
}

func TestReportPDFLongPages(t *testing.T) {
	data := renderReport(t, robustReports(t)["long"])
	text := reportText(t, data, false)
	if !strings.Contains(text, "Partie 300") {
		t.Error("the last section is missing")
	}
	if pages := strings.Count(text, "\f"); pages < 100 {
		t.Errorf("%d pages for 300 sections, want 100 or more", pages)
	}
}

// TestReportPDFNoOrphanHeading checks that no page of a long report ends with a heading.
func TestReportPDFNoOrphanHeading(t *testing.T) {
	r := frenchReport(t)
	r.Markdown = longReportMarkdown(40, true)
	text := reportText(t, renderReport(t, r), false)
	for i, page := range strings.Split(text, "\f") {
		var last string
		for line := range strings.SplitSeq(page, "\n") {
			line = strings.TrimSpace(line)
			if line != "" && !strings.HasPrefix(line, "Page ") && !strings.HasPrefix(line, "Texte rédigé") {
				last = line
			}
		}
		if last == "Contexte" || strings.HasPrefix(last, "Partie ") {
			t.Errorf("page %d ends with the heading %q", i+1, last)
		}
	}
}
