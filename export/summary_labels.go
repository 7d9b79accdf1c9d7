package export

import (
	"github.com/rapporteur/rapporteur/model"
)

// extLabels are the words of the summary, review and appendix pages and of the AI-use
// disclosure, in the language of the export.
type extLabels struct {
	aiUse        string // heading of the disclosure on the cover
	madeBy       string // "%s : produite par %s %s, %s."
	madeBuiltin  string // "%s : extraite du texte source par le moteur intégré %s, sans modèle, %s."
	thisComputer string // « sur cet ordinateur »
	onHost       string // "sur la machine %s"
	onNetwork    string // "sur %s, une machine du réseau local"
	remote       string // "par un service distant, %s, hors de cet ordinateur et de son réseau"
	viaOpenAI    string // ", par l’API compatible OpenAI de son serveur"
	retried      string // ", relancée là après l’arrêt de %s, qui avait commencé à l’écrire"
	reviewedBy   string // "relue par %s le %s"
	notReviewed  string
	options      string // "Réglages"
	temperature  string
	seed         string
	topP         string
	numCtx       string
	numPredict   string
	think        string
	summary      string // heading of the summary page
	measure      string
	sourceShort  string
	wordsHead    string
	readingHead  string // "Lecture"
	readability  string // "Lisibilité (Kandel-Moles)"
	keptHead     string
	lostHead     string
	introHead    string
	durationHead string
	speedHead    string
	measuredHead string
	estimHead    string
	votesHead    string
	energyNote   string
	raplMark     string // "RAPL": an energy on this computer measured by the processor's counters
	estMark      string // "est.": an energy estimated from the time and the power set
	chartWords   string
	chartFacts   string
	legendLost   string
	legendIntro  string
	lostFacts    string // "Faits du source absents (%d)"
	review       string
	votes        string
	noVotes      string
	vote         string // "Vote %d"
	outcomes     map[model.Outcome]string
	preferred    string // "%s préférée"
	by           string // "par %s"
	shownAs      string // "%s : %s"
	reasons      map[model.Reason]string
	critiques    string
	critiqueBy   string // "Critique de la %s par %s"
	reviewMarks  string
	appendix     string
	prompt       string
	roles        map[string]string
	model        string
	host         string
	timings      string
	load         string
	promptEval   string
	eval         string
	firstToken   string
	tokens       string // "%s jetons lus, %s écrits"
	tokensHead   string
	wordsRead    string // "%s mots lus, %s écrits": the built-in engine counts words, not tokens
	maskNote     string
	elided       string // "[texte source, %s, %s]"
	sourceFull   string
	sourceFacts  string
	noFacts      string
	masked       string
	decimal      string
}

var frenchExt = extLabels{
	aiUse:        "Usage de l’intelligence artificielle",
	madeBy:       "%s\u00a0: produite par le modèle %s %s, %s.",
	madeBuiltin:  "%s\u00a0: extraite du texte source par le moteur intégré de Rapporteur %s, sans modèle de langue, %s.",
	thisComputer: "sur cet ordinateur", onHost: "sur la machine %s",
	onNetwork:  "sur %s, une machine du réseau local",
	remote:     "par un service distant, %s, hors de cet ordinateur et de son réseau",
	viaOpenAI:  ", par l’API compatible OpenAI de son serveur",
	retried:    ", écrite à nouveau là après l’arrêt de la machine %s, qui l’avait commencée",
	reviewedBy: "relue par %s le %s", notReviewed: "pas encore relue",
	options: "Réglages", temperature: "température", seed: "graine", topP: "top-p",
	numCtx: "contexte", numPredict: "sortie max.", think: "réflexion",
	summary: "Synthèse des mesures", measure: "Texte", sourceShort: "Source",
	wordsHead: "Mots", readingHead: "Lecture", readability: "Lisibilité", keptHead: "Faits gardés",
	lostHead: "perdus", introHead: "introduits", durationHead: "Durée", speedHead: "Jetons/s",
	measuredHead: "Énergie ici", estimHead: "en centre de données", votesHead: "Votes gagnés",
	raplMark: "RAPL", estMark: "est.",
	energyNote: "Énergie ici\u00a0: «\u00a0RAPL\u00a0», mesurée par les compteurs d’énergie du processeur pendant la " +
		"génération (tout le processeur, autres programmes compris)\u202f; «\u00a0est.\u00a0», estimée\u00a0: durée de " +
		"génération × puissance réglée pour cet ordinateur. En centre de données\u00a0: estimation, d’après la taille " +
		"du modèle, de ce qu’aurait coûté la même sortie (modèle EcoLogits), pour comparaison. " +
		"Lisibilité\u00a0: indice de Kandel et Moles (plus élevé = plus facile).",
	chartWords: "Longueur (mots)", chartFacts: "Faits perdus et introduits",
	legendLost: "perdus", legendIntro: "introduits",
	lostFacts: "Faits du texte source absents de la variante (%d)",
	review:    "Relecture", votes: "Votes à l’aveugle", noVotes: "Aucun vote.", vote: "Vote %d",
	outcomes: map[model.Outcome]string{
		model.OutcomePreferred: "une variante préférée", model.OutcomeEquivalent: "variantes équivalentes",
		model.OutcomeNone: "aucune n’est acceptable",
	},
	preferred: "%s préférée", by: "par %s", shownAs: "%s\u00a0= %s",
	reasons: map[model.Reason]string{
		model.ReasonUseful: "utile", model.ReasonComplete: "complète", model.ReasonCreative: "créative",
		model.ReasonClear: "claire", model.ReasonIncorrect: "inexacte",
		model.ReasonIgnoredInstructions: "consigne non suivie", model.ReasonSuperficial: "superficielle",
	},
	critiques: "Critiques par un modèle", critiqueBy: "Critique de la %s par %s",
	reviewMarks: "Relectures humaines", appendix: "Annexe — conditions de génération",
	prompt: "Messages envoyés au modèle",
	roles:  map[string]string{"system": "Instructions (système)", "user": "Message (utilisateur)"},
	model:  "Modèle", host: "Machine", timings: "Durées", load: "chargement", promptEval: "lecture du message",
	eval: "écriture", firstToken: "premier mot", tokens: "%s jetons lus, %s écrits", tokensHead: "Jetons",
	wordsRead: "%s mots lus, %s écrits",
	maskNote: "Données personnelles masquées automatiquement, au mot entier\u00a0: le repérage peut en manquer ou " +
		"masquer à tort\u202f; relisez avant diffusion.",
	elided:     "[ici, le texte source complet\u00a0: %s, %s, tel qu’il figure dans les colonnes]",
	sourceFull: "Texte source complet", sourceFacts: "Faits du texte source", noFacts: "Aucun fait relevé.",
	masked: "[masqué]", decimal: ",",
}

