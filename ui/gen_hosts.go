package ui

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// Timeouts of reading a host: its version and list, then each model's details.
const (
	statusTimeout = 10 * time.Second
	showTimeout   = 10 * time.Second
)

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

// hostRead is what was read of a server, with its kind, the number of models whose details
// failed and where each model writes.
type hostRead struct {
	generate.HostStatus
	kind       string // model.EngineOllama or model.EngineOpenAI
	unreadable int
	places     []place // one for each of Models
}

// place is where a model writes, and the machine or service it names.
type place struct {
	where model.Place
	name  string
}

// load reads every server's status in the background, all at once. Asked while a load runs,
// it loads again once that one is in, so new settings or a new model are never missed.
func (b *hostBook) load() {
	if b.svc.ollama == nil && b.svc.openai == nil {
		return
	}
	if b.loading {
		b.again = true
		return
	}
	b.loading = true
	b.notify()
	list := servers(b.svc.app)
	sources := make([]func(string) (modelSource, error), len(list))
	for i, s := range list {
		sources[i] = b.sourceFor(s.kind)
	}
	ctx := b.svc.ctx
	b.svc.background.Go(func() { // closing the window cancels ctx: the reading ends at once
		reads := make([]hostRead, len(list))
		var wg sync.WaitGroup
		for i, s := range list {
			wg.Go(func() {
				reads[i] = readHost(ctx, sources[i], s.url)
				reads[i].kind = s.kind
			})
		}
		wg.Wait()
		runOnUI(func() { b.loaded(reads) })
	})
}

// modelSource is what the host book reads of a server, whatever its kind: *ollama.Client and
// *openai.Client.
type modelSource interface {
	Status(ctx context.Context) generate.HostStatus
	Show(ctx context.Context, name string) (generate.ModelInfo, error)
	Locate(ctx context.Context, info generate.ModelInfo) (model.Place, string)
}

// sourceFor returns how to reach a server of kind, through the engine of that kind.
func (b *hostBook) sourceFor(kind string) func(string) (modelSource, error) {
	ol, oa := b.svc.ollama, b.svc.openai
	return func(host string) (modelSource, error) {
		switch {
		case kind == model.EngineOpenAI && oa != nil:
			return oa.Client(host)
		case kind == model.EngineOllama && ol != nil:
			return ol.Client(host)
		}
		return nil, &generate.Error{Code: generate.CodeEngineMissing, Err: errors.New("no engine for " + kind)}
	}
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
func readHost(ctx context.Context, source func(string) (modelSource, error), host string) hostRead {
	c, err := source(host)
	if err != nil {
		return hostRead{HostStatus: generate.HostStatus{Host: host, Err: err}}
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

// reachableHosts lists the servers that answered at the last reading, of every kind.
func (b *hostBook) reachableHosts() []string { return b.reachable("") }

// reachableOllama lists the Ollama servers that answered at the last reading: those a model
// can be downloaded to.
func (b *hostBook) reachableOllama() []string { return b.reachable(model.EngineOllama) }

// reachable lists the servers of kind ("" for any) that answered at the last reading.
func (b *hostBook) reachable(kind string) []string {
	var out []string
	for _, r := range b.statuses {
		if r.Reachable && (kind == "" || r.kind == kind) {
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
			hm := hostModel{engine: st.kind, host: st.Host, info: m}
			if i < len(st.places) {
				hm.where, hm.whereName = st.places[i].where, st.places[i].name
			}
			out = append(out, hm)
		}
	}
	return out
}

// hostModel is one model on one server, the engine that reaches it, and where it writes.
type hostModel struct {
	engine    string // model.EngineOllama or model.EngineOpenAI
	host      string
	info      generate.ModelInfo
	where     model.Place
	whereName string
}

// modelRef names a model on a server.
type modelRef struct{ engine, host, name string }

func (hm hostModel) ref() modelRef {
	return modelRef{engine: hm.engine, host: hm.host, name: hm.info.Name}
}

// spec is a request for the model, without preset.
func (hm hostModel) spec() model.Spec {
	return model.Spec{Engine: hm.engine, Host: hm.host, Model: hm.info.Name}
}

// newModelChoice offers models, the first one selected; picked returns the one chosen.
func newModelChoice(models []hostModel) (choice fyne.CanvasObject, picked func() (hostModel, bool)) {
	c := uikit.NewChoice[modelRef](nil)
	refs := make([]modelRef, len(models))
	for i, hm := range models {
		refs[i] = hm.ref()
	}
	c.SetOptions(refs, func(r modelRef) string {
		return engineLabel(model.Spec{Engine: r.engine, Host: r.host, Model: r.name})
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
	setVisible(h.help, len(h.book.reachableHosts()) == 0)
	if len(h.book.reachableOllama()) > 0 {
		h.pull.Enable()
	} else {
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
	if r.kind == model.EngineOpenAI {
		text = lang.L("{{.Host}}: OpenAI-compatible server, {{.Count}} models", data)
		if len(r.Models) == 1 {
			text = lang.L("{{.Host}}: OpenAI-compatible server, 1 model", data)
		}
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
