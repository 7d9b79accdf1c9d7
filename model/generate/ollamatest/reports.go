package ollamatest

import (
	_ "embed"
	"fmt"
	"strings"
)

// report is a fictional, messy French public-meeting report of about 1,180 words: all-caps
// headings, a speaker list, inclusive writing, links, a table, quotes. The tiny test models
// count about 7,000 tokens for it.
//
//go:embed reports/concertation-pole-gare.md
var report string

// Report returns the fictional report of reports/concertation-pole-gare.md: a public meeting on
// a railway station's forecourt, about 1,180 words of French.
func Report() string { return report }

// LongReport returns a report of at least words words, made of Report's meeting told again as
// the numbered sessions of a long consultation, each with its own number, date and attendance,
// as the reports of a whole concertation are: 9 sessions give about 10,600 words.
func LongReport(words int) string {
	var b strings.Builder
	b.WriteString("# BILAN DE LA CONCERTATION « PÔLE GARE » — RECUEIL DES COMPTES-RENDUS\n\n")
	for i := 1; len(strings.Fields(b.String())) < words; i++ {
		s := strings.Replace(report, "# COMPTE-RENDU – RÉUNION PUBLIQUE N°2", fmt.Sprintf("## SÉANCE %d – RÉUNION PUBLIQUE N°%d", i, i), 1)
		s = strings.ReplaceAll(s, "\n### ", "\n#### ")
		s = strings.ReplaceAll(s, "\n## ", "\n### ")
		s = strings.Replace(s, "87 personnes présentes", fmt.Sprintf("%d personnes présentes", 60+7*i), 1)
		s = strings.Replace(s, "jeudi 12 février 2026", fmt.Sprintf("jeudi %d février 2026", i), 1)
		b.WriteString(s)
		b.WriteString("\n\n")
	}
	return b.String()
}
