package analysis

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

var sentenceCases = []struct {
	name string
	lang model.Language
	in   string
	want []string
}{
	{"empty", model.French, "", nil},
	{"blank", model.French, " \n\n\t ", nil},
	{"two sentences", model.French, "La séance ouvre. Le maire parle.", []string{"La séance ouvre.", "Le maire parle."}},
	{"civility M. and Mme", model.French,
		"M. Diallo a ouvert la séance. Mme Laurent a présenté le projet.",
		[]string{"M. Diallo a ouvert la séance.", "Mme Laurent a présenté le projet."}},
	{"civility with dots", model.French, "Mme. Roux et MM. Petit et Blanc sont venus. Dr. Haddad aussi.",
		[]string{"Mme. Roux et MM. Petit et Blanc sont venus.", "Dr. Haddad aussi."}},
	{"initials", model.French, "Selon J.-P. Martin, le projet avance. Il reste du travail.",
		[]string{"Selon J.-P. Martin, le projet avance.", "Il reste du travail."}},
	{"p. ex. and c.-à-d.", model.French,
		"Des usages variés, p. ex. le marché, c.-à-d. le samedi. Ensuite la fête.",
		[]string{"Des usages variés, p. ex. le marché, c.-à-d. le samedi.", "Ensuite la fête."}},
	{"cf. and env.", model.French, "Cf. Annexe 2, env. 1 250 habitants. Fin.",
		[]string{"Cf. Annexe 2, env. 1 250 habitants.", "Fin."}},
	{"etc. then capital ends", model.French, "Des bancs, des arbres, etc. Le maire a conclu.",
		[]string{"Des bancs, des arbres, etc.", "Le maire a conclu."}},
	{"etc. then lowercase continues", model.French, "Des bancs, des arbres, etc. ont été demandés.",
		[]string{"Des bancs, des arbres, etc. ont été demandés."}},
	{"etc. then comma", model.French, "Des bancs, etc., puis la fontaine. Fin.",
		[]string{"Des bancs, etc., puis la fontaine.", "Fin."}},
	{"decimals and percent", model.French, "Le taux est de 45,5 %. Il était de 3.14 avant.",
		[]string{"Le taux est de 45,5 %.", "Il était de 3.14 avant."}},
	{"times", model.French, "Accueil à 10h00, débat à 10 h 30. Fin à 12:15. Merci.",
		[]string{"Accueil à 10h00, débat à 10 h 30.", "Fin à 12:15.", "Merci."}},
	{"inclusive writing", model.French,
		"Les participant.es et les inscrit.e.s ont voté. Les élu.e.s et habitant·es aussi.",
		[]string{"Les participant.es et les inscrit.e.s ont voté.", "Les élu.e.s et habitant·es aussi."}},
	{"inclusive writing at the end", model.French, "Merci aux participant.es. La séance est levée.",
		[]string{"Merci aux participant.es.", "La séance est levée."}},
	{"ellipsis inside", model.French, "On parle de tout… et de rien. Puis on vote.",
		[]string{"On parle de tout… et de rien.", "Puis on vote."}},
	{"ellipsis ends", model.French, "Il y avait des bancs... Le maire a répondu.",
		[]string{"Il y avait des bancs...", "Le maire a répondu."}},
	{"elided quotation", model.French, "Il a dit (…) Le reste est connu. Fin.",
		[]string{"Il a dit (…) Le reste est connu.", "Fin."}},
	{"url and e-mail", model.French,
		"Voir www.ville-saint-aubin.fr. Écrire à contact@mairie.fr. Merci.",
		[]string{"Voir www.ville-saint-aubin.fr.", "Écrire à contact@mairie.fr.", "Merci."}},
	{"url inside", model.French, "Le site https://www.ville-saint-aubin.fr/projet?id=3 est ouvert.",
		[]string{"Le site https://www.ville-saint-aubin.fr/projet?id=3 est ouvert."}},
	{"french spacing and quotes", model.French, "« Vraiment ? Oui. » Puis elle est partie. Et après ?",
		[]string{"« Vraiment ? Oui. »", "Puis elle est partie.", "Et après ?"}},
	{"no break inside quotes", model.French, "Elle a dit : « Non ! Jamais. » et elle est partie.",
		[]string{"Elle a dit : « Non ! Jamais. » et elle est partie."}},
	{"unbalanced quote falls back", model.French, "Il a dit « non. Puis oui. Fin.",
		[]string{"Il a dit « non.", "Puis oui.", "Fin."}},
	{"exclamation and question", model.French, "Quelle affluence ! Combien étaient-ils ? 80 personnes.",
		[]string{"Quelle affluence !", "Combien étaient-ils ?", "80 personnes."}},
	{"question then lowercase", model.French, "Pourquoi ? parce que.", []string{"Pourquoi ? parce que."}},
	{"number at the end", model.French, "Ils étaient 45. Le maire a compté.",
		[]string{"Ils étaient 45.", "Le maire a compté."}},
	{"article abbreviation", model.French, "Voir art. 12 du règlement. L'art. Fin.",
		[]string{"Voir art. 12 du règlement.", "L'art.", "Fin."}},
	{"n° and No.", model.English, "See No. 5 on the list. Item n° 6 too.",
		[]string{"See No. 5 on the list.", "Item n° 6 too."}},
	{"av. J.-C.", model.French, "En 52 av. J.-C. La ville existait. J.-C. Dupont est venu.",
		[]string{"En 52 av. J.-C.", "La ville existait.", "J.-C. Dupont est venu."}},
	{"english abbreviations", model.English,
		"Mr. Smith and Mrs. Jones came, e.g. for the vote. Dr. Lee, i.e. the chair, left. It was 3 vs. 2.",
		[]string{"Mr. Smith and Mrs. Jones came, e.g. for the vote.", "Dr. Lee, i.e. the chair, left.", "It was 3 vs. 2."}},
	{"english I", model.English, "So did I. Then we left.", []string{"So did I.", "Then we left."}},
	{"emphasis around", model.French, "**Décision prise.** Ensuite le vote. *Fin.*",
		[]string{"**Décision prise.**", "Ensuite le vote.", "*Fin.*"}},
	{"headings", model.French, "# Compte-rendu ##\n## 1. Contexte\nTexte.",
		[]string{"Compte-rendu", "1. Contexte", "Texte."}},
	{"hashtag is text", model.French, "#participation citoyenne. Fin.", []string{"#participation citoyenne.", "Fin."}},
	{"list items", model.French, "- Premier point\n- Deuxième point. Avec une suite\n* Troisième\n+ Quatrième",
		[]string{"Premier point", "Deuxième point.", "Avec une suite", "Troisième", "Quatrième"}},
	{"numbered list", model.French, "1. Ouverture à 10h00\n2) Débat\n10. Clôture",
		[]string{"Ouverture à 10h00", "Débat", "Clôture"}},
	{"task list", model.French, "- [x] Envoyer le compte-rendu\n- [ ] Réserver la salle",
		[]string{"Envoyer le compte-rendu", "Réserver la salle"}},
	{"lazy list continuation", model.French, "- Un point qui continue\n  sur la ligne suivante.",
		[]string{"Un point qui continue\n  sur la ligne suivante."}},
	{"soft wrapped paragraph", model.French, "La place du marché\nsera réaménagée, avec\ndes arbres.",
		[]string{"La place du marché\nsera réaménagée, avec\ndes arbres."}},
	{"lines one under another", model.French, "Ordre du jour\nPrésentation du projet\nQuestions",
		[]string{"Ordre du jour", "Présentation du projet", "Questions"}},
	{"blank lines", model.French, "Premier\n\nDeuxième\r\n\r\nTroisième", []string{"Premier", "Deuxième", "Troisième"}},
	{"block quote", model.French, "> Citation une.\n> Suite de la citation.\n\nTexte.",
		[]string{"Citation une.", "Suite de la citation.", "Texte."}},
	{"block quote wrapped", model.French, "> Le maire a dit\n> que tout irait bien.",
		[]string{"Le maire a dit\n> que tout irait bien."}},
	{"table", model.French, "| Thème | Avis |\n|---|:---:|\n| Bancs | Pour |",
		[]string{"Thème | Avis", "Bancs | Pour"}},
	{"code block skipped", model.French, "Avant.\n```\nfunc main() {}\n```\nAprès.", []string{"Avant.", "Après."}},
	{"rules skipped", model.French, "Titre\n=====\nTexte\n\n---\n\n***\nFin", []string{"Titre", "Texte", "Fin"}},
	{"no letters skipped", model.French, "- \n- ...\n\n!!!\n\nVrai texte.", []string{"Vrai texte."}},
	{"unicode spaces", model.French, "Vraiment\u202f? Oui\u00a0! Fin.", []string{"Vraiment\u202f?", "Oui\u00a0!", "Fin."}},
	{"markdown link", model.French, "Voir [le site](https://exemple.fr). Fin.", []string{"Voir [le site](https://exemple.fr).", "Fin."}},
}

