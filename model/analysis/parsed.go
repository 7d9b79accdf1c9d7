package analysis

import "github.com/rapporteur/rapporteur/model"

// parsedText is a text split once into sentences, their plain forms and their words, for the
// measures that all read it that way (Measure, PlainLanguage).
type parsedText struct {
	sentences []Sentence
	plains    []string   // Plain(sentences[i].Text)
	words     [][]string // Words(plains[i]), sharing one backing array
}

// parseText splits text in lang.
func parseText(text string, lang model.Language) parsedText {
	p := parsedText{sentences: Sentences(text, lang)}
	p.plains = make([]string, len(p.sentences))
	p.words = make([][]string, len(p.sentences))
	all := make([]string, 0, len(text)/6+1)
	for i, s := range p.sentences {
		p.plains[i] = Plain(s.Text)
		start := len(all)
		eachWord(p.plains[i], func(w string) { all = append(all, w) })
		p.words[i] = all[start:len(all):len(all)]
	}
	return p
}
