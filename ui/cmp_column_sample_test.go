package ui

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Pieces of a fictional concertation on the renovation of the Bellevue district of a town
// called Saint-Aubin-des-Prés, to write long, messy reports the way organisers paste them.
var (
	sampleSpeakers = []string{"Mme Claire Laurent (adjointe à l'urbanisme)", "M. Karim Benali, habitant rue des Tilleuls",
		"Sophie M. (association Vélo Bellevue)", "M. Jean-Paul Roux", "une habitante de la résidence Les Érables",
		"Mme Aïcha Diallo, conseil citoyen", "M. Thomas Girard (bailleur Habitat 37)", "un participant non identifié"}
	sampleTopics = []string{"la place du marché", "le parking relais", "la ligne de bus 12", "le square Jean-Moulin",
		"les pistes cyclables", "l'éclairage de la rue des Tilleuls", "la maison de quartier", "les jardins partagés"}
	// sampleSentences name a speaker {who}, a topic {topic}, a number {n}.
	sampleSentences = []string{
		"Les participant·es ont rappelé que {topic} est saturé·e aux heures de pointe depuis 2024.",
		"{who} a insisté sur le coût du projet, estimé à {n} 000 € par le bureau d'études.",
		"Plusieurs inscrit.e.s demandent que {topic} reste accessible aux personnes à mobilité réduite.",
		"Le compte-rendu de la séance précédente (voir [le site de la ville](https://saint-aubin.example/concertation)) n'avait pas été diffusé.",
		"{who} propose une réunion spécifique avec les commerçant·es avant le {n} mars.",
		"Question posée : qui paiera l'entretien après les travaux sur {topic} ?",
		"Réponse de la mairie : « nous n'avons pas encore arbitré », ce qui a suscité des réactions dans la salle.",
		"Un vote indicatif à main levée donne {n} voix pour, 12 contre et 7 abstentions.",
		"Il est rappelé que les contributions écrites restent ouvertes jusqu'au 30 avril sur la plateforme.",
		"{who} juge la concertation « trop tardive » et regrette l'absence des services techniques.",
		"Le calendrier prévoit un début des travaux en septembre 2027 pour une durée de {n} mois.",
		"Des habitant·es de la résidence Les Érables signalent des infiltrations non réglées depuis 2 ans.",
		"{who} : « {topic}, on nous en parle depuis dix ans, et rien ne bouge ! »",
		"Selon l'enquête en ligne, {n} % des répondant·es utilisent {topic} au moins une fois par semaine.",
	}
)

// sampleReport writes a fictional, messy French session report of about words words: all-caps
// headings, speaker lists, inclusive writing, links, tables and pasted Word text.
func sampleReport(words int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	b.WriteString("# COMPTE-RENDU — CONCERTATION QUARTIER BELLEVUE\n\nRéunion publique du 14 octobre 2026, 18h30, maison de quartier, 2 rue des Tilleuls, Saint-Aubin-des-Prés.\n\n")
	for part := 1; wordCount(b.String()) < words; part++ {
		topic := sampleTopics[r.IntN(len(sampleTopics))]
		fmt.Fprintf(&b, "## %d. %s\n\n", part, strings.ToUpper(topic))
		if part%3 == 1 {
			b.WriteString("Intervenant·es :\n\n")
			for range 3 {
				fmt.Fprintf(&b, "- %s\n", sampleSpeakers[r.IntN(len(sampleSpeakers))])
			}
			b.WriteString("\n")
		}
		for range 3 + r.IntN(3) {
			b.WriteString(sampleParagraph(r, topic))
			b.WriteString("\n\n")
		}
		if part%5 == 0 {
			fmt.Fprintf(&b, "| Proposition | Pour | Contre |\n|---|---|---|\n| Aménager %s | %d | %d |\n| Reporter le projet | %d | %d |\n\n",
				topic, 20+r.IntN(40), r.IntN(20), r.IntN(30), r.IntN(30))
		}
		if part%7 == 0 {
			b.WriteString("**NB** : texte collé depuis Word ci-dessous, mise en forme d'origine perdue.\n")
			b.WriteString("Mme\u00a0Laurent\u00a0rappelle\u00a0que\u00a0le\u00a0dossier\u00a0complet\u00a0est\u00a0consultable\u00a0en\u00a0mairie.   Les horaires : lundi–vendredi 9h–12h.\n\n")
		}
	}
	b.WriteString("FIN DE SÉANCE À 21H10. Prochaine réunion : jeudi 12 novembre 2026.\n")
	return b.String()
}

// sampleParagraph is a paragraph of four to seven sentences about topic.
func sampleParagraph(r *rand.Rand, topic string) string {
	var parts []string
	for range 4 + r.IntN(4) {
		s := strings.NewReplacer("{who}", sampleSpeakers[r.IntN(len(sampleSpeakers))], "{topic}", topic,
			"{n}", fmt.Sprint(10+r.IntN(80))).Replace(sampleSentences[r.IntN(len(sampleSentences))])
		parts = append(parts, strings.ToUpper(s[:1])+s[1:])
	}
	return strings.Join(parts, " ")
}

// sampleVariant writes a variant of source of about words words, as a model would: a
// heading, most paragraphs kept nearly as they are, some shortened into key points, and a few
// sentences and figures the source does not state.
func sampleVariant(source string, words int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 11))
	paras := strings.Split(source, "\n\n")
	var b strings.Builder
	b.WriteString("## SYNTHÈSE DE LA RÉUNION\n\n")
	for wordCount(b.String()) < words {
		for _, p := range paras {
			if wordCount(b.String()) >= words {
				break
			}
			sentences := strings.SplitAfter(p, ". ")
			switch n := r.IntN(10); {
			case strings.HasPrefix(p, "## "):
				b.WriteString("### " + strings.TrimPrefix(p, "## ") + "\n\n")
			case n < 3 || strings.HasPrefix(p, "|"):
				continue
			case n < 5 && len(sentences) >= 3:
				for _, s := range sentences[:3] {
					b.WriteString("- " + strings.TrimSpace(s) + "\n")
				}
				b.WriteString("\n")
			case n == 5 && !strings.HasPrefix(p, "- "):
				b.WriteString("Les habitant·es ont massivement approuvé le projet, avec 87 % d'avis favorables. " + p + "\n\n")
			default:
				b.WriteString(p + "\n\n")
			}
		}
	}
	return b.String()
}
