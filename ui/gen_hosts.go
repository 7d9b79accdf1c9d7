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
	"github.com/rapporteur/rapporteur/ui/uikit"
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

// hostBook is what was read of every configured Ollama host: reachable or not (and why), its
// version and models. It is not a screen: the generation panel shows it, the comparison, the
// workshop and the downloads use its models. It reads the hosts in the background.
type hostBook struct {
	svc      *services
	statuses []hostRead
	loading  bool
	again    bool // a reload was asked while loading: load once more when done
	// changed is called on the UI thread when a reading starts (loading true) and when its
	// result is in (loading false).
	changed func(loading bool)
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

// load reads every host's status in the background, all hosts at once. Asked while a load runs,
// it loads again once that one is in, so new settings or a new model are never missed.
func (b *hostBook) load() {
	engine := b.svc.ollama
	if engine == nil {
		return
	}
	if b.loading {
		b.again = true
		return
	}
	b.loading = true
	b.notify()
	hosts := Hosts(b.svc.app)
	ctx := b.svc.ctx
	b.svc.background.Go(func() { // closing the window cancels ctx: the reading ends at once
		reads := make([]hostRead, len(hosts))
		var wg sync.WaitGroup
		for i, host := range hosts {
			wg.Go(func() { reads[i] = readHost(ctx, engine, host) })
		}
		wg.Wait()
		runOnUI(func() { b.loaded(reads) })
	})
}

// loaded keeps what was read and says so; UI thread.
func (b *hostBook) loaded(reads []hostRead) {
	b.loading = false
	b.statuses = reads
	b.notify()
	if b.again {
		b.again = false
		b.load()
	}
}

func (b *hostBook) notify() {
	if b.changed != nil {
		b.changed(b.loading)
	}
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

// reachableHosts lists the hosts that answered at the last reading.
func (b *hostBook) reachableHosts() []string {
	var out []string
	for _, r := range b.statuses {
		if r.Reachable {
			out = append(out, r.Host)
		}
	}
	return out
}

// models lists every model of every reachable host, in host order.
func (b *hostBook) models() []hostModel {
	var out []hostModel
	for _, st := range b.statuses {
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

// modelRef names a model on a host.
type modelRef struct{ host, name string }

func (hm hostModel) ref() modelRef { return modelRef{host: hm.host, name: hm.info.Name} }

// newModelChoice offers models, the first one selected; picked returns the one chosen.
func newModelChoice(models []hostModel) (choice fyne.CanvasObject, picked func() (hostModel, bool)) {
	c := uikit.NewChoice[modelRef](nil)
	refs := make([]modelRef, len(models))
	for i, hm := range models {
		refs[i] = hm.ref()
	}
	c.SetOptions(refs, func(r modelRef) string {
		return engineLabel(model.Spec{Engine: model.EngineOllama, Host: r.host, Model: r.name})
	})
	if len(refs) > 0 {
		c.Set(refs[0])
	}
	return c, func() (hostModel, bool) {
		r, ok := c.Value()
		for _, hm := range models {
			if ok && hm.ref() == r {
				return hm, true
			}
		}
		return hostModel{}, false
	}
}

// hostsPanel shows the host book: each host's answer, a refresh button and the downloads.
type hostsPanel struct {
	book    *hostBook
	box     *fyne.Container
	help    *widget.Card
	refresh *widget.Button
	pull    *widget.Button
}

// newHostsPanel shows book; showPull opens the download dialog, settings the settings.
func newHostsPanel(book *hostBook, showPull func(), settings func()) *hostsPanel {
	h := &hostsPanel{book: book, box: container.NewVBox()}
	h.refresh = widget.NewButtonWithIcon(lang.L("Refresh"), theme.ViewRefreshIcon(), book.load)
	h.pull = widget.NewButtonWithIcon(lang.L("Download a model…"), theme.DownloadIcon(), showPull)
	h.help = widget.NewCard(lang.L("Ollama was not found"), "", ollamaHelp(settings))
	h.help.Hide()
	return h
}

func (h *hostsPanel) content() fyne.CanvasObject {
	return container.NewVBox(h.help, h.box, container.NewHBox(h.refresh, h.pull))
}

// show draws the book as it is: a waiting line while it loads, else a line per host.
func (h *hostsPanel) show() {
	if h.book.loading {
		h.refresh.Disable()
		h.box.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("Looking for Ollama…"))}
		h.box.Refresh()
		return
	}
	h.refresh.Enable()
	h.box.RemoveAll()
	if h.book.statuses == nil {
		return // never read: no Ollama engine
	}
	if len(h.book.reachableHosts()) > 0 {
		h.help.Hide()
		h.pull.Enable()
	} else {
		h.help.Show()
		h.pull.Disable()
	}
	for _, r := range h.book.statuses {
		h.box.Add(hostLine(r))
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

// ollamaHelp is the first-run explanation shown while no Ollama host answers.
func ollamaHelp(openSettings func()) fyne.CanvasObject {
	text := widget.NewRichTextFromMarkdown(lang.L("**Ollama** runs AI models on this computer, without sending anything to the internet. Rapporteur uses it to write variants with real language models.\n\n- To install it, download Ollama from its website (or ask your IT department), start it, then get a model, for instance in a terminal: `ollama pull mistral`.\n- If Ollama runs on another computer of your team, add its address in **Settings** (for instance http://192.168.1.20:11434).\n- Meanwhile, the **built-in engine** works without any model: it picks the key sentences of your report and never invents anything."))
	text.Wrapping = fyne.TextWrapWord
	settings := widget.NewButtonWithIcon(lang.L("Settings…"), theme.SettingsIcon(), openSettings)
	return container.NewVBox(text, container.NewHBox(settings))
}
