package analysis

import (
	"unicode"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

// Light stemming for sentence support: words are compared by a key that forgets case, accents,
// inclusive-writing endings, plurals, feminines and the common verb and noun endings, so that
// « participant·es », « participants », « participation » and « participer » share a key, as do
// "residents" and "resident", "proposed" and "proposal". It is a light stemmer in the manner of
// Savoy's French one and of the first steps of Porter's: a short list of endings removed
// longest first, never leaving fewer than three letters. Both sides of a comparison go
// through it, so a rough stem only matters where two different words would meet.

// foldWord appends to dst the word w in lower case, without accents (é → e, œ → oe, ç → c),
// cut at an inclusive-writing mark (« participant·es », « inscrit.e.s » → participant,
// inscrit) and at an apostrophe that ends it.
func foldWord(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		if r == '·' || (r == '.' && inclusiveEnding(w[i+size:])) {
			break
		}
		if r < utf8.RuneSelf {
			c := byte(r)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		} else {
			dst = appendFolded(dst, unicode.ToLower(r))
		}
		i += size
	}
	return dst
}

// inclusiveEnding reports the rest of a word after a dot that is an inclusive-writing ending:
// "e", "es", "e.s", "ne.s", "rice.s"…
func inclusiveEnding(rest string) bool {
	if rest == "" || len(rest) > 6 {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; c != '.' && c != 'e' && c != 's' && c != 'n' && c != 'r' && c != 'i' && c != 'c' && c != 'x' && c != 'l' {
			return false
		}
	}
	return true
}

// appendFolded appends the lower-case letter r without its accent.
func appendFolded(dst []byte, r rune) []byte {
	switch r {
	case 'à', 'â', 'ä', 'á', 'ã':
		return append(dst, 'a')
	case 'é', 'è', 'ê', 'ë':
		return append(dst, 'e')
	case 'î', 'ï', 'í':
		return append(dst, 'i')
	case 'ô', 'ö', 'ó':
		return append(dst, 'o')
	case 'ù', 'û', 'ü', 'ú':
		return append(dst, 'u')
	case 'ç':
		return append(dst, 'c')
	case 'ÿ':
		return append(dst, 'y')
	case 'ñ':
		return append(dst, 'n')
	case 'œ':
		return append(dst, 'o', 'e')
	case 'æ':
		return append(dst, 'a', 'e')
	case '’':
		return append(dst, '\'')
	case '‐':
		return append(dst, '-')
	}
	return utf8.AppendRune(dst, r)
}

// French endings, tried in this order (longest first within a family); the first that leaves
// at least minStem letters is removed.
var frenchEndings = []string{
	"issements", "issement", "ements", "ement", "ations", "ation", "aisons", "aison", "itions", "ition", "atrices",
	"atrice", "ateurs", "ateur", "euses", "euse", "eux", "ives", "ive", "ifs", "if", "iennes",
	"ienne", "iens", "ien", "elles", "elle", "els", "el", "eraient", "aient", "erons", "erez", "eront",
	"erait", "era", "ait", "ais", "antes", "ante", "ants", "ant", "ees", "ee", "es", "er", "ez",
	"ons", "ent", "ions", "ion", "eries", "erie", "ies", "ie", "ir", "ire", "is", "it", "ues", "ue", "us", "ere", "e", "s", "x",
}

// English endings, in the same manner.
var englishEndings = []string{
	"ations", "ation", "ements", "ement", "ments", "ment", "ings", "ing", "ingly", "edly", "ers",
	"er", "ed", "ies", "ly", "als", "al", "es", "e", "s",
}

const minStem = 3

// frenchByLast and englishByLast are the endings grouped by their last letter, in order.
var frenchByLast, englishByLast = byLastLetter(frenchEndings), byLastLetter(englishEndings)

func byLastLetter(endings []string) [256][]string {
	var out [256][]string
	for _, e := range endings {
		out[e[len(e)-1]] = append(out[e[len(e)-1]], e)
	}
	return out
}

// stemWord removes the light ending of a folded word in place and returns it.
func stemWord(w []byte, lang model.Language) []byte {
	if len(w) <= minStem {
		return w
	}
	if lang == model.English {
		if len(w) > 4 && string(w[len(w)-3:]) == "ies" {
			return append(w[:len(w)-3], 'y')
		}
		return undouble(w[:len(w)-len(ending(w, lang, &englishByLast))])
	}
	w = bilityNoun(w)
	w = undouble(w[:len(w)-len(ending(w, lang, &frenchByLast))])
	// a French verb in -oyer, -uyer, -ayer and its noun in -oiement, -uiement, -aiement: « déployer » → deploy → deploi, as « déploiement »
	if n := len(w); n > minStem && w[n-1] == 'y' && (w[n-2] == 'o' || w[n-2] == 'u' || w[n-2] == 'a') {
		w[n-1] = 'i'
	}
	// a final u of a French stem, which « -ue » takes and « -uer » leaves: « salué » → sal, « saluer » → salu → sal
	if n := len(w); n > minStem && w[n-1] == 'u' {
		w = w[:n-1]
	}
	return w
}

// undouble removes a doubled final consonant left by an ending: « nouvelle » → nouvell →
// nouvel, "planned" → plann → plan.
func undouble(w []byte) []byte {
	if n := len(w); n > minStem && w[n-1] == w[n-2] && w[n-1] != 's' && !isVowel(w[n-1]) {
		return w[:n-1]
	}
	return w
}

// ending returns the ending of w to remove: a noun ending, else the first of endings that
// leaves at least minStem letters, else "".
func ending(w []byte, lang model.Language, endings *[256][]string) string {
	if e := nounEnding(w, lang); e != "" {
		return e
	}
	for _, e := range endings[w[len(w)-1]] {
		if len(w)-len(e) >= minStem && string(w[len(w)-len(e):]) == e {
			return e
		}
	}
	return ""
}

// nounEnding returns the French noun ending « -ance(s) » of w when at least four letters stay
// (« méfiance » → méfi, as « méfient »; « finance » is left whole), else "".
func nounEnding(w []byte, lang model.Language) string {
	if lang == model.English {
		return ""
	}
	for _, e := range [...]string{"ances", "ance"} {
		if len(w)-len(e) > minStem && string(w[len(w)-len(e):]) == e {
			return e
		}
	}
	return ""
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
}

// bilityNoun turns a French noun in « -abilité » or « -ibilité » into the adjective's stem, as
// « -able » and « -ible » leave it: « responsabilités » → responsabl, as « responsables ».
func bilityNoun(w []byte) []byte {
	n := len(w)
	if n > 0 && w[n-1] == 's' {
		n--
	}
	if n < len("xxabilite") || string(w[n-len("bilite"):n]) != "bilite" || (w[n-7] != 'a' && w[n-7] != 'i') {
		return w
	}
	return append(w[:n-len("ilite")], 'l')
}
