package generate

import (
	"context"
	"errors"
	"strings"
	"sync"

	"github.com/rapporteur/rapporteur/model"
)

// The presets of the review passes. They need a language model (no Method) and are not
// styles of variant: a generation matrix leaves them out (see VariantPresets).
const (
	// PresetCritique is the preset that critiques a variant against its source.
	PresetCritique = "critique"
	// PresetRevise is the preset that rewrites a variant from its critique.
	PresetRevise = "reviser"
)

// VariantPresets returns the presets of ps a user can ask variants of: all but PresetCritique,
// PresetRevise and PresetImprove.
func VariantPresets(ps []model.Preset) []model.Preset {
	out := make([]model.Preset, 0, len(ps))
	for _, p := range ps {
		if p.ID != PresetCritique && p.ID != PresetRevise && p.ID != PresetImprove {
			out = append(out, p)
		}
	}
	return out
}

// blockWords are the fixed words of a review request's body, per language.
type blockWords struct {
	instructions              string // label of the variant's preset
	source, variant, critique string // names of the blocks, in the markers
	preset                    string // name of the instructions block of a revision
	begin, end                string // the words that open and close a block's name
}

// dashes frame a marker line; a marker found inside a text gets them replaced by emDash.
const (
	dashes = "---"
	emDash = "—"
)

// block is one delimited part of a review request's body.
type block struct{ name, text string }

var reviewWords = map[model.Language]blockWords{
	model.French: {instructions: "Consigne de la variante", source: "LA SOURCE", variant: "LA VARIANTE",
		critique: "LA CRITIQUE", preset: "LA CONSIGNE", begin: "DÉBUT DE ", end: "FIN DE "},
	model.English: {instructions: "Instructions of the variant", source: "THE SOURCE", variant: "THE VARIANT",
		critique: "THE CRITIQUE", preset: "THE INSTRUCTIONS", begin: "BEGINNING OF ", end: "END OF "},
}

// markers returns the opening and closing lines of the block named name.
func (w blockWords) markers(name string) (begin, end string) {
	return dashes + " " + w.begin + name + " " + dashes, dashes + " " + w.end + name + " " + dashes
}

// reviewBody writes the body of a review request. Its format, in the source's language:
//
//	Consigne de la variante : <preset name> — <preset description>
//
//	--- DÉBUT DE LA SOURCE ---
//	<the revision's body>
//	--- FIN DE LA SOURCE ---
//
//	--- DÉBUT DE LA VARIANTE ---
//	<the variant's text>
//	--- FIN DE LA VARIANTE ---
//
// A revision also has, between the source and the variant, the variant preset's full
// instructions between "--- DÉBUT DE LA CONSIGNE ---" and "--- FIN DE LA CONSIGNE ---", and
// after the variant the critique between "--- DÉBUT DE LA CRITIQUE ---" and "--- FIN DE LA
// CRITIQUE ---". In English the label is "Instructions of the
// variant:" and the markers "--- BEGINNING OF THE SOURCE ---", "--- END OF THE SOURCE ---", and
// so on. A marker line inside a text is defused (its dashes become "—") so no text can close its
// block early. The presets' instructions name these markers.
func reviewBody(lang model.Language, p model.Preset, source, variant, instructions, critique string) string {
	w := reviewWords[lang]
	var b strings.Builder
	label := p.Name.In(lang)
	if d := p.Description.In(lang); d != "" {
		label += " — " + d
	}
	sep := " : "
	if lang == model.English {
		sep = ": "
	}
	b.WriteString(w.instructions + sep + label + "\n")
	blocks := []block{{w.source, source}, {w.variant, variant}}
	if critique != "" {
		blocks = []block{{w.source, source}, {w.preset, instructions}, {w.variant, variant}, {w.critique, critique}}
	}
	for _, blk := range blocks {
		begin, end := w.markers(blk.name)
		b.WriteString("\n" + begin + "\n" + defuse(w, strings.TrimSpace(blk.text)) + "\n" + end + "\n")
	}
	return b.String()
}

// defuse rewrites every marker of w found in text so it no longer reads as one.
func defuse(w blockWords, text string) string {
	for _, name := range []string{w.source, w.variant, w.critique, w.preset} {
		begin, end := w.markers(name)
		for _, m := range []string{begin, end} {
			text = strings.ReplaceAll(text, m, strings.ReplaceAll(m, dashes, emDash))
		}
	}
	return text
}

// CritiqueRequest builds the Request an engine gets to critique variant v of rev: the preset
// PresetCritique from presets, spec with its PresetID set to PresetCritique, and as Source the
// revision with a Body holding the variant's preset, the source and the variant in the format
// of reviewBody, so an engine that sends the preset's instructions and the report's body (the
// Ollama engine) needs nothing else. It fails with CodePresetMissing without the preset,
// CodeEmptySource when the source or the variant is blank, and CodeInternal when v was not
// generated from rev.
func CritiqueRequest(rev model.Revision, v model.Variant, presets []model.Preset, spec model.Spec) (Request, error) {
	req, variantPreset, err := reviewRequest(rev, v, presets, spec, PresetCritique)
	if err != nil {
		return Request{}, err
	}
	req.Source.Body = reviewBody(req.Source.Language, variantPreset, rev.Body, v.Text, "", "")
	return req, nil
}

