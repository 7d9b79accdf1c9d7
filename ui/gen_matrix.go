package ui

import (
	"context"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/generate/openai"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// engineColumn is a column of the matrix: the built-in engine or one model on one host, and
// where that model writes (see ollama.Client.Locate).
type engineColumn struct {
	engine    string
	host      string
	info      generate.ModelInfo
	where     model.Place
	whereName string
}

func (c engineColumn) key() string { return c.engine + "|" + c.host + "|" + c.info.Name }

func (c engineColumn) label() string {
	if c.engine == model.EngineBuiltin {
		return lang.L("Built-in engine")
	}
	label := model.CleanName(engineLabel(model.Spec{Engine: c.engine, Host: c.host, Model: c.info.Name}))
	if c.where == model.PlaceRemote {
		return "☁ " + label
	}
	return label
}

// presetMatrix lets the user tick, for each preset, the engines and models that should write it.
// Ticks survive a refresh of the models.
type presetMatrix struct {
	svc      *services
	reportID func() int64        // the open report, 0 when none
	draft    func() model.Report // the open report as typed
	presets  []model.Preset
	columns  []engineColumn
	ticked   map[string]bool // column key + "|" + preset id
	box      *fyne.Container
	grid     *fyne.Container // the header and one line a preset, as last drawn
	// options returns the model options as typed so far, for the context fit.
	options func() model.Options

	// The context fit of each model column, by column key: counted with the model's own
	// tokenizer off the UI thread (see planFits), shown in the column's detail label.
	fits      map[string]string
	fitReport int64                    // the report the fits are of
	details   map[string]*widget.Label // the detail labels of the last refresh
	fitCancel context.CancelFunc       // stops the counting of the previous refresh
}

func newPresetMatrix(svc *services, reportID func() int64, draft func() model.Report) *presetMatrix {
	m := &presetMatrix{svc: svc, reportID: reportID, draft: draft, presets: generate.VariantPresets(svc.presets), ticked: map[string]bool{}, box: container.NewStack(),
		options: func() model.Options { return model.Options{} }, fits: map[string]string{}, details: map[string]*widget.Label{}}
	builtin := engineColumn{engine: model.EngineBuiltin}
	for _, p := range m.presets {
		if p.Method != model.MethodNone {
			m.ticked[builtin.key()+"|"+p.ID] = true
		}
	}
	m.setModels(nil)
	return m
}

// setPresets offers ps as the rows of the matrix; ticks of presets still there are kept, those
// of presets gone are forgotten.
func (m *presetMatrix) setPresets(ps []model.Preset) {
	m.presets = ps
	for key := range m.ticked {
		id := key[strings.LastIndexByte(key, '|')+1:]
		if _, ok := model.FindPreset(ps, id); !ok {
			delete(m.ticked, key)
		}
	}
	m.refresh()
}

// setModels rebuilds the grid with the built-in engine and the given models as columns.
func (m *presetMatrix) setModels(models []hostModel) {
	m.columns = []engineColumn{{engine: model.EngineBuiltin}}
	for _, hm := range models {
		m.columns = append(m.columns, engineColumn(hm))
	}
	m.refresh()
}

// refresh redraws the grid, with each model's context fit for the open report.
func (m *presetMatrix) refresh() {
	m.details = map[string]*widget.Label{}
	// One grid a row, so that each row is only as tall as its own content.
	rows := container.NewVBox()
	header := container.NewGridWithColumns(1 + len(m.columns))
	header.Add(widget.NewLabel(""))
	for _, c := range m.columns {
		header.Add(m.header(c))
	}
	rows.Add(header)
	for _, p := range m.presets {
		row := container.NewGridWithColumns(1 + len(m.columns))
		name := widget.NewLabel(p.Name.In(CurrentLanguage()))
		name.Wrapping = fyne.TextWrapWord
		preset := p
		show := widget.NewButtonWithIcon("", theme.VisibilityIcon(), func() { showPrompt(m.svc.win, m.draft(), preset) })
		show.Importance = widget.LowImportance
		row.Add(container.NewBorder(nil, nil, nil, show, name))
		for _, c := range m.columns {
			row.Add(m.cell(c, p))
		}
		rows.Add(row)
	}
	// Columns never narrower than a long word: past that, the matrix scrolls sideways rather
	// than breaking a preset's or a model's name in the middle.
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(matrixColumnWidth*float32(1+len(m.columns)), 0))
	m.grid = rows
	m.box.Objects = []fyne.CanvasObject{container.NewVBox(container.NewHScroll(container.NewStack(width, rows)), m.builtinNote())}
	m.box.Refresh()
	m.planFits()
}

