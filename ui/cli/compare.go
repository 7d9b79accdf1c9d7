package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/store"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// SourceDoc is the source revision and its analysis, flattened in one JSON object.
type SourceDoc struct {
	model.Revision
	// Analysis is what was measured on the source.
	Analysis analysis.SourceAnalysis `json:"analysis"`
}

// VariantDoc is a variant and its analysis against the source, flattened in one JSON object.
type VariantDoc struct {
	model.Variant
	// Analysis compares the variant with the source; absent when it has no text.
	Analysis *analysis.VariantAnalysis `json:"analysis,omitempty"`
	// Energy is measured on this machine and, for a model, estimated for a datacenter.
	Energy analysis.Energy `json:"energy"`
}

// compareOptions are the flags of rapporteur compare.
type compareOptions struct {
	source, engine, presets, pdf, json, lang string
	// presetFile is a shared file of presets offered beside the built-in ones.
	presetFile string
	// all are the built-in presets and those of presetFile.
	all []model.Preset
	// allowRemote lets models that send the report outside this computer and its network
	// (cloud or remote models, hosts on the internet) be used.
	allowRemote bool
	// workspace is the workspace whose learned token counts are used and kept ("": the user's).
	workspace             string
	host, models, options string
	modelOptions          model.Options
}

// Document is the JSON that rapporteur compare writes: the source and its variants. Later
// versions add fields, never rename these.
type Document struct {
	// Source is the report the variants were made from, with its measures and facts.
	Source SourceDoc `json:"source"`
	// Variants are the generated variants, in the order asked, each with its analysis.
	Variants []VariantDoc `json:"variants"`
	// Generator names the application and its version.
	Generator string `json:"generator"`
	// Created is when the document was written.
	Created time.Time `json:"created"`
}

func parseCompare(e *env, args []string) (compareOptions, error) {
	var o compareOptions
	fs := newFlags(e, "compare")
	fs.StringVar(&o.source, "source", "", lang.L("report to compare (.md or .txt)"))
	fs.StringVar(&o.engine, "engine", model.EngineBuiltin, lang.L("engine: builtin or ollama"))
	fs.StringVar(&o.host, "host", ollama.HostFromEnv(), lang.L("Ollama host (default: OLLAMA_HOST or http://127.0.0.1:11434)"))
	fs.StringVar(&o.models, "models", "", lang.L("comma-separated Ollama models, e.g. mistral:7b,llama3.2"))
	fs.StringVar(&o.options, "options", "", lang.L("model options, e.g. temperature=0.2,seed=42,top_p=0.9,num_predict=800,num_ctx=8192"))
	fs.StringVar(&o.presets, "presets", "", lang.L("comma-separated preset ids (default: every preset of the engine)"))
	fs.StringVar(&o.presetFile, "preset-file", "", lang.L("a file of presets shared from Rapporteur (File › Share my templates and presets), to use them beside the built-in ones"))
	fs.StringVar(&o.pdf, "pdf", "", lang.L("write the comparison PDF to this file"))
	fs.StringVar(&o.json, "json", "", lang.L("write the source and variants as JSON to this file"))
	fs.StringVar(&o.lang, "lang", "", lang.L("language of the PDF's labels: fr or en (default: the report's)"))
	fs.BoolVar(&o.allowRemote, "allow-remote", false, lang.L("use models that send the report outside this computer and its network (cloud models, models with a remote host, hosts on the internet); without it they are refused and nothing is sent"))
	fs.StringVar(&o.workspace, "workspace", "", lang.L("workspace whose token counts learned from Ollama are used and kept (default: the user's, when there is one; compare never creates one)"))
	if err := fs.Parse(args); err != nil {
		return o, errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(e.stderr, lang.L("Unexpected argument: {{.Arg}}", map[string]any{"Arg": fs.Arg(0)}))
		return o, errUsage
	}
	if o.source == "" {
		fmt.Fprintln(e.stderr, lang.L("Missing --source FILE: the report to compare."))
		return o, errUsage
	}
	if err := checkEngine(e, &o); err != nil {
		return o, err
	}
	if o.lang != "" && !model.Language(o.lang).Valid() {
		fmt.Fprintln(e.stderr, lang.L("--lang takes fr or en."))
		return o, errUsage
	}
	return o, nil
}

