package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
)

// showModelCard shows what is known of a model: where it writes, family, size, quantisation,
// context, abilities. A model of an OpenAI-compatible server gets what such a server tells,
// and the context length the user sets for it when the server does not say.
func showModelCard(svc *services, c engineColumn) {
	if c.engine == model.EngineOpenAI {
		showCompatibleCard(svc, c)
		return
	}
	win := svc.win
	host, m := c.host, c.info
	where := placeText(c.where, c.whereName)
	if where == "" {
		where = lang.L("on this computer")
	}
	unknown := lang.L("unknown")
	context, thinking, abilities := unknown, unknown, unknown
	if m.ContextLength > 0 { // read from /api/show; empty when that failed
		context = lang.L("{{.N}} tokens", map[string]any{"N": fmtInt(m.ContextLength)})
		thinking = lang.L("no")
		if m.Thinking() {
			thinking = lang.L("yes")
		}
		abilities = capabilityNames(m.Capabilities)
	}
	whereLabel := widget.NewLabel(where)
	whereLabel.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Host"), widget.NewLabel(model.CleanName(host))),
		widget.NewFormItem(lang.L("Where it writes"), whereLabel),
		widget.NewFormItem(lang.L("Family"), widget.NewLabel(m.Family)),
		widget.NewFormItem(lang.L("Model size"), widget.NewLabel(parameterSize(m.ParameterSize))),
		widget.NewFormItem(lang.L("Quantisation"), widget.NewLabel(m.Quantization)),
		widget.NewFormItem(lang.L("Size on disk"), widget.NewLabel(formatBytes(m.Size))),
		widget.NewFormItem(lang.L("Context length"), widget.NewLabel(context)),
		widget.NewFormItem(lang.L("Thinking mode"), widget.NewLabel(thinking)),
		widget.NewFormItem(lang.L("Abilities"), widget.NewLabel(abilities)),
		widget.NewFormItem(lang.L("Identifier"), widget.NewLabel(shortDigest(m.Digest))),
	}
	d := dialog.NewCustom(model.CleanName(m.Name), lang.L("Close"), widget.NewForm(items...), win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// parameterSize writes Ollama's "7.2B" as "7,2 milliards de paramètres" / "7.2 billion parameters".
func parameterSize(s string) string {
	if len(s) < 2 {
		return s
	}
	v, err := parseNumber(s[:len(s)-1])
	if err != nil {
		return s
	}
	data := map[string]any{"N": fmtFloatShort(v)}
	switch s[len(s)-1] {
	case 'B':
		return lang.L("{{.N}} billion parameters", data)
	case 'M':
		return lang.L("{{.N}} million parameters", data)
	}
	return s
}

// capabilityNames translates the abilities Ollama lists.
func capabilityNames(caps []string) string {
	names := make([]string, len(caps))
	for i, c := range caps {
		switch c {
		case "completion":
			names[i] = lang.L("writing")
		case "thinking":
			names[i] = lang.L("thinking")
		case "tools":
			names[i] = lang.L("tools")
		case "vision":
			names[i] = lang.L("images")
		default:
			names[i] = c
		}
	}
	return strings.Join(names, ", ")
}

// formatBytes writes a size in MB or GB, with the interface's decimal mark.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return lang.L("{{.N}} GB", map[string]any{"N": fmtFloat(float64(n)/(1<<30), 1)})
	case n >= 1<<20:
		return lang.L("{{.N}} MB", map[string]any{"N": fmtFloat(float64(n)/(1<<20), 0)})
	}
	return lang.L("{{.N}} KB", map[string]any{"N": fmtFloat(float64(n)/(1<<10), 0)})
}

func shortDigest(d string) string {
	d = strings.TrimPrefix(d, "sha256:")
	if len(d) > 12 {
		return d[:12]
	}
	return d
}

// showCompatibleCard shows a model of an OpenAI-compatible server: its server, where it
// writes, its context length, which the user may set when the server does not tell it.
func showCompatibleCard(svc *services, c engineColumn) {
	where := placeText(c.where, c.whereName)
	if where == "" {
		where = lang.L("on this computer")
	}
	whereLabel := widget.NewLabel(where)
	whereLabel.Wrapping = fyne.TextWrapWord
	set := contextSetting(svc.app, c.host, c.info.Name)
	entry := widget.NewEntry()
	if set > 0 {
		entry.SetText(strconv.Itoa(set))
	}
	entry.SetPlaceHolder(lang.L("unknown"))
	entry.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return intValidator(minContextSetting, maxContextSetting)(s)
	}
	told := lang.L("the server does not tell it: set it from the model's documentation, so that a long report is read in parts rather than cut")
	if c.info.ContextLength > 0 && c.info.ContextLength != set {
		told = lang.L("the server says {{.N}} tokens; that figure is used", map[string]any{"N": fmtInt(c.info.ContextLength)})
	}
	ctxItem := widget.NewFormItem(lang.L("Context length (tokens)"), entry)
	ctxItem.HintText = told
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Server"), widget.NewLabel(model.CleanName(c.host)+" — "+kindLabel(model.EngineOpenAI))),
		widget.NewFormItem(lang.L("Where it writes"), whereLabel),
		ctxItem,
	}
	d := dialog.NewForm(model.CleanName(c.info.Name), lang.L("Save"), lang.L("Close"), items, func(ok bool) {
		if !ok {
			return
		}
		n, _ := strconv.Atoi(strings.TrimSpace(entry.Text))
		setContextSetting(svc.app, c.host, c.info.Name, n)
		svc.contextsChanged()
	}, svc.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}
