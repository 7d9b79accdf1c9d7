package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

// Syllables estimates the number of spoken syllables of one word, as readability formulas
// need them. It never returns less than 1, even for a word without a vowel ("l'", "2025").
//
// French counts groups of vowels (a e i o u y and their accented forms, æ and œ), with these
// adjustments:
//   - é ends its group ("ré-a-mé-na-ge-ment", "i-dé-e"), and ï ë ü start a new one ("na-ïf");
//   - a final e or es after a consonant or é is silent ("table", "participant·es", "idée");
//   - the -ent of a plural verb is silent ("écoutent" has 2): a word ending in -ent counts it
//     silent unless it ends in -ment, has fewer than 5 letters, or is one of the common nouns
//     and adjectives in frenchEnt ("président", "souvent"); a rarer noun or adjective in -ent
//     ("diligent") is undercounted by one, a verb in -ment ("aiment") overcounted by one.
//
// English counts groups of vowels (a e i o u, and y after the first letter), then drops a
// silent final e (but not the -le of "table"), the -ed of "worked" (but not of "wanted"), and
// the -es of "makes" (but not of "changes"), and adds the syllabic m of "rhythm" and "prism".
//
// A number or an acronym counts as its vowel groups, not as it is read aloud: "2025" counts 1
// (« deux mille vingt-cinq » has 4), "PLU" 1 (spelt out « pé-èl-u », 3).
//
// In both languages the parts of a word joined by a hyphen or an apostrophe are counted
// separately and added ("quarante-deux" 3, "aujourd'hui" 3); dots and middle dots of inclusive
// writing are ignored ("inscrit·e·s" is read as "inscrites").
func Syllables(word string, lang model.Language) int {
	word = strings.ToLower(word)
	if strings.ContainsAny(word, inclusiveDots) {
		word = dropInclusiveDots.Replace(word)
	}
	n := 0
	for part := range strings.FieldsFuncSeq(word, isPartSeparator) {
		if lang == model.English {
			n += englishSyllables(part)
		} else {
			n += frenchSyllables(part)
		}
	}
	return max(n, 1)
}

// inclusiveDots are the dots of inclusive writing, dropped before counting.
const inclusiveDots = "·.•"

var dropInclusiveDots = strings.NewReplacer("·", "", ".", "", "•", "")

func isPartSeparator(r rune) bool {
	return r == '-' || r == '‐' || r == '\'' || r == '’'
}

// frenchVowels are the letters that carry a French vowel sound.
const frenchVowels = "aeiouyàâäéèêëîïôöùûüÿæœ"

// frenchEnt lists common French nouns, adjectives and adverbs ending in -ent whose ending is
// pronounced, unlike the -ent of a plural verb.
var frenchEnt = wordSet("absent accent accident adolescent agent ardent argent compétent " +
	"conscient content continent client décent différent efficient équivalent évident " +
	"excellent fréquent imprudent incident innocent intelligent orient parent patient " +
	"permanent précédent présent président prudent récent régent résident serpent souvent " +
	"talent transparent urgent violent")

// frenchSyllables counts the vowel groups of a lower-case French word without separators.
func frenchSyllables(w string) int {
	n := 0
	inGroup := false
	for _, r := range w {
		vowel := strings.ContainsRune(frenchVowels, r)
		if vowel && (!inGroup || r == 'ï' || r == 'ë' || r == 'ü') {
			n++
		}
		inGroup = vowel && r != 'é'
	}
	if n <= 1 {
		return n
	}
	if silentFrenchEnding(w) {
		n--
	}
	return n
}

// silentFrenchEnding reports a final e, es or verbal -ent that is not pronounced, in a word
// of more than one vowel group.
func silentFrenchEnding(w string) bool {
	stem, ok := strings.CutSuffix(w, "e")
	if !ok {
		stem, ok = strings.CutSuffix(w, "es")
	}
	if !ok {
		stem, ok = strings.CutSuffix(w, "ent")
		if !ok || strings.HasSuffix(w, "ment") || utf8.RuneCountInString(w) < 5 || frenchEnt[w] {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(stem)
	return last == 'é' || (unicode.IsLetter(last) && !strings.ContainsRune(frenchVowels, last))
}

// englishSyllables counts the syllables of a lower-case English word without separators.
func englishSyllables(w string) int {
	n := 0
	inGroup := false
	for i, r := range w {
		vowel := strings.ContainsRune("aeiou", r) || (r == 'y' && i > 0)
		if vowel && !inGroup {
			n++
		}
		inGroup = vowel
	}
	if n > 1 && silentEnglishEnding(w) {
		n--
	}
	if syllabicM(w) {
		n++ // rhy-thm, pri-sm, tou-ri-sm
	}
	return n
}

// syllabicM reports a final m after th or s, which is a syllable of its own in English
// ("rhythm", "prism", "tourism"), after at least one vowel group.
func syllabicM(w string) bool {
	stem, ok := strings.CutSuffix(w, "m")
	if !ok || !(strings.HasSuffix(stem, "th") || strings.HasSuffix(stem, "s")) {
		return false
	}
	return strings.ContainsAny(stem[:len(stem)-1], "aeiouy")
}

// silentEnglishEnding reports a final e, ed or es that does not add a syllable.
func silentEnglishEnding(w string) bool {
	consonantBefore := func(suffix string) (string, bool) {
		stem, ok := strings.CutSuffix(w, suffix)
		if !ok || stem == "" {
			return "", false
		}
		last := stem[len(stem)-1]
		return stem, last >= 'a' && last <= 'z' && !strings.ContainsRune("aeiouy", rune(last))
	}
	if stem, ok := consonantBefore("e"); ok {
		// -le after a consonant is a syllable of its own: ta-ble, peo-ple.
		return !strings.HasSuffix(w, "le") || len(stem) < 2 || strings.ContainsRune("aeiouy", rune(stem[len(stem)-2]))
	}
	if stem, ok := consonantBefore("ed"); ok {
		return !strings.HasSuffix(stem, "t") && !strings.HasSuffix(stem, "d")
	}
	if stem, ok := consonantBefore("es"); ok {
		for _, s := range []string{"s", "x", "z", "c", "g", "ch", "sh"} {
			if strings.HasSuffix(stem, s) {
				return false
			}
		}
		return true
	}
	return false
}
