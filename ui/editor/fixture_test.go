package editor

import (
	"fmt"
	"strings"
	"unicode"
)

// messyReport writes a fictional session report of about words words, as organisers really
// write them after a long concertation: all-caps headings, speaker lists, inclusive writing,
// links, Markdown tables, French typography (« », narrow no-break spaces), a paragraph pasted
// in English, and long paragraphs. Each session differs by its number, so no two are equal.
func messyReport(words int) string {
	var b strings.Builder
	b.WriteString("# CONCERTATION « QUARTIER DES TANNEURS » — RECUEIL DES COMPTES-RENDUS\n\n")
	b.WriteString("Document de travail, version non relue. Contact : concertation@tanneurs.example.org\n\n")
	n := 0
	for i := 1; n < words; i++ {
		s := session(i)
		n += len(strings.Fields(s))
		b.WriteString(s)
	}
	return cutWords(b.String(), words)
}

// cutWords keeps the lines of s that hold its first n words (as strings.Fields counts them).
func cutWords(s string, n int) string {
	inWord := false
	for i, r := range s {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			if n == 0 {
				return s[:strings.LastIndexByte(s[:i], '\n')+1]
			}
			n--
		}
		inWord = !space
	}
	return s
}

// session is one meeting of the fictional concertation, numbered i.
func session(i int) string {
	places := []string{"salle polyvalente Jean-Moulin", "école Paul-Bert (préau)", "visio (Zoom)", "marché couvert"}
	return fmt.Sprintf(`## SÉANCE N°%[1]d – RÉUNION PUBLIQUE DU %[2]d MARS 2026

Lieu : %[3]s. %[4]d participant·es, dont %[5]d inscrit.e.s en ligne.

PRÉSENT·ES :
- Mme Odile Ferrand, adjointe à l'urbanisme
- M. Karim Benali, association « Vivre aux Tanneurs »
- Léa Morvan (bureau d'études Ligne Claire)
- des habitant·es du secteur nord, des commerçant·es du marché

### 1. OUVERTURE

Mme Ferrand ouvre la séance à 18 h 30 et rappelle le cadre : la concertation porte sur le réaménagement des berges et de la place des Tanneurs, budget prévisionnel de %[6]d 000 € TTC. Elle précise que « rien n'est décidé » et que les avis recueillis seront annexés à la délibération du conseil municipal.

Un habitant demande pourquoi la réunion n'a pas été annoncée dans le bulletin municipal ; réponse : l'annonce est parue sur https://www.tanneurs.example.org/concertation et sur les panneaux lumineux.

### 2. ÉCHANGES AVEC LA SALLE

**Stationnement** — plusieurs participant·es craignent la suppression de %[7]d places ; le bureau d'études rappelle qu'un parking relais de 120 places est prévu rue des Mégissiers. « Et pour les personnes âgées ? » demande Mme Royer. Réponse : des places PMR seront conservées devant la pharmacie.

**Arbres et ombre** — M. Benali souhaite que les platanes soient conservés ; Léa Morvan indique que l'étude phytosanitaire (voir [le rapport](https://www.tanneurs.example.org/docs/platanes-2026.pdf)) conclut que 3 arbres sur 14 sont malades.

| Thème | Avis favorables | Avis réservés | Observations |
|---|---|---|---|
| Piétonnisation | %[8]d | %[9]d | le samedi seulement ? |
| Pistes cyclables | 31 | 12 | conflit avec le marché |
| Jeux d'enfants | 44 | 3 | ombre demandée |

Pasted from the English-speaking residents' group: we would like the riverside path to stay open at night, with better lighting, and the minutes to be published in English too.

### 3. SUITES DONNÉES

- compte-rendu publié sous 15 jours ;
- balade urbaine le samedi %[10]d avril à 10 h (départ devant la mairie) ;
- prochain atelier : « Quelles berges pour demain ? » le %[2]d mai.

LA SÉANCE EST LEVÉE À 20 H 45.

`, i, 1+i%28, places[i%len(places)], 60+7*i, 10+i%9, 480+i, 20+i%15, 50+i%7, 9+i%5, 1+i%27)
}