// checkEngine validates the engine and, for Ollama, the host, the models and the options.
func checkEngine(e *env, o *compareOptions) error {
	switch o.engine {
	case model.EngineBuiltin:
		return nil
	case model.EngineOllama:
	default:
		fmt.Fprintln(e.stderr, lang.L("Unknown engine {{.Engine}}: use builtin or ollama.", map[string]any{"Engine": o.engine}))
		return errUsage
	}
	host, err := ollama.NormalizeHost(o.host)
	if err != nil {
		fmt.Fprintln(e.stderr, errorText(err))
		return errUsage
	}
	o.host = host
	if len(splitList(o.models)) == 0 {
		fmt.Fprintln(e.stderr, lang.L("--engine ollama needs --models, e.g. --models mistral:7b; `rapporteur models` lists them."))
		return errUsage
	}
	opts, err := parseOptions(o.options)
	if err != nil {
		fmt.Fprintln(e.stderr, lang.L("--options: {{.Reason}}", map[string]any{"Reason": err.Error()}))
		return errUsage
	}
	o.modelOptions = opts
	return nil
}

// choosePresets returns the presets named in list or, when list is empty, every preset the
// engine can write: the extractive ones for the built-in engine, all of them for a model.
func choosePresets(e *env, list, engine string, all []model.Preset) ([]model.Preset, error) {
	if list == "" {
		if engine == model.EngineOllama {
			return generate.VariantPresets(all), nil
		}
		return model.BuiltinEnginePresets(), nil // the shared ones all need a model
	}
	var out []model.Preset
	for _, id := range splitList(list) {
		p, ok := model.FindPreset(all, id)
		if !ok {
			fmt.Fprintln(e.stderr, lang.L("Unknown preset {{.ID}}; `rapporteur presets` lists them.", map[string]any{"ID": id}))
			return nil, errUsage
		}
		out = append(out, p)
	}
	return out, nil
}

// runCompare reads a report, generates its variants and writes the PDF and/or JSON.
func runCompare(e *env, args []string) int {
	o, err := parseCompare(e, args)
	if err != nil {
		return exitUsage
	}
	if o.all, err = loadPresets(o.presetFile); err != nil {
		fmt.Fprintln(e.stderr, errorText(err))
		return exitFailed
	}
	presets, err := choosePresets(e, o.presets, o.engine, o.all)
	if err != nil {
		return exitUsage
	}
	source, err := i18n.ReadReport(o.source)
	if err != nil {
		fmt.Fprintln(e.stderr, errorText(err))
		return exitFailed
	}
	if status := checkOutputs(e, output{"--pdf", o.pdf}, output{"--json", o.json}); status != exitOK {
		return status
	}
	rev := sourceRevision(source)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ratios, closeRatios := learnedRatios(o.workspace)
	defer closeRatios()
	engine := ollama.NewEngine(ollama.Options{Ratios: ratios, AllowRemote: func(string, string) bool { return o.allowRemote }})
	specs := specsFor(o, presets)
	printPlans(ctx, e, engine, rev, specs, presets)
	variants := generateAll(ctx, engine, rev, specs, presets)
	status := report(e, variants)
	docLang := rev.Language
	if o.lang != "" {
		docLang = model.Language(o.lang)
	}
	if !writeOutputs(e, o, rev, variants, docLang) {
		return exitFailed
	}
	return status
}

