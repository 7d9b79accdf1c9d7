package ollamatest

import (
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokens is the server's own token count of a text. It splits the text on
// white space and counts, for each word of n characters (runes, punctuation
// included), round((n+1)/3.5) tokens and at least 1: the word and the space
// before it at about 3.5 characters per token, close to what real tokenizers
// give for French (a short word is one token, "participation" four). White
// space alone counts nothing. The server streams one chunk per token so the
// eval_count of a reply equals Tokens of its text.
func Tokens(text string) int {
	n := 0
	for _, w := range strings.FieldsFunc(text, unicode.IsSpace) {
		n += wordTokens(utf8.RuneCountInString(w))
	}
	return n
}

// wordTokens is round((runes+1)/3.5), at least 1.
func wordTokens(runes int) int {
	return max(1, ((runes+1)*4+7)/14)
}

// promptTokens renders the messages with the recorded models' template
// ("role: content\n" each, then "assistant: ") and counts them, plus one BOS
// token.
func promptTokens(msgs []Message) int {
	var b strings.Builder
	for _, m := range msgs {
		b.WriteString(m.Role + ": " + m.Content + "\n")
	}
	b.WriteString("assistant: ")
	return 1 + Tokens(b.String())
}

// pieces splits a word (with its leading white space) into the chunks the
// server streams, one per token.
func pieces(word string) []string {
	lead := len(word) - len(strings.TrimLeftFunc(word, unicode.IsSpace))
	runes := []rune(word[lead:])
	k := wordTokens(len(runes))
	out := make([]string, 0, k)
	start := 0
	for i := 1; i <= k; i++ {
		end := len(runes) * i / k
		out = append(out, string(runes[start:end]))
		start = end
	}
	out[0] = word[:lead] + out[0]
	return out
}

// fallbackWords are mixed with a short source so the reply has some body.
var fallbackWords = strings.Fields(`la réunion a permis aux habitants du quartier de présenter
leurs propositions sur le projet de la place les participants ont souhaité plus de concertation
avec la mairie et une synthèse claire des échanges de l'atelier`)

// connectors join the runs of words taken from the source.
var connectors = []string{"et", "puis", "ainsi", "donc", "ensuite", "aussi"}

// textGen writes the deterministic reply: runs of 3 to 12 consecutive words of
// the source at pseudo-random places, sometimes joined by a connector.
type textGen struct {
	rng   *rand.Rand
	words []string
	pos   int
	run   int
	count int
	// script, when set, is the fixed reply: words with the white space before them.
	script []string
}

// scriptWords splits a fixed reply into its words, each with the white space (line breaks
// included) before it, so that joining them gives the reply back.
func scriptWords(reply string) []string {
	var out []string
	start := 0
	inWord := false
	for i, r := range reply {
		space := unicode.IsSpace(r)
		if inWord && space {
			out = append(out, reply[start:i])
			start = i
		}
		inWord = !space
	}
	if start < len(reply) {
		out = append(out, reply[start:])
	}
	return out
}

// newTextGen seeds the generator with the model, the messages and the seed, and
// takes its words from the last user message.
func newTextGen(model string, msgs []Message, seed int64) *textGen {
	h := fnv.New64a()
	h.Write([]byte(model + "\x00" + strconv.FormatInt(seed, 10)))
	source := ""
	for _, m := range msgs {
		h.Write([]byte("\x00" + m.Role + "\x00" + m.Content))
		if m.Role == "user" {
			source = m.Content
		}
	}
	words := strings.Fields(source)
	if len(words) < 8 {
		words = append(words, fallbackWords...)
	}
	sum := h.Sum64()
	return &textGen{rng: rand.New(rand.NewPCG(sum, sum>>7^0x9e3779b97f4a7c15)), words: words}
}

// next returns the next word with its leading white space.
func (g *textGen) next() string {
	if len(g.script) > 0 {
		w := g.script[g.count%len(g.script)]
		g.count++
		return w
	}
	if g.run == 0 {
		g.pos = g.rng.IntN(len(g.words))
		g.run = 3 + g.rng.IntN(10)
		if g.count > 0 && g.rng.IntN(3) == 0 {
			g.count++
			return " " + connectors[g.rng.IntN(len(connectors))]
		}
	}
	w := g.words[g.pos]
	g.pos = (g.pos + 1) % len(g.words)
	g.run--
	g.count++
	return " " + w
}

// plan yields the chunks of a reply: thinking words first, then content words,
// each cut into token pieces.
type plan struct {
	gen       *textGen
	thinkLeft int  // thinking words still to write
	wordsLeft int  // content words still to write, unless endless
	endless   bool // never stops by itself
	queue     []string
	thinking  bool // the queued pieces are thinking
}

// next returns the next piece, whether it is thinking, and false at the end.
func (p *plan) next() (string, bool, bool) {
	if len(p.queue) == 0 {
		switch {
		case p.thinkLeft > 0:
			p.thinkLeft--
			p.thinking = true
		case p.endless || p.wordsLeft > 0:
			p.wordsLeft--
			p.thinking = false
		default:
			return "", false, false
		}
		p.queue = pieces(p.gen.next())
	}
	s := p.queue[0]
	p.queue = p.queue[1:]
	return s, p.thinking, true
}
