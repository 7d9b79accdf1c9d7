package export

import (
	"fmt"
	"strings"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// Styles of the appendix.
var (
	promptText = style{"", 7.5}
	promptRole = style{"B", 8}
)

const promptLineH = 3.6

// appendix draws, for every variant, how it was generated: model, machine, preset,
// settings, timings, tokens (words for the built-in engine) and the exact messages sent; then the source text in full, or
// only its facts when Options.SourceFacts is set.
func (d *document) appendix() {
	y := d.sectionPage(d.ext.appendix)
	for i, v := range d.c.Variants {
		name := fmt.Sprintf(d.lab.variant, i+1)
		y = d.h2(y, name)
		d.pdf.Bookmark(name, 1, y-12)
		y = d.generation(y, v)
		y = d.prompts(y, d.c.Prompts[v.ID])
	}
	d.sourceAppendix(y)
}

// generation lists what made a variant: model, machine, preset, settings, timings, tokens
// (words for the built-in engine).
func (d *document) generation(y float64, v model.Variant) float64 {
	host := d.where(v)
	if h := cleanLine(v.Host, d.fs); h != "" {
		host += " (" + h + ")"
	}
	rows := []struct{ label, value string }{
		{d.ext.model, d.engineName(v, true)},
		{d.ext.host, host},
		{d.lab.preset, d.presetVersion(v)},
		{d.ext.options, d.optionsText(v.Options)},
		{d.ext.timings, d.timings(v.Stats)},
	}
	if s := v.Stats; s.PromptTokens > 0 || s.OutputTokens > 0 {
		head, format := d.ext.tokensHead, d.ext.tokens
		if v.Engine == model.EngineBuiltin { // it counts words: it has no tokenizer
			head, format = d.ext.wordsHead, d.ext.wordsRead
		}
		rows = append(rows, struct{ label, value string }{head,
			fmt.Sprintf(format, d.lab.formatCount(s.PromptTokens), d.lab.formatCount(s.OutputTokens))})
	}
	for _, r := range rows {
		if r.value == "" {
			continue
		}
		y = d.room(y, flowLineH)
		d.text(marginX, y, coverLabel, colorMuted, d.fit(coverLabel, r.label, 40))
		y = d.paragraph(marginX+42, y, flowW-42, flowText, colorText, r.value, flowLineH)
	}
	return y
}

// presetVersion names the preset of v with the version it was generated with, when recorded
// (the word is the same in French and English).
func (d *document) presetVersion(v model.Variant) string {
	if v.PresetVersion > 0 {
		return fmt.Sprintf("%s, version %d", d.presetName(v.PresetID), v.PresetVersion)
	}
	return d.presetName(v.PresetID)
}

// timings writes a variant's timings: total, loading, reading the prompt, writing, first word.
func (d *document) timings(s model.Stats) string {
	var parts []string
	add := func(label string, t time.Duration) {
		if t > 0 {
			parts = append(parts, joinNonEmpty(" ", label, d.duration(t)))
		}
	}
	add("", s.Total)
	add(d.ext.load, s.Load)
	add(d.ext.promptEval, s.PromptEval)
	add(d.ext.eval, s.Eval)
	add(d.ext.firstToken, s.FirstToken)
	return strings.Join(parts, " · ")
}

// prompts draws the exact messages sent to the model, each under its role, line by line.
func (d *document) prompts(y float64, ps []Prompt) float64 {
	if len(ps) == 0 {
		return y
	}
	y = d.paragraph(marginX, d.room(y+2, 3*flowLineH), flowW, flowBold, colorAccent, d.ext.prompt, flowLineH)
	for _, p := range ps {
		role := d.ext.roles[p.Role]
		if role == "" {
			role = cleanLine(p.Role, d.fs)
		}
		y = d.paragraph(marginX, d.room(y+1, 3*promptLineH), contentW, promptRole, colorText, role, promptLineH+0.4)
		for line := range strings.SplitSeq(cleanText(d.elideSource(p.Content), d.fs), "\n") {
			if strings.TrimSpace(line) == "" {
				y += promptLineH / 2
				continue
			}
			top := d.room(y, promptLineH)
			y = d.paragraph(marginX+4, top, contentW-4, promptText, colorMuted, line, promptLineH)
			d.pdf.SetDrawColor(colorRule.r, colorRule.g, colorRule.b)
			d.pdf.SetLineWidth(0.4)
			d.pdf.Line(marginX+1, top-2.6, marginX+1, y-promptLineH+1)
		}
	}
	return y
}

// elideSource replaces, in a message, the whole source text by a mention of it, so that a
// long source is not printed once more for every variant: it is in the columns, and in full
// at the end of the appendix unless only its facts are.
func (d *document) elideSource(content string) string {
	body := strings.TrimSpace(d.c.Source.Body)
	if len(body) < 200 || !strings.Contains(content, body) {
		return content
	}
	mention := fmt.Sprintf(d.ext.elided, fmt.Sprintf(d.lab.revision, d.c.Source.Number),
		fmt.Sprintf(d.lab.words, d.lab.formatCount(countWords(d.body))))
	return strings.Replace(content, body, mention, 1)
}

// sourceAppendix draws the source in full, or only its facts.
func (d *document) sourceAppendix(y float64) {
	if !d.c.Options.SourceFacts {
		y = d.h2(y, d.ext.sourceFull)
		d.pdf.Bookmark(d.ext.sourceFull, 1, y-12)
		d.markdownFlow(y, marginX, flowW, flowText, d.body)
		return
	}
	y = d.h2(y, d.ext.sourceFacts)
	d.pdf.Bookmark(d.ext.sourceFacts, 1, y-12)
	facts := d.factTexts(d.sourceFacts())
	if len(facts) == 0 {
		d.paragraph(marginX, y, flowW, flowNote, colorMuted, d.ext.noFacts, flowLineH)
		return
	}
	d.paragraph(marginX, y, flowW, flowText, colorText, strings.Join(dedupe(facts), " · "), flowLineH+0.6)
}

// sourceFacts are the facts of the source, as analysed for the summary.
func (d *document) sourceFacts() []analysis.Fact {
	if d.src == nil {
		return nil
	}
	return d.src.Facts
}
