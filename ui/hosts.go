package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/generate/ollama"
)

// prefHosts is the preference holding the Ollama hosts, one URL each.
const prefHosts = "ollama-hosts"

// statusTimeout bounds reading one host's status and models.
const statusTimeout = 15 * time.Second

// Hosts returns the configured Ollama hosts, by default the one OLLAMA_HOST names or the local one.
func Hosts(a fyne.App) []string {
	hosts := a.Preferences().StringListWithFallback(prefHosts, []string{ollama.HostFromEnv()})
	if len(hosts) == 0 {
		return []string{ollama.HostFromEnv()}
	}
	return hosts
}

// hostsPanel shows each configured Ollama host: reachable or not (and why), its version and
// models; it reads them in the background.
type hostsPanel struct {
	u        *UI
	box      *fyne.Container
	help     *widget.Card
	refresh  *widget.Button
	pull     *widget.Button
	statuses []ollama.HostStatus
	loading  bool
	onChange func() // called on the UI thread once new statuses are shown
}

func newHostsPanel(u *UI, onChange func()) *hostsPanel {
	h := &hostsPanel{u: u, box: container.NewVBox(), onChange: onChange}
	h.refresh = widget.NewButtonWithIcon(lang.L("Refresh"), theme.ViewRefreshIcon(), h.load)
	h.pull = widget.NewButtonWithIcon(lang.L("Download a model…"), theme.DownloadIcon(), func() { u.showPull("") })
	h.help = widget.NewCard(lang.L("Ollama was not found"), "", ollamaHelp(u))
	h.help.Hide()
	return h
}

func (h *hostsPanel) content() fyne.CanvasObject {
	return container.NewVBox(h.help, h.box, container.NewHBox(h.refresh, h.pull))
}

// load reads every host's status in the background.
func (h *hostsPanel) load() {
	if h.loading || h.u.deps.Ollama == nil {
		return
	}
	h.loading = true
	h.refresh.Disable()
	h.box.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("Looking for Ollama…"))}
	h.box.Refresh()
	hosts := Hosts(h.u.app)
	engine := h.u.deps.Ollama
	go func() {
		statuses := make([]ollama.HostStatus, len(hosts))
		for i, host := range hosts {
			statuses[i] = readHost(h.u.ctx, engine, host)
		}
		runOnUI(func() { h.show(statuses) })
	}()
}

// readHost reads a host's version and models, with each model's context length and capabilities.
func readHost(ctx context.Context, engine *ollama.Engine, host string) ollama.HostStatus {
	ctx, cancel := context.WithTimeout(ctx, statusTimeout)
	defer cancel()
	c, err := engine.Client(host)
	if err != nil {
		return ollama.HostStatus{Host: host, Err: err}
	}
	st := c.Status(ctx)
	for i, m := range st.Models {
		if full, err := c.Show(ctx, m.Name); err == nil {
			st.Models[i] = full
		}
	}
	return st
}

func (h *hostsPanel) show(statuses []ollama.HostStatus) {
	h.loading = false
	h.refresh.Enable()
	h.statuses = statuses
	h.box.RemoveAll()
	reachable := false
	for _, st := range statuses {
		h.box.Add(hostLine(st))
		reachable = reachable || st.Reachable
	}
	if reachable {
		h.help.Hide()
		h.pull.Enable()
	} else {
		h.help.Show()
		h.pull.Disable()
	}
	if h.onChange != nil {
		h.onChange()
	}
}

// hostLine says how a host answered.
func hostLine(st ollama.HostStatus) fyne.CanvasObject {
	icon := widget.NewIcon(theme.ConfirmIcon())
	text := lang.L("{{.Host}}: Ollama {{.Version}}, {{.Count}} models", map[string]any{
		"Host": st.Host, "Version": st.Version, "Count": len(st.Models)})
	if !st.Reachable {
		icon.SetResource(theme.ErrorIcon())
		text = lang.L("{{.Host}}: not reachable — {{.Reason}}", map[string]any{"Host": st.Host, "Reason": strings.TrimSuffix(ErrorText(st.Err), ".")})
	}
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, icon, nil, label)
}

// models lists every model of every reachable host, in host order.
func (h *hostsPanel) models() []hostModel {
	var out []hostModel
	for _, st := range h.statuses {
		for _, m := range st.Models {
			out = append(out, hostModel{host: st.Host, info: m})
		}
	}
	return out
}

// hostModel is one model on one host.
type hostModel struct {
	host string
	info ollama.ModelInfo
}

// ollamaHelp is the first-run explanation shown while no Ollama host answers.
func ollamaHelp(u *UI) fyne.CanvasObject {
	text := widget.NewRichTextFromMarkdown(lang.L("**Ollama** runs AI models on this computer, without sending anything to the internet. Rapporteur uses it to write variants with real language models.\n\n- To install it, download Ollama from its website (or ask your IT department), start it, then get a model, for instance in a terminal: `ollama pull mistral`.\n- If Ollama runs on another computer of your team, add its address in **Settings** (for instance http://192.168.1.20:11434).\n- Meanwhile, the **built-in engine** works without any model: it picks the key sentences of your report and never invents anything."))
	text.Wrapping = fyne.TextWrapWord
	settings := widget.NewButtonWithIcon(lang.L("Settings…"), theme.SettingsIcon(), u.onSettings)
	return container.NewVBox(text, container.NewHBox(settings))
}