func TestSentences(t *testing.T) {
	for _, tc := range sentenceCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Sentences(tc.in, tc.lang)
			checkSentences(t, tc.in, got)
			var texts []string
			for _, s := range got {
				texts = append(texts, s.Text)
			}
			if !slices.Equal(texts, tc.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.in, texts, tc.want)
			}
		})
	}
}

// checkSentences verifies the invariants every split must keep.
func checkSentences(t *testing.T, in string, got []Sentence) {
	t.Helper()
	prevEnd := 0
	for _, s := range got {
		switch {
		case s.Start < prevEnd || s.End < s.Start || s.End > len(in):
			t.Fatalf("bad offsets %d-%d after %d in %q", s.Start, s.End, prevEnd, in)
		case s.Text != in[s.Start:s.End]:
			t.Fatalf("Text %q != source span %q", s.Text, in[s.Start:s.End])
		case s.Text == "" || strings.TrimSpace(s.Text) != s.Text:
			t.Fatalf("untrimmed or empty sentence %q", s.Text)
		}
		prevEnd = s.End
	}
}

func FuzzSentences(f *testing.F) {
	for _, tc := range sentenceCases {
		f.Add(tc.in, tc.lang == model.English)
	}
	f.Fuzz(func(t *testing.T, in string, english bool) {
		lang := model.French
		if english {
			lang = model.English
		}
		got := Sentences(in, lang)
		checkSentences(t, in, got)
		if utf8.ValidString(in) {
			for _, s := range got {
				_ = Plain(s.Text)
			}
		}
	})
}