// ReviseRequest builds the Request for a new variant written from the source, variant v and
// its critique c, with the preset PresetRevise: as CritiqueRequest, with the instructions v
// was generated with (v.Prompt, or its preset's current ones for older variants) and the
// critique after the variant. It also fails with CodeEmptySource
// when the critique is blank, and CodeInternal when c is not a critique of v.
func ReviseRequest(rev model.Revision, v model.Variant, c model.Critique, presets []model.Preset, spec model.Spec) (Request, error) {
	req, variantPreset, err := reviewRequest(rev, v, presets, spec, PresetRevise)
	if err != nil {
		return Request{}, err
	}
	if c.VariantID != 0 && c.VariantID != v.ID {
		return Request{}, newError(CodeInternal, "critique %d is of variant %d, not %d", c.ID, c.VariantID, v.ID)
	}
	if strings.TrimSpace(c.Text) == "" {
		return Request{}, newError(CodeEmptySource, "the critique has no text")
	}
	lang := req.Source.Language
	instructions := variantPreset.Instructions.In(lang)
	if v.Prompt != "" {
		instructions = v.Prompt // what the model was actually told, whatever the preset became
	}
	req.Source.Body = reviewBody(lang, variantPreset, rev.Body, v.Text, instructions, c.Text)
	return req, nil
}

// reviewRequest checks what both review requests need and returns the request without its
// body, and the preset v was written with (a preset named by its id when presets lack it).
func reviewRequest(rev model.Revision, v model.Variant, presets []model.Preset, spec model.Spec, presetID string) (Request, model.Preset, error) {
	p, ok := model.FindPreset(presets, presetID)
	if !ok {
		return Request{}, model.Preset{}, newError(CodePresetMissing, "no preset with id %q", presetID)
	}
	if v.RevisionID != 0 && rev.ID != 0 && v.RevisionID != rev.ID {
		return Request{}, model.Preset{}, newError(CodeInternal, "variant %d is of revision %d, not %d", v.ID, v.RevisionID, rev.ID)
	}
	if strings.TrimSpace(rev.Body) == "" {
		return Request{}, model.Preset{}, newError(CodeEmptySource, "the source has no text")
	}
	if strings.TrimSpace(v.Text) == "" {
		return Request{}, model.Preset{}, newError(CodeEmptySource, "the variant has no text")
	}
	variantPreset, ok := model.FindPreset(presets, v.PresetID)
	if !ok {
		variantPreset = model.Preset{ID: v.PresetID, Name: model.Localized{model.French: v.PresetID}}
	}
	if !rev.Language.Valid() {
		rev.Language = model.French
	}
	spec.PresetID, spec.PresetVersion = presetID, p.Version
	return Request{Source: rev, Preset: p, Spec: spec}, variantPreset, nil
}

// Critic runs a review pass — a critique built by CritiqueRequest, or a revision built by
// ReviseRequest — on the engine named by req.Spec.Engine, passing its progress on, and returns
// the text and measurements. On failure the text written so far is kept and the error is a
// classified *Error, as for a variant: CodeCancelled when ctx ends, CodeEmptyOutput when the
// engine wrote nothing, the engine's own codes otherwise. The built-in engine cannot critique
// (CodeUnsupportedPreset); an engine missing from engines gives CodeEngineMissing.
func Critic(ctx context.Context, engines []Engine, req Request, progress ProgressFunc) (text string, stats model.Stats, err error) {
	if req.Spec.Engine == model.EngineBuiltin {
		return "", model.Stats{}, newError(CodeUnsupportedPreset, "the built-in engine cannot run preset %q", req.Preset.ID)
	}
	var engine Engine
	for _, e := range engines {
		if e != nil && e.Name() == req.Spec.Engine {
			engine = e
			break
		}
	}
	if engine == nil {
		return "", model.Stats{}, newError(CodeEngineMissing, "no engine %q", req.Spec.Engine)
	}
	var mu sync.Mutex
	var streamed strings.Builder
	res, err := engine.Generate(ctx, req, func(p Progress) {
		mu.Lock()
		streamed.WriteString(p.Delta)
		mu.Unlock()
		if progress != nil {
			progress(p)
		}
	})
	mu.Lock()
	defer mu.Unlock()
	if res.Text == "" {
		res.Text = streamed.String()
	}
	if res.Stats.DoneReason == "" {
		res.Stats.DoneReason = res.DoneReason
	}
	return res.Text, res.Stats, criticError(ctx, res.Text, err)
}

// criticError classifies the error of a review pass that wrote text.
func criticError(ctx context.Context, text string, err error) error {
	var ge *Error
	switch {
	case err == nil && strings.TrimSpace(text) == "":
		return newError(CodeEmptyOutput, "the model wrote nothing")
	case err == nil:
		return nil
	case ctx.Err() != nil && CodeOf(err) != CodeCancelled:
		return &Error{Code: CodeCancelled, Err: errors.Join(ctx.Err(), err)}
	case !errors.As(err, &ge) && CodeOf(err) != CodeCancelled:
		return &Error{Code: CodeInternal, Err: err}
	}
	return err
}

// FinishCritique returns c completed by the outcome of Critic: the text and stats, and the
// status done, cancelled (CodeCancelled) or failed, with the error's English message and code.
func FinishCritique(c model.Critique, text string, stats model.Stats, err error) model.Critique {
	c.Text, c.Stats = text, stats
	c.Status, c.Error, c.ErrorCode = model.StatusDone, "", ""
	if err != nil {
		c.Status, c.Error, c.ErrorCode = model.StatusFailed, err.Error(), string(CodeOf(err))
		if CodeOf(err) == CodeCancelled {
			c.Status = model.StatusCancelled
		}
	}
	return c
}
