package workflow

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
)

// ModelLookup returns what a host reports of one of its models, and false when it is unknown
// (the host is offline, or does not have it).
type ModelLookup func(host, name string) (ollama.ModelInfo, bool)

// Record is everything known of one run: what the comparison PDF shows and the archive keeps.
// The optional fields may be left empty.
type Record struct {
	// Source is the exact revision the variants were made from.
	Source model.Revision
	// Run is the request: its specs.
	Run model.Run
	// Variants are the run's variants, in the order shown.
	Variants []model.Variant
	// Presets name the variants' presets and give the instructions of old variants that did
	// not record theirs.
	Presets []model.Preset
	// SourceAnalysis is the source's analysis, when the run was analysed.
	SourceAnalysis *analysis.SourceAnalysis
	// Analyses are the variants' analyses against the source, by variant ID.
	Analyses map[int64]analysis.VariantAnalysis
	// Votes are the blind votes on the run.
	Votes []model.Vote
	// Critiques are the models' critiques, by variant ID.
	Critiques map[int64][]model.Critique
	// Reviews are the « relu par » marks, by variant ID.
	Reviews map[int64]model.ReviewMark
	// Models tells each model's size, quantisation and digest; nil: unknown.
	Models ModelLookup
	// DeviceWatts and GridIntensity are the energy settings (0: analysis's defaults).
	DeviceWatts, GridIntensity float64
}

// Publication is how a comparison document is published.
type Publication struct {
	// Language is the language of the document's labels.
	Language model.Language
	// Options are the user's choices of content.
	Options export.ComparisonOptions
	// Exported is the moment of export.
	Exported time.Time
	// AppVersion is Rapporteur's version.
	AppVersion string
}

// Comparison builds the comparison document of the record: every variant with its analysis,
// energy, model description and exact prompt, the votes, critiques and review marks. The
// document holds copies: the record may change while the PDF is written.
func (r Record) Comparison(p Publication) export.Comparison {
	doc := export.Comparison{
		Source: r.Source, Variants: slices.Clone(r.Variants), Presets: r.Presets, Language: p.Language,
		Exported: p.Exported, AppVersion: p.AppVersion, Options: p.Options,
		SourceAnalysis: r.SourceAnalysis, VariantAnalyses: maps.Clone(r.Analyses), Votes: slices.Clone(r.Votes),
		Critiques: map[int64][]model.Critique{}, Reviews: maps.Clone(r.Reviews),
		Energy: map[int64]analysis.Energy{}, Models: map[int64]string{}, Prompts: map[int64][]export.Prompt{},
	}
	for _, v := range r.Variants {
		doc.Energy[v.ID] = r.Energy(v)
		if d := r.ModelDescription(v); d != "" {
			doc.Models[v.ID] = d
		}
		if msgs := Prompt(r.Source, v, r.Presets); len(msgs) > 0 {
			doc.Prompts[v.ID] = msgs
		}
		if list := r.Critiques[v.ID]; len(list) > 0 {
			doc.Critiques[v.ID] = slices.Clone(list)
		}
	}
	return doc
}

// Archive builds the archive of the record, written by generator at exported.
func (r Record) Archive(generator string, exported time.Time) export.Archive {
	a := export.Archive{Generator: generator, Exported: exported.UTC(), Run: r.Run, Votes: append([]model.Vote{}, r.Votes...),
		Source: export.ArchivedSource{Revision: r.Source, Analysis: r.SourceAnalysis}}
	for _, v := range r.Variants {
		av := export.ArchivedVariant{Variant: v, Prompt: Prompt(r.Source, v, r.Presets), ModelDescription: r.ModelDescription(v),
			Energy: r.Energy(v), Critiques: slices.Clone(r.Critiques[v.ID])}
		if va, ok := r.Analyses[v.ID]; ok {
			av.Analysis = &va
		}
		if m, ok := r.Reviews[v.ID]; ok {
			av.Review = &m
		}
		a.Variants = append(a.Variants, av)
	}
	return a
}

// Energy is v's energy with the record's settings and the size of its model.
func (r Record) Energy(v model.Variant) analysis.Energy {
	watts, grid := r.DeviceWatts, r.GridIntensity
	if watts <= 0 {
		watts = analysis.DefaultDeviceWatts
	}
	if grid <= 0 {
		grid = analysis.DefaultGridIntensity
	}
	var params float64
	if info, ok := r.model(v); ok {
		params, _ = analysis.ParseParameterSize(info.ParameterSize)
	}
	return analysis.EnergyFor(v, params, watts, grid)
}

// ModelDescription names the model of v with its size, quantisation and digest, as recorded
// when v was generated or else as its host reports them, and the host ("mistral:7b · 7.2B ·
// Q4_K_M · 6577803aa9a0 (127.0.0.1:11434)"); "" for the built-in engine.
func (r Record) ModelDescription(v model.Variant) string {
	if v.Engine == model.EngineBuiltin {
		return ""
	}
	info, ok := r.model(v)
	if !ok {
		return fmt.Sprintf("%s (%s)", v.Model, HostName(v.Host))
	}
	return fmt.Sprintf("%s · %s · %s · %s (%s)", v.Model, info.ParameterSize, info.Quantization, ShortDigest(info.Digest), HostName(v.Host))
}

// model is what is known of v's model: what its generation recorded, else what its host
// reports now (variants made before the details were recorded).
func (r Record) model(v model.Variant) (ollama.ModelInfo, bool) {
	if info, ok := ollama.Recorded(v); ok {
		return info, true
	}
	if v.Engine != model.EngineOllama || r.Models == nil {
		return ollama.ModelInfo{}, false
	}
	return r.Models(v.Host, v.Model)
}

// Prompt returns the messages a model variant was asked with; none for the built-in engine.
// The instructions are those recorded on the variant when it was generated, even if its
// preset has changed or been deleted since; older variants, which lack them, get the preset's
// current ones.
func Prompt(rev model.Revision, v model.Variant, presets []model.Preset) []export.Prompt {
	p, ok := model.FindPreset(presets, v.PresetID)
	if v.Engine == model.EngineBuiltin || !ok && v.Prompt == "" {
		return nil
	}
	msgs := ollama.Messages(generate.Request{Source: rev, Preset: p, Spec: v.Spec})
	if v.Prompt != "" {
		msgs[0].Content = v.Prompt
	}
	out := make([]export.Prompt, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, export.Prompt{Role: m.Role, Content: m.Content})
	}
	return out
}

// HostName is the host and port of an Ollama address, as people read it ("10.0.0.2:11434").
func HostName(host string) string {
	if u, err := url.Parse(host); err == nil && u.Host != "" {
		return u.Host
	}
	return host
}

// ShortDigest is the first 12 hexadecimal digits of a model's digest.
func ShortDigest(d string) string {
	d = strings.TrimPrefix(d, "sha256:")
	if len(d) > 12 {
		return d[:12]
	}
	return d
}

// Analyze measures the source and each variant with text against it, as the comparison view
// does.
func (r *Record) Analyze() {
	sa := analysis.AnalyzeSource(r.Source.Body, r.Source.Language)
	r.SourceAnalysis, r.Analyses = &sa, map[int64]analysis.VariantAnalysis{}
	for _, v := range r.Variants {
		if v.Text != "" {
			r.Analyses[v.ID] = analysis.AnalyzeVariant(sa, v.Text)
		}
	}
}

// FileStem is the name a file about title is offered under, without its extension:
// model.Slug of the title, or "comparaison" when it has no letter or digit.
func FileStem(title string) string {
	if s := model.Slug(title); s != "" {
		return s
	}
	return "comparaison"
}
