package generate

import (
	"fmt"
	"strings"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// Message is one message of a chat prompt, as every engine that sends instructions to a model
// sends it: Role is "system" or "user".
type Message struct {
	Role, Content string
}

// promptWords are the fixed labels of the user message, per language.
type promptWords struct {
	intro, title, kind, date, place, organisers, audience, begin, end, part string
	kinds                                                                   map[model.SessionKind]string
}

var promptLabels = map[model.Language]promptWords{
	model.French: {
		intro: "Voici le compte-rendu à traiter.", title: "Titre", kind: "Type de séance", date: "Date",
		place: "Lieu", organisers: "Organisé par", audience: "Public", part: "Extrait %d sur %d",
		begin: "=== DÉBUT DU TEXTE ===", end: "=== FIN DU TEXTE ===",
		kinds: map[model.SessionKind]string{
			model.KindWorkshop: "atelier", model.KindWebinar: "webinaire", model.KindPublicMeeting: "réunion publique",
			model.KindConsultation: "concertation", model.KindOther: "autre",
		},
	},
	model.English: {
		intro: "Here is the report to work on.", title: "Title", kind: "Kind of session", date: "Date",
		place: "Place", organisers: "Organised by", audience: "Audience", part: "Excerpt %d of %d",
		begin: "=== BEGINNING OF THE TEXT ===", end: "=== END OF THE TEXT ===",
		kinds: map[model.SessionKind]string{
			model.KindWorkshop: "workshop", model.KindWebinar: "webinar", model.KindPublicMeeting: "public meeting",
			model.KindConsultation: "consultation", model.KindOther: "other",
		},
	},
}

// condenseInstructions is the system prompt of a chunk pass: when a source is too long for the
// model, each piece is condensed with it, then the preset runs on the condensed pieces.
var condenseInstructions = map[model.Language]string{
	model.French: "Tu condenses un extrait du compte-rendu d’une séance de participation citoyenne, " +
		"pour qu’un autre passage en tire ensuite un document. Résume fidèlement l’extrait : garde les chiffres, " +
		"les noms et fonctions, les dates et horaires, les lieux, les décisions, les désaccords et qui a dit quoi, " +
		"exactement comme ils sont écrits. N’invente rien, ne juge rien, n’ajoute aucun commentaire. Garde les " +
		"intertitres de l’extrait. Réponds uniquement par le résumé, en français, en Markdown.",
	model.English: "You condense an excerpt of the report of a citizen-participation session, so that a later " +
		"pass can write a document from it. Summarise the excerpt faithfully: keep figures, names and roles, " +
		"dates and times, places, decisions, disagreements and who said what, exactly as written. Invent " +
		"nothing, judge nothing, add no comment. Keep the excerpt's headings. Answer only with the summary, " +
		"in English, in Markdown.",
}

// CondenseInstructions returns the fixed system prompt of the chunk passes in lang: "summarise
// faithfully, keep figures, names, dates, decisions; invent nothing".
func CondenseInstructions(lang model.Language) string {
	if s, ok := condenseInstructions[lang]; ok {
		return s
	}
	return condenseInstructions[model.French]
}

// PromptMessages returns the exact prompt an engine sends for req: a system message holding
// the preset's Instructions in the report's language, their variables ({{titre}}, {{date}},
// {{lieu}}, {{public}}, {{longueur}}) filled from the report, and a user message holding the
// report's metadata (title, kind, date, place, organisers, audience, when set) then its
// Markdown body between "=== DÉBUT DU TEXTE ===" and "=== FIN DU TEXTE ===" lines (English
// markers for an English report).
func PromptMessages(req Request) []Message {
	lang := PromptLanguage(req)
	return []Message{
		{Role: "system", Content: model.ExpandVariables(req.Preset.Instructions.In(lang), req.Source.Meta, req.Preset, analysis.WordCount(req.Source.Body), lang)},
		{Role: "user", Content: userMessage(req.Source.Meta, lang, req.Source.Body, "")},
	}
}

// CondenseMessages returns the prompt of the chunk pass for piece i (from 1) of n of req's
// source: CondenseInstructions, then the piece with the report's metadata and an "Extrait i
// sur n" note.
func CondenseMessages(req Request, piece string, i, n int) []Message {
	lang := PromptLanguage(req)
	return []Message{
		{Role: "system", Content: CondenseInstructions(lang)},
		{Role: "user", Content: userMessage(req.Source.Meta, lang, piece, fmt.Sprintf(labelsFor(lang).part, i, n))},
	}
}

// TextMarkers returns the lines that open and close the report's text in a user message in
// lang.
func TextMarkers(lang model.Language) (begin, end string) {
	w := labelsFor(lang)
	return w.begin, w.end
}

// userMessage writes the metadata, an optional note, then body between markers.
func userMessage(m model.Meta, lang model.Language, body, note string) string {
	w := labelsFor(lang)
	var b strings.Builder
	b.WriteString(w.intro + "\n\n")
	sep := " : "
	if lang == model.English {
		sep = ": "
	}
	field := func(label, value string) {
		if v := strings.TrimSpace(value); v != "" {
			b.WriteString(label + sep + v + "\n")
		}
	}
	field(w.title, m.Title)
	field(w.kind, w.kinds[m.Kind])
	field(w.date, model.FormatDate(m.Date, lang))
	field(w.place, m.Place)
	field(w.organisers, m.Organisers)
	field(w.audience, m.Audience)
	if note != "" {
		b.WriteString("\n" + note + "\n")
	}
	b.WriteString("\n" + w.begin + "\n")
	b.WriteString(strings.TrimSpace(body))
	b.WriteString("\n" + w.end + "\n")
	return b.String()
}

func labelsFor(lang model.Language) promptWords {
	if w, ok := promptLabels[lang]; ok {
		return w
	}
	return promptLabels[model.French]
}

// PromptLanguage is the language of req's report, French when unset: the language of the
// instructions and labels an engine sends.
func PromptLanguage(req Request) model.Language {
	if req.Source.Language.Valid() {
		return req.Source.Language
	}
	return model.French
}
