package ui

import (
	"context"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
)

// prefHosts is the preference holding the Ollama hosts, one URL each.
const prefHosts = "ollama-hosts"

// Timeouts of reading a host: its version and list, then each model's details.
const (
	statusTimeout = 10 * time.Second
	showTimeout   = 10 * time.Second
)

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
	statuses []hostRead
	loading  bool
	again    bool   // a reload was asked while loading: load once more when done
	onChange func() // called on the UI thread once new statuses are shown
}

// hostRead is what was read of a host, with the number of models whose details failed and
// where each model writes.
type hostRead struct {
	ollama.HostStatus
	unreadable int
	places     []place // one for each of Models
}

// place is where a model writes, and the machine or service it names.
type place struct {
	where model.Place
	name  string
}

func newHostsPanel(u *UI, onChange func()) *hostsPanel {
	h := &hostsPanel{u: u, box: container.NewVBox(), onChange: onChange}
	h.refresh = widget.NewButtonWithIcon(lang.L("Refresh"), theme.ViewRefreshIcon(), h.load)
	h.pull = widget.NewButtonWithIcon(lang.L("Download a model…"), theme.DownloadIcon(), func() { u.showPull("", "") })
	h.help = widget.NewCard(lang.L("Ollama was not found"), "", ollamaHelp(u))
	h.help.Hide()
	return h
}

func (h *hostsPanel) content() fyne.CanvasObject {
	return container.NewVBox(h.help, h.box, container.NewHBox(h.refresh, h.pull))
}

// load reads every host's status in the background, all hosts at once. Asked while a load runs,
// it loads again once that one is shown, so new settings or a new model are never missed.
func (h *hostsPanel) load() {
	if h.u.deps.Ollama == nil {
		return
	}
	if h.loading {
		h.again = true
		return
	}
	h.loading = true
	h.refresh.Disable()
	h.box.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("Looking for Ollama…"))}
	h.box.Refresh()
	hosts := Hosts(h.u.app)
	engine := h.u.deps.Ollama
	ctx := h.u.ctx
	go func() {
		reads := make([]hostRead, len(hosts))
		var wg sync.WaitGroup
		for i, host := range hosts {
			wg.Go(func() { reads[i] = readHost(ctx, engine, host) })
		}
		wg.Wait()
		runOnUI(func() { h.show(reads) })
	}()
}

// readHost reads a host's version and models, then each model's context length and
// capabilities, each with its own timeout.
func readHost(ctx context.Context, engine *ollama.Engine, host string) hostRead {
	c, err := engine.Client(host)
	if err != nil {
		return hostRead{HostStatus: ollama.HostStatus{Host: host, Err: err}}
	}
	sctx, cancel := context.WithTimeout(ctx, statusTimeout)
	r := hostRead{HostStatus: c.Status(sctx)}
	cancel()
	for i, m := range r.Models {
		mctx, cancel := context.WithTimeout(ctx, showTimeout)
		full, err := c.Show(mctx, m.Name)
		cancel()
		if err != nil {
			r.unreadable++
		} else {
			r.Models[i] = full
		}
		where, name := c.Locate(ctx, r.Models[i])
		r.places = append(r.places, place{where: where, name: name})
	}
	return r
}

func (h *hostsPanel) show(reads []hostRead) {
	h.loading = false
	h.refresh.Enable()
	h.statuses = reads
	h.box.RemoveAll()
	reachable := false
	for _, r := range reads {
		h.box.Add(hostLine(r))
		reachable = reachable || r.Reachable
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
	if h.again {
		h.again = false
		h.load()
	}
}

// hostLine says how a host answered, and what went wrong when something did.
func hostLine(r hostRead) fyne.CanvasObject {
	icon := widget.NewIcon(theme.ConfirmIcon())
	data := map[string]any{"Host": r.Host, "Version": r.Version, "Count": len(r.Models)}
	text := lang.L("{{.Host}}: Ollama {{.Version}}, {{.Count}} models", data)
	if len(r.Models) == 1 {
		text = lang.L("{{.Host}}: Ollama {{.Version}}, 1 model", data)
	}
	switch {
	case !r.Reachable:
		icon.SetResource(theme.ErrorIcon())
		text = lang.L("{{.Host}}: not reachable — {{.Reason}}", map[string]any{"Host": r.Host, "Reason": strings.TrimSuffix(ErrorText(r.Err), ".")})
	case r.Err != nil:
		icon.SetResource(theme.WarningIcon())
		text += " — " + ErrorText(r.Err)
	case r.unreadable > 0:
		icon.SetResource(theme.WarningIcon())
		text += " — " + lang.L("the details of {{.N}} models could not be read", map[string]any{"N": r.unreadable})
	}
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, icon, nil, label)
}

// reachableHosts lists the hosts that answered at the last reading.
func (h *hostsPanel) reachableHosts() []string {
	var out []string
	for _, r := range h.statuses {
		if r.Reachable {
			out = append(out, r.Host)
		}
	}
	return out
}

// models lists every model of every reachable host, in host order.
func (h *hostsPanel) models() []hostModel {
	var out []hostModel
	for _, st := range h.statuses {
		for i, m := range st.Models {
			hm := hostModel{host: st.Host, info: m}
			if i < len(st.places) {
				hm.where, hm.whereName = st.places[i].where, st.places[i].name
			}
			out = append(out, hm)
		}
	}
	return out
}

// hostModel is one model on one host, and where it writes.
type hostModel struct {
	host      string
	info      ollama.ModelInfo
	where     model.Place
	whereName string
}

// ollamaHelp is the first-run explanation shown while no Ollama host answers.
func ollamaHelp(u *UI) fyne.CanvasObject {
	text := widget.NewRichTextFromMarkdown(lang.L("**Ollama** runs AI models on this computer, without sending anything to the internet. Rapporteur uses it to write variants with real language models.\n\n- To install it, download Ollama from its website (or ask your IT department), start it, then get a model, for instance in a terminal: `ollama pull mistral`.\n- If Ollama runs on another computer of your team, add its address in **Settings** (for instance http://192.168.1.20:11434).\n- Meanwhile, the **built-in engine** works without any model: it picks the key sentences of your report and never invents anything."))
	text.Wrapping = fyne.TextWrapWord
	settings := widget.NewButtonWithIcon(lang.L("Settings…"), theme.SettingsIcon(), u.onSettings)
	return container.NewVBox(text, container.NewHBox(settings))
}
