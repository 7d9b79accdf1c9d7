package analysis

import (
	"math/rand/v2"
	"strings"
)

// fixtureSentences are sentences of a fictional report on a neighbourhood workshop, written
// for these tests.
var fixtureSentences = []string{
	"Le mardi 14 octobre, une trentaine d'habitants du quartier des Tilleuls se sont réunis à la maison de quartier.",
	"Mme Okonkwo, adjointe à la vie locale, a rappelé le calendrier du réaménagement de la place Gambetta.",
	"Les participant·es ont travaillé en quatre tables de huit personnes pendant une heure et demie.",
	"La première table a demandé des bancs à l'ombre et une fontaine d'eau potable près de l'aire de jeux.",
	"Plusieurs riverains craignent que le marché du samedi perde des emplacements pendant les travaux.",
	"Un habitant a proposé de fermer la rue Victor-Hugo aux voitures le dimanche matin.",
	"Selon l'enquête en ligne, 62 % des répondants souhaitent davantage d'arbres sur la place.",
	"Le bureau d'études présentera trois scénarios chiffrés lors de la prochaine réunion publique.",
	"Aucune décision n'a été prise ce soir : les propositions seront étudiées par le comité de suivi.",
	"Les jeunes du conseil municipal des enfants viendront présenter leurs maquettes en novembre.",
	"Il reste à préciser le budget de l'éclairage, qui dépend d'une subvention régionale.",
	"La séance s'est terminée à 20 h 30 par un verre offert par l'association des commerçants.",
}

// fixtureVocabulary is the words longText draws from.
var fixtureVocabulary = strings.Fields(strings.ToLower(strings.NewReplacer(".", "", ",", "", ":", "").Replace(strings.Join(fixtureSentences, " "))))

// longReport returns a Markdown report of about n words: a heading and paragraphs of the
// fixture sentences.
func longReport(n int) string {
	var b strings.Builder
	b.WriteString("# Atelier du quartier des Tilleuls\n\n")
	words := 5
	for i := 0; words < n; i++ {
		s := fixtureSentences[i%len(fixtureSentences)]
		b.WriteString(s)
		words += WordCount(s)
		if i%4 == 3 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// randomText returns n words drawn from the fixture vocabulary, in sentences of 6 to 20
// words, and a variant of it where about changed×n words are replaced, deleted or inserted.
func randomText(n int, changed float64, seed uint64) (string, string) {
	rng := rand.New(rand.NewPCG(seed, 1))
	word := func() string { return fixtureVocabulary[rng.IntN(len(fixtureVocabulary))] }
	a := make([]string, 0, n)
	b := make([]string, 0, n+n/10)
	left := 0
	for range n {
		if left == 0 {
			left = 6 + rng.IntN(15)
		}
		left--
		end := ""
		if left == 0 {
			end = "."
		}
		w := word()
		a = append(a, w+end)
		switch p := rng.Float64(); {
		case p < changed*0.4:
			b = append(b, word()+end) // replaced
		case p < changed*0.7: // deleted
		case p < changed:
			b = append(b, w, word()+end) // one inserted after
		default:
			b = append(b, w+end)
		}
	}
	return strings.Join(a, " "), strings.Join(b, " ")
}