// sourceRevision turns an imported report into the revision the variants are made from.
func sourceRevision(r model.Report) model.Revision {
	meta := r.Meta
	meta.Kind = model.KindOther // nobody said what kind of session it was
	return model.Revision{ID: 1, Number: 1, Meta: meta, Body: r.Body, Hash: model.ContentHash(meta, r.Body), Created: time.Now().UTC()}
}

// memorySink keeps nothing: compare does not touch the workspace.
type memorySink struct{}

func (memorySink) SaveVariant(context.Context, model.Variant) error { return nil }

// specsFor returns the variants to write: each preset with the built-in engine, or each preset
// with each model.
func specsFor(o compareOptions, presets []model.Preset) []model.Spec {
	var specs []model.Spec
	if o.engine == model.EngineBuiltin {
		for _, p := range presets {
			specs = append(specs, model.Spec{Engine: model.EngineBuiltin, PresetID: p.ID})
		}
		return specs
	}
	for _, name := range splitList(o.models) {
		for _, p := range presets {
			specs = append(specs, model.Spec{Engine: model.EngineOllama, Host: o.host, Model: name, PresetID: p.ID, Options: o.modelOptions})
		}
	}
	return specs
}

// learnedRatios opens the workspace at path (the user's when empty), when there is one, so
// that the engine plans with the token counts the application learned and keeps what this run
// learns; compare never creates a workspace, and works without one.
func learnedRatios(path string) (ollama.RatioStore, func()) {
	none := func() {}
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, none
		}
		path = p
	}
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return nil, none
	}
	st, err := store.Open(path)
	if err != nil {
		return nil, none
	}
	return st, func() { st.Close() }
}

// printPlans says, for each model, how the report fits its context, with the first preset
// asked of it: counted as the application's matrix counts it, before the generation starts.
func printPlans(ctx context.Context, e *env, engine *ollama.Engine, rev model.Revision, specs []model.Spec, presets []model.Preset) {
	seen := map[string]bool{}
	for _, s := range specs {
		p, ok := model.FindPreset(presets, s.PresetID)
		if s.Engine != model.EngineOllama || seen[s.Host+"|"+s.Model] || !ok {
			continue
		}
		seen[s.Host+"|"+s.Model] = true
		fit, err := engine.Plan(ctx, generate.Request{Source: rev, Preset: p, Spec: s})
		if err == nil { // a host's trouble is reported with the variants
			fmt.Fprintf(e.stderr, "%s: %s\n", s.Model, i18n.FitText(fit))
		}
	}
}

func generateAll(ctx context.Context, engine *ollama.Engine, rev model.Revision, specs []model.Spec, presets []model.Preset) []model.Variant {
	variants := make([]model.Variant, len(specs))
	for i, s := range specs {
		variants[i] = model.Variant{ID: int64(i + 1), RunID: 1, RevisionID: rev.ID, Index: i, Spec: s, Status: model.StatusQueued}
	}
	engines := []generate.Engine{generate.NewBuiltin(), engine}
	sched := generate.NewScheduler(engines, presets, memorySink{})
	return sched.Start(ctx, rev, variants, func(generate.Event) {}).Wait()
}

// report prints one line per variant and returns the exit status: 0 when every variant is done.
func report(e *env, variants []model.Variant) int {
	status := exitOK
	for _, v := range variants {
		line := fmt.Sprintf("%d\t%s\t%s\t%s", v.Index+1, engineName(v.Spec), v.PresetID, v.Status)
		if v.Status != model.StatusDone {
			status = exitFailed
			line += "\t" + variantErrorText(v)
		}
		fmt.Fprintln(e.stderr, line)
	}
	return status
}

func writeOutputs(e *env, o compareOptions, rev model.Revision, variants []model.Variant, docLang model.Language) bool {
	if o.json == "" && o.pdf == "" {
		return true
	}
	doc := analyzedDocument(rev, variants)
	doc.Generator, doc.Created = "Rapporteur "+e.version, time.Now().UTC()
	ok := true
	if o.json != "" {
		ok = saved(e, o.json, writeJSON(o.json, doc))
	}
	if o.pdf != "" {
		ok = saved(e, o.pdf, export.SaveComparisonPDF(o.pdf, comparisonOf(doc, docLang, e.version, o.all))) && ok
	}
	return ok
}