// matrixColumnWidth is the narrowest a column of the matrix gets.
const matrixColumnWidth = 170

// builtinNote says why some presets cannot be ticked for the built-in engine, naming them; it
// is empty when every preset can.
func (m *presetMatrix) builtinNote() fyne.CanvasObject {
	var names []string
	for _, p := range m.presets {
		if p.Method == model.MethodNone {
			names = append(names, p.Name.In(CurrentLanguage()))
		}
	}
	note := widget.NewLabel("")
	note.Wrapping = fyne.TextWrapWord
	note.SizeName = theme.SizeNameCaptionText
	if len(names) == 0 {
		note.Hide()
		return note
	}
	note.SetText(lang.L("The built-in engine only picks sentences: the presets that rewrite the text ({{.Names}}) need an Ollama model.",
		map[string]any{"Names": strings.Join(names, ", ")}))
	return note
}

func (m *presetMatrix) header(c engineColumn) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(c.label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord // two models must not look alike once cut
	detail := widget.NewLabel(m.columnDetail(c))
	detail.SizeName = theme.SizeNameCaptionText
	detail.Wrapping = fyne.TextWrapWord
	if c.engine == model.EngineBuiltin {
		return container.NewVBox(title, detail)
	}
	m.details[c.key()] = detail
	card := widget.NewButtonWithIcon("", theme.InfoIcon(), func() { showModelCard(m.svc, c) })
	card.Importance = widget.LowImportance
	return container.NewVBox(container.NewBorder(nil, nil, nil, card, title), detail)
}

// columnDetail describes a column: size and quantisation, and whether the report fits its
// context, as last counted.
func (m *presetMatrix) columnDetail(c engineColumn) string {
	if c.engine == model.EngineBuiltin {
		return lang.L("extraction, no model")
	}
	var lines []string
	if size := strings.Trim(model.CleanName(c.info.ParameterSize+" · "+c.info.Quantization), " ·"); size != "" {
		lines = append(lines, size) // a remote model has neither
	}
	if place := placeText(c.where, c.whereName); place != "" {
		lines = append(lines, place)
	}
	if c.engine == model.EngineOpenAI {
		lines = append(lines, compatibleDetail(c.info))
	}
	if shared := m.sharedWith(c); shared != "" {
		lines = append(lines, shared)
	}
	if fit := m.fits[c.key()]; fit != "" {
		lines = append(lines, fit)
	}
	return strings.Join(lines, "\n")
}

// planFits counts, off the UI thread, how the open report fits each model's context, with the
// first preset ticked for it (or the first preset) and the options typed so far; each column's
// detail label shows the result when it comes. Models ticked are counted with their own
// tokenizer, fetched from the host when needed; the others only with a tokenizer already at
// hand, else estimated, so that a host with many models is not asked for all their
// vocabularies. A newer refresh cancels the counting of an older one; another report, or a
// host that does not answer, clears what was shown.
func (m *presetMatrix) planFits() {
	if m.fitCancel != nil {
		m.fitCancel()
	}
	if id := m.reportID(); id != m.fitReport {
		m.fits, m.fitReport = map[string]string{}, id
	}
	reqs := m.fitRequests()
	if len(reqs) == 0 {
		return
	}
	ctx, cancel := context.WithCancel(m.svc.ctx)
	m.fitCancel = cancel
	ol, oa := m.svc.ollama, m.svc.openai
	m.svc.background.Go(func() {
		for key, fr := range reqs {
			plan := fitPlan(ol, oa, fr)
			if plan == nil {
				continue
			}
			fit, err := plan(ctx, fr.req)
			if ctx.Err() != nil {
				return
			}
			text := ""
			if err == nil { // a host's trouble shows in the hosts panel
				text = i18n.FitText(fit)
			}
			runOnUI(func() { m.showFit(ctx, key, text) })
		}
	})
}

// showFit shows a column's fit, unless a newer refresh took over. UI thread only.
func (m *presetMatrix) showFit(ctx context.Context, key, text string) {
	if ctx.Err() != nil {
		return
	}
	m.fits[key] = text
	l := m.details[key]
	if l == nil {
		return
	}
	for _, c := range m.columns {
		if c.key() == key {
			l.SetText(m.columnDetail(c))
		}
	}
}

// fitRequest is what a model column's fit is planned for, and whether the column is ticked.
type fitRequest struct {
	req    generate.Request
	ticked bool
}

