package imports

import (
	"strconv"
	"strings"
	"testing"
)

// longReport returns the WordprocessingML of a report of about 100 pages: 200 sections of a
// heading, four paragraphs of 40 words with bold and italic, and a list of five items, about
// 40,000 words in all.
func longReport() string {
	sentence := strings.Repeat("les habitants du quartier ont débattu du réaménagement de la place ", 4) // 40 words
	var b strings.Builder
	b.WriteString(wp("Title", wr("", "Concertation « Cœur de ville » : compte rendu intégral")))
	for s := range 200 {
		b.WriteString(wp("Titre"+strconv.Itoa(1+s%2), wr("", "Séance "+strconv.Itoa(s+1))))
		for range 4 {
			b.WriteString(wp("", wr("", sentence[:120]), wr("b", "proposition retenue"), wr("", sentence[120:]), wr("i", "à suivre")))
		}
		for i := range 5 {
			b.WriteString(wli("1", strconv.Itoa(i%2), "point soulevé par un participant à la séance"))
		}
	}
	return b.String()
}

func BenchmarkReadDocx(b *testing.B) {
	doc := longReport()
	data := docxOf(b, doc, docxNumbering)
	b.SetBytes(int64(len(docxHead + doc + docxTail))) // the XML read, not the compressed archive
	var got Imported
	for b.Loop() {
		var err error
		if got, err = Read("cr.docx", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(strings.Fields(got.Body))), "words")
}
