package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/generate/ollama"
)

// showModelCard shows what is known of a model: family, size, quantisation, context, abilities.
func (u *UI) showModelCard(host string, m ollama.ModelInfo) {
	thinking := lang.L("no")
	if m.Thinking() {
		thinking = lang.L("yes")
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Host"), widget.NewLabel(host)),
		widget.NewFormItem(lang.L("Family"), widget.NewLabel(m.Family)),
		widget.NewFormItem(lang.L("Parameters"), widget.NewLabel(m.ParameterSize)),
		widget.NewFormItem(lang.L("Quantisation"), widget.NewLabel(m.Quantization)),
		widget.NewFormItem(lang.L("Size on disk"), widget.NewLabel(formatBytes(m.Size))),
		widget.NewFormItem(lang.L("Context length"), widget.NewLabel(lang.L("{{.N}} tokens", map[string]any{"N": fmtInt(m.ContextLength)}))),
		widget.NewFormItem(lang.L("Thinking mode"), widget.NewLabel(thinking)),
		widget.NewFormItem(lang.L("Abilities"), widget.NewLabel(strings.Join(m.Capabilities, ", "))),
		widget.NewFormItem(lang.L("Identifier"), widget.NewLabel(shortDigest(m.Digest))),
	}
	d := dialog.NewCustom(m.Name, lang.L("Close"), widget.NewForm(items...), u.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
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

// pullDialog downloads a model onto a host, with a progress bar and a cancel button.
type pullDialog struct {
	u      *UI
	name   *widget.Entry
	host   *widget.Select
	bar    *widget.ProgressBar
	status *widget.Label
	start  *widget.Button
	dlg    dialog.Dialog

	mu     sync.Mutex
	cancel context.CancelFunc
}

// showPull opens the download dialog, with name filled in when a generation lacked that model.
func (u *UI) showPull(name string) *pullDialog {
	p := &pullDialog{u: u, bar: widget.NewProgressBar(), status: widget.NewLabel("")}
	p.name = widget.NewEntry()
	p.name.PlaceHolder = "mistral:7b"
	p.name.SetText(name)
	p.host = widget.NewSelect(Hosts(u.app), nil)
	p.host.SetSelectedIndex(0)
	p.status.Wrapping = fyne.TextWrapWord
	p.start = widget.NewButton(lang.L("Download"), p.onStart)
	p.start.Importance = widget.HighImportance
	form := widget.NewForm(widget.NewFormItem(lang.L("Model"), p.name), widget.NewFormItem(lang.L("Host"), p.host))
	body := container.NewVBox(form, p.start, p.bar, p.status)
	p.dlg = dialog.NewCustom(lang.L("Download a model"), lang.L("Close"), body, u.win)
	p.dlg.SetOnClosed(p.stop)
	p.dlg.Resize(fyne.NewSize(520, 0))
	p.dlg.Show()
	return p
}

func (p *pullDialog) onStart() {
	name := strings.TrimSpace(p.name.Text)
	if name == "" || p.host.Selected == "" || p.u.deps.Ollama == nil {
		return
	}
	c, err := p.u.deps.Ollama.Client(p.host.Selected)
	if err != nil {
		p.status.SetText(ErrorText(err))
		return
	}
	ctx, cancel := context.WithCancel(p.u.ctx)
	p.mu.Lock()
	p.cancel = cancel
	p.mu.Unlock()
	p.start.Disable()
	p.status.SetText(lang.L("Connecting…"))
	go func() {
		err := c.Pull(ctx, name, func(pr ollama.PullProgress) { runOnUI(func() { p.progress(pr) }) })
		cancel()
		runOnUI(func() { p.finished(name, err) })
	}()
}

// progress shows one step of the download: the layer, bytes done and total, and speed.
func (p *pullDialog) progress(pr ollama.PullProgress) {
	if pr.Total > 0 {
		p.bar.SetValue(float64(pr.Completed) / float64(pr.Total))
		p.status.SetText(fmt.Sprintf("%s — %s / %s — %s/s", pr.Status, formatBytes(pr.Completed), formatBytes(pr.Total), formatBytes(int64(pr.BytesPerSecond))))
		return
	}
	p.status.SetText(pr.Status)
}

func (p *pullDialog) finished(name string, err error) {
	p.start.Enable()
	if err != nil {
		p.status.SetText(lang.L("The download stopped: {{.Reason}}", map[string]any{"Reason": ErrorText(err)}))
		return
	}
	p.bar.SetValue(1)
	p.status.SetText(lang.L("{{.Name}} is installed.", map[string]any{"Name": name}))
	p.u.gen.hosts.load()
}

// stop cancels a download in progress when the dialog closes.
func (p *pullDialog) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cancel != nil {
		p.cancel()
	}
}