var englishExt = extLabels{
	aiUse:        "Use of artificial intelligence",
	madeBy:       "%s: produced by the model %s %s, %s.",
	madeBuiltin:  "%s: extracted from the source text by Rapporteur’s built-in engine %s, without a language model, %s.",
	thisComputer: "on this computer", onHost: "on the machine %s",
	onNetwork:  "on %s, a machine of the local network",
	remote:     "by a remote service, %s, outside this computer and its network",
	viaOpenAI:  ", through its server’s OpenAI-compatible API",
	retried:    ", written again there after the machine %s, which had begun it, stopped",
	reviewedBy: "reviewed by %s on %s", notReviewed: "not reviewed yet",
	options: "Settings", temperature: "temperature", seed: "seed", topP: "top-p",
	numCtx: "context", numPredict: "max. output", think: "thinking",
	summary: "Summary of the measures", measure: "Text", sourceShort: "Source",
	wordsHead: "Words", readingHead: "Reading", readability: "Readability", keptHead: "Facts kept",
	lostHead: "lost", introHead: "introduced", durationHead: "Time", speedHead: "Tokens/s",
	measuredHead: "Energy here", estimHead: "in a datacenter", votesHead: "Votes won",
	raplMark: "RAPL", estMark: "est.",
	energyNote: "Energy here: “RAPL”, measured by the processor’s energy counters during the generation (the " +
		"whole processor, other programs included); “est.”, estimated: generation time × the power set for this " +
		"computer. In a datacenter: an estimate, from the model’s size, of what the same output would have cost " +
		"(EcoLogits model), for comparison. Readability: Flesch reading ease (higher is easier).",
	chartWords: "Length (words)", chartFacts: "Facts lost and introduced",
	legendLost: "lost", legendIntro: "introduced",
	lostFacts: "Facts of the source text missing from the variant (%d)",
	review:    "Review", votes: "Blind votes", noVotes: "No vote.", vote: "Vote %d",
	outcomes: map[model.Outcome]string{
		model.OutcomePreferred: "one variant preferred", model.OutcomeEquivalent: "variants equivalent",
		model.OutcomeNone: "none is acceptable",
	},
	preferred: "%s preferred", by: "by %s", shownAs: "%s = %s",
	reasons: map[model.Reason]string{
		model.ReasonUseful: "useful", model.ReasonComplete: "complete", model.ReasonCreative: "creative",
		model.ReasonClear: "clear", model.ReasonIncorrect: "incorrect",
		model.ReasonIgnoredInstructions: "ignored the instructions", model.ReasonSuperficial: "superficial",
	},
	critiques: "Critiques by a model", critiqueBy: "Critique of %s by %s",
	reviewMarks: "Human reviews", appendix: "Appendix — how the variants were generated",
	prompt: "Messages sent to the model",
	roles:  map[string]string{"system": "Instructions (system)", "user": "Message (user)"},
	model:  "Model", host: "Machine", timings: "Timings", load: "loading", promptEval: "reading the prompt",
	eval: "writing", firstToken: "first word", tokens: "%s tokens read, %s written", tokensHead: "Tokens",
	wordsRead: "%s words read, %s written",
	maskNote: "Personal data masked automatically, by whole words: the detection may miss some or mask too " +
		"much; read the document before sharing it.",
	elided:     "[here, the full source text: %s, %s, as shown in the columns]",
	sourceFull: "Full source text", sourceFacts: "Facts of the source text", noFacts: "No fact found.",
	masked: "[masked]", decimal: ".",
}

// extLabelsFor returns the extra labels in lang, French when lang is unknown.
func extLabelsFor(lang model.Language) extLabels {
	if lang == model.English {
		return englishExt
	}
	return frenchExt
}
