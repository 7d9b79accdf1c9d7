package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/store"
	"github.com/rapporteur/rapporteur/model/workflow"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

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
	// hosts are the servers of --host, normalised; a run is spread over them.
	hosts []string
	// context is the context length, in tokens, of models whose OpenAI-compatible server does
	// not tell it; 0 when unknown.
	context int
}

// Document is the JSON that rapporteur compare --json writes: the run's archive, which the
// application's « Importer une archive JSON » opens. Later versions add fields, never rename
// these.
type Document = export.Archive

func parseCompare(e *env, args []string) (compareOptions, error) {
	var o compareOptions
	fs := newFlags(e, "compare")
	fs.StringVar(&o.source, "source", "", lang.L("report to compare (.md or .txt)"))
	fs.StringVar(&o.engine, "engine", model.EngineBuiltin, lang.L("engine: builtin, ollama, or openai (a server speaking the OpenAI-compatible API: vLLM, llama.cpp, LM Studio…)"))
	fs.StringVar(&o.host, "host", ollama.HostFromEnv(), lang.L("server address, or several separated by commas to share the run among them (default for Ollama: OLLAMA_HOST or http://127.0.0.1:11434); the API key of an OpenAI-compatible server comes from RAPPORTEUR_API_KEY, else from the keyring where the application keeps it"))
	fs.StringVar(&o.models, "models", "", lang.L("comma-separated models, e.g. mistral:7b,llama3.2"))
	fs.IntVar(&o.context, "context", 0, lang.L("context length, in tokens, of the models of an OpenAI-compatible server that does not tell it"))
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
	hostSet := false
	fs.Visit(func(f *flag.Flag) { hostSet = hostSet || f.Name == "host" })
	if err := checkEngine(e, &o, hostSet); err != nil {
		return o, err
	}
	if o.lang != "" && !model.Language(o.lang).Valid() {
		fmt.Fprintln(e.stderr, lang.L("--lang takes fr or en."))
		return o, errUsage
	}
	return o, nil
}

// checkEngine validates the engine and, for Ollama, the host, the models and the options.
func checkEngine(e *env, o *compareOptions, hostSet bool) error {
	switch o.engine {
	case model.EngineBuiltin:
		return nil
	case model.EngineOllama, model.EngineOpenAI:
	default:
		fmt.Fprintln(e.stderr, lang.L("Unknown engine {{.Engine}}: use builtin, ollama or openai.", map[string]any{"Engine": o.engine}))
		return errUsage
	}
	if err := checkHosts(e, o, hostSet); err != nil {
		return err
	}
	if o.context < 0 || o.context > 1<<21 {
		fmt.Fprintln(e.stderr, lang.L("--context takes a number of tokens between 0 and 2,097,152."))
		return errUsage
	}
	if len(splitList(o.models)) == 0 {
		fmt.Fprintln(e.stderr, lang.L("--engine {{.Engine}} needs --models, e.g. --models mistral:7b; `rapporteur models` lists them.", map[string]any{"Engine": o.engine}))
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
		if engine != model.EngineBuiltin {
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
	engine := modelEngine(o, ratios)
	specs := specsFor(o, presets)
	printPlans(ctx, e, engine, rev, specs, presets)
	variants := generateAll(ctx, engine, spreadPool(ctx, e, o, engine), rev, specs, presets)
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
			specs = append(specs, model.Spec{Engine: o.engine, Host: o.host, Model: name, PresetID: p.ID, Options: o.modelOptions})
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
func printPlans(ctx context.Context, e *env, engine generate.Engine, rev model.Revision, specs []model.Spec, presets []model.Preset) {
	planner, ok := engine.(interface {
		Plan(context.Context, generate.Request) (generate.Fit, error)
	})
	if !ok {
		return
	}
	seen := map[string]bool{}
	for _, s := range specs {
		p, ok := model.FindPreset(presets, s.PresetID)
		if s.Engine == model.EngineBuiltin || seen[s.Host+"|"+s.Model] || !ok {
			continue
		}
		seen[s.Host+"|"+s.Model] = true
		fit, err := planner.Plan(ctx, generate.Request{Source: rev, Preset: p, Spec: s})
		if err == nil && fit.ModelContext > 0 { // a host's trouble is reported with the variants
			fmt.Fprintf(e.stderr, "%s: %s\n", s.Model, i18n.FitText(fit))
		}
	}
}

func generateAll(ctx context.Context, engine generate.Engine, pool generate.Pool, rev model.Revision, specs []model.Spec, presets []model.Preset) []model.Variant {
	variants := make([]model.Variant, len(specs))
	for i, s := range specs {
		variants[i] = model.Variant{ID: int64(i + 1), RunID: 1, RevisionID: rev.ID, Index: i, Spec: s, Status: model.StatusQueued}
	}
	engines := []generate.Engine{generate.NewBuiltin(), engine}
	sched := generate.NewScheduler(engines, presets, memorySink{})
	sched.SetPool(pool)
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
	r := compareRecord(rev, variants, o.all)
	now := time.Now()
	ok := true
	if o.json != "" {
		ok = saved(e, o.json, export.SaveArchive(o.json, r.Archive("Rapporteur "+e.version, now)))
	}
	if o.pdf != "" {
		doc := r.Comparison(workflow.Publication{Language: docLang, Exported: now, AppVersion: e.version})
		ok = saved(e, o.pdf, export.SaveComparisonPDF(o.pdf, doc)) && ok
	}
	return ok
}

// compareRecord is the record of the run compare made (run 1 of the revision rev), analysed,
// with the models' details asked of their hosts when their variants did not record them.
func compareRecord(rev model.Revision, variants []model.Variant, presets []model.Preset) workflow.Record {
	run := model.Run{ID: 1, RevisionID: rev.ID, Created: rev.Created}
	for _, v := range variants {
		run.Specs = append(run.Specs, v.Spec)
	}
	r := workflow.Record{Source: rev, Run: run, Variants: variants, Presets: presets, Models: hostModels(ollama.NewEngine(ollama.Options{}))}
	r.Analyze()
	return r
}

// engineName names what wrote a variant: the model and the server it ran on, or the
// built-in engine.
func engineName(s model.Spec) string {
	if s.Engine == model.EngineBuiltin {
		return s.Engine
	}
	return s.Model + " @ " + s.Host
}

// hostModels asks a model's host for its details, once per model, waiting at most 10 seconds.
func hostModels(engine *ollama.Engine) workflow.ModelLookup {
	type answer struct {
		info ollama.ModelInfo
		ok   bool
	}
	asked := map[string]answer{}
	return func(host, name string) (ollama.ModelInfo, bool) {
		key := host + "|" + name
		if a, done := asked[key]; done {
			return a.info, a.ok
		}
		var a answer
		if c, err := engine.Client(host); err == nil {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			info, err := c.Show(ctx, name)
			cancel()
			a = answer{info, err == nil}
		}
		asked[key] = a
		return a.info, a.ok
	}
}