// comparisonOf turns the analysed document into the full comparison PDF's content: analysis,
// energy, models and the exact prompts (the instructions recorded on each variant).
func comparisonOf(doc Document, docLang model.Language, version string, presets []model.Preset) export.Comparison {
	c := export.Comparison{Source: doc.Source.Revision, Presets: presets, Language: docLang, Exported: time.Now(), AppVersion: version,
		SourceAnalysis: &doc.Source.Analysis, VariantAnalyses: map[int64]analysis.VariantAnalysis{},
		Energy: map[int64]analysis.Energy{}, Models: map[int64]string{}, Prompts: map[int64][]export.Prompt{}}
	for _, vd := range doc.Variants {
		v := vd.Variant
		c.Variants = append(c.Variants, v)
		c.Energy[v.ID] = vd.Energy
		if vd.Analysis != nil {
			c.VariantAnalyses[v.ID] = *vd.Analysis
		}
		p, ok := model.FindPreset(presets, v.PresetID)
		if v.Engine != model.EngineOllama || !ok {
			continue
		}
		c.Models[v.ID] = modelDescription(v)
		msgs := ollama.Messages(generate.Request{Source: doc.Source.Revision, Preset: p, Spec: v.Spec})
		if v.Prompt != "" {
			msgs[0].Content = v.Prompt
		}
		for _, m := range msgs {
			c.Prompts[v.ID] = append(c.Prompts[v.ID], export.Prompt{Role: m.Role, Content: m.Content})
		}
	}
	return c
}

func engineName(s model.Spec) string {
	if s.Engine == model.EngineOllama {
		return s.Model
	}
	return s.Engine
}

// analyzedDocument analyses the source once and each variant against it.
func analyzedDocument(rev model.Revision, variants []model.Variant) Document {
	doc := Document{Source: SourceDoc{Revision: rev, Analysis: analysis.AnalyzeSource(rev.Body, rev.Language)}}
	engine := ollama.NewEngine(ollama.Options{})
	for _, v := range variants {
		vd := VariantDoc{Variant: v, Energy: analysis.EnergyFor(v, parameters(engine, v), analysis.DefaultDeviceWatts, analysis.DefaultGridIntensity)}
		if v.Text != "" {
			a := analysis.AnalyzeVariant(doc.Source.Analysis, v.Text)
			vd.Analysis = &a
		}
		doc.Variants = append(doc.Variants, vd)
	}
	return doc
}

// modelDescription names v's model with its size, quantisation and digest, as the host reports
// them, and the host.
func modelDescription(v model.Variant) string {
	c, err := ollama.NewClient(v.Host)
	if err != nil {
		return v.Model + " (" + v.Host + ")"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	info, err := c.Show(ctx, v.Model)
	if err != nil {
		return v.Model + " (" + v.Host + ")"
	}
	digest := strings.TrimPrefix(info.Digest, "sha256:")
	if len(digest) > 12 {
		digest = digest[:12]
	}
	return fmt.Sprintf("%s · %s · %s · %s (%s)", v.Model, info.ParameterSize, info.Quantization, digest, v.Host)
}

// parameters returns the size of the model that wrote v, in billions of parameters, or 0.
func parameters(engine *ollama.Engine, v model.Variant) float64 {
	if v.Engine != model.EngineOllama {
		return 0
	}
	c, err := engine.Client(v.Host)
	if err != nil {
		return 0
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	info, err := c.Show(ctx, v.Model)
	if err != nil {
		return 0
	}
	p, _ := analysis.ParseParameterSize(info.ParameterSize)
	return p
}