// fitRequests returns, by column key, the request whose fit each model column shows.
func (m *presetMatrix) fitRequests() map[string]fitRequest {
	if m.reportID() == 0 || len(m.presets) == 0 {
		return nil
	}
	d := m.draft()
	rev := model.Revision{Meta: d.Meta, Body: d.Body}
	out := map[string]fitRequest{}
	for _, c := range m.columns {
		if c.engine == model.EngineBuiltin || c.info.ContextLength == 0 {
			continue // a context unknown (a remote model) fits nothing that can be said
		}
		preset, ticked := m.presets[0], false
		for _, p := range m.presets {
			if m.ticked[c.key()+"|"+p.ID] {
				preset, ticked = p, true
				break
			}
		}
		spec := model.Spec{Engine: c.engine, Host: c.host, Model: c.info.Name, PresetID: preset.ID, Options: m.options()}
		out[c.key()] = fitRequest{req: generate.Request{Source: rev, Preset: preset, Spec: spec}, ticked: ticked}
	}
	return out
}

func (m *presetMatrix) cell(c engineColumn, p model.Preset) fyne.CanvasObject {
	key := c.key() + "|" + p.ID
	var check *widget.Check
	check = widget.NewCheck("", func(on bool) {
		if on && c.where == model.PlaceRemote && !RemoteAllowed(m.svc.app, c.host, c.info.Name) {
			confirmRemote(m.svc.app, m.svc.win, c, func(ok bool) {
				if ok {
					m.tick(key, true)
				} else {
					check.SetChecked(false)
				}
			})
			return
		}
		m.tick(key, on)
	})
	check.Checked = m.ticked[key]
	if c.engine == model.EngineBuiltin && p.Method == model.MethodNone {
		check.Checked = false
		check.Disable() // the built-in engine can only extract
	}
	return container.NewCenter(check)
}

// tick records a cell's tick; the context fit follows the preset ticked for a model.
func (m *presetMatrix) tick(key string, on bool) {
	m.ticked[key] = on
	if !strings.HasPrefix(key, model.EngineBuiltin+"|") {
		m.refresh()
	}
}

// specs returns one spec per ticked cell, preset by preset, with opts for the models.
func (m *presetMatrix) specs(opts model.Options) []model.Spec {
	var specs []model.Spec
	for _, p := range m.presets {
		for _, c := range m.columns {
			if !m.ticked[c.key()+"|"+p.ID] {
				continue
			}
			s := model.Spec{Engine: c.engine, PresetID: p.ID}
			if c.engine != model.EngineBuiltin {
				s.Host, s.Model, s.Options = c.host, c.info.Name, opts
			}
			specs = append(specs, s)
		}
	}
	return specs
}

// compatibleDetail says what a model of an OpenAI-compatible server is, and its context when
// known: such a server gives no tokenizer, so the fit is not counted beforehand.
func compatibleDetail(info generate.ModelInfo) string {
	if info.ContextLength > 0 {
		return lang.L("OpenAI-compatible") // the fit, below, says the context
	}
	return lang.L("OpenAI-compatible · context unknown: set it on the model's card")
}

// fitPlan returns how to plan fr with the engine of its model: Ollama's counts with the model's
// own tokenizer when the model is ticked (fetched when needed), else with one at hand; the
// OpenAI-compatible engine always estimates. nil when the engine is missing.
func fitPlan(ol *ollama.Engine, oa *openai.Engine, fr fitRequest) func(context.Context, generate.Request) (generate.Fit, error) {
	switch {
	case fr.req.Spec.Engine == model.EngineOpenAI && oa != nil:
		return oa.Plan
	case fr.req.Spec.Engine != model.EngineOllama || ol == nil:
		return nil
	case fr.ticked:
		return ol.Plan
	}
	return ol.PlanKnown
}

// sharedWith says which other servers have the model of c, and will share its variants, or "".
func (m *presetMatrix) sharedWith(c engineColumn) string {
	if m.svc.hosts == nil || c.engine == model.EngineBuiltin {
		return ""
	}
	var others []string
	for _, r := range m.svc.hosts.pool()(model.Spec{Engine: c.engine, Host: c.host, Model: c.info.Name}) {
		if r.Host != c.host {
			others = append(others, hostName(r.Host))
		}
	}
	if len(others) == 0 {
		return ""
	}
	return lang.L("its variants are shared with {{.Hosts}}", map[string]any{"Hosts": strings.Join(others, ", ")})
}