func TestPlain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"**Gras** et _italique_", "Gras et italique"},
		{"`code` [lien](https://a.fr) fin", "code lien fin"},
		{"![logo](logo.png) <https://x.fr>", "logo https://x.fr"},
		{"snake_case et \\*étoile\\*", "snake_case et *étoile*"},
		{"Le maire a dit\n> que tout irait bien.", "Le maire a dit que tout irait bien."},
		{"a > b", "a > b"},
		{"[pas un lien] (x)", "[pas un lien] (x)"},
		{"~~barré~~ **Décision prise.", "barré Décision prise."},
		{"  espaces\t\tmultiples \n", "espaces multiples"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := Plain(tc.in); got != tc.want {
				t.Errorf("Plain(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// benchText returns a French report of about n words.
func benchText(n int) string {
	const para = "## Atelier du 12 mars\n\nM. Diallo a ouvert la séance à 10h00 devant 80 participant·es. " +
		"Mme Laurent a présenté le projet de réaménagement de la place du marché, p. ex. les bancs, " +
		"les arbres, etc. Selon l'enquête, 45,5 % des 1 250 habitant.es interrogé.es souhaitent plus " +
		"d'ombre. « Et le stationnement ? » a demandé une habitante.\n\n- Prochaine étape : réunion " +
		"publique le 4 avril.\n- Contact : contact@mairie-saint-aubin.fr\n\n"
	var b strings.Builder
	for WordCount(b.String()) < n {
		b.WriteString(para)
	}
	return b.String()
}

func BenchmarkSentences(b *testing.B) {
	text := benchText(10_000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sentences(text, model.French)
	}
}
