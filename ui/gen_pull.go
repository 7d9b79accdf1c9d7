package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// pullPace is how often download progress reaches the screen, however fast Ollama reports it.
const pullPace = 100 * time.Millisecond

// pullDialog downloads a model onto a host, with a progress bar and a cancel button. Closing the
// dialog lets the download go on; its end shows in the hosts panel.
type pullDialog struct {
	svc    *services
	name   *widget.Entry
	host   *uikit.Choice[string]
	bar    *widget.ProgressBar
	status *widget.Label
	start  *widget.Button
	stop   *widget.Button
	dlg    dialog.Dialog

	mu     sync.Mutex
	cancel context.CancelFunc
}

// showPull opens the download dialog for a model on a host; both may be empty, and the host
// defaults to the first one that answered.
func showPull(svc *services, host, name string) *pullDialog {
	p := &pullDialog{svc: svc, bar: widget.NewProgressBar(), status: widget.NewLabel("")}
	p.name = widget.NewEntry()
	p.name.PlaceHolder = "mistral:7b"
	p.name.SetText(name)
	hosts := svc.hosts.reachableOllama()
	if host != "" && !contains(hosts, host) {
		hosts = append([]string{host}, hosts...)
	}
	p.host = uikit.NewChoice[string](nil)
	p.host.SetOptions(hosts, hostName)
	if host != "" {
		p.host.Set(host)
	} else if len(hosts) > 0 {
		p.host.Set(hosts[0])
	}
	p.status.Wrapping = fyne.TextWrapWord
	p.start = widget.NewButton(lang.L("Download"), p.onStart)
	p.start.Importance = widget.HighImportance
	p.stop = widget.NewButton(lang.L("Cancel the download"), p.onStop)
	p.stop.Disable()
	form := widget.NewForm(widget.NewFormItem(lang.L("Model"), p.name), widget.NewFormItem(lang.L("Host"), p.host))
	body := container.NewVBox(form, container.NewHBox(p.start, p.stop), p.bar, p.status)
	p.dlg = dialog.NewCustom(lang.L("Download a model"), lang.L("Close"), body, svc.win)
	p.dlg.Resize(fyne.NewSize(520, 0))
	p.dlg.Show()
	return p
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (p *pullDialog) onStart() {
	host, _ := p.host.Value()
	name := strings.TrimSpace(p.name.Text)
	if name == "" || host == "" || p.svc.ollama == nil {
		p.status.SetText(lang.L("Give the model's name and choose a host that answers."))
		return
	}
	key := host + "|" + name
	if p.svc.pulls[key] {
		p.status.SetText(lang.L("This model is already being downloaded on this host."))
		return
	}
	c, err := p.svc.ollama.Client(host)
	if err != nil {
		p.status.SetText(ErrorText(err))
		return
	}
	ctx, cancel := context.WithCancel(p.svc.ctx)
	p.mu.Lock()
	p.cancel = cancel
	p.mu.Unlock()
	p.svc.pulls[key] = true
	p.start.Disable()
	p.stop.Enable()
	p.status.SetText(lang.L("Connecting…"))
	p.svc.background.Go(func() { // closing the window cancels ctx: the download stops
		shown := newPacer(pullPace, func(m map[int]ollama.PullProgress) { p.progress(m[0]) })
		err := c.Pull(ctx, name, func(pr ollama.PullProgress) { shown.push(0, pr) })
		shown.stop() // the outcome below is the last word
		cancel()
		runOnUI(func() {
			delete(p.svc.pulls, key)
			p.finished(name, err)
		})
	})
}

// progress shows one step of the download: the layer, bytes done and total, and speed.
func (p *pullDialog) progress(pr ollama.PullProgress) {
	status := pullStatus(pr.Status)
	if pr.Total > 0 {
		p.bar.SetValue(float64(pr.Completed) / float64(pr.Total))
		p.status.SetText(fmt.Sprintf("%s — %s / %s — %s/s", status, formatBytes(pr.Completed), formatBytes(pr.Total), formatBytes(int64(pr.BytesPerSecond))))
		return
	}
	p.status.SetText(status)
}

// pullStatus translates the steps Ollama reports while pulling.
func pullStatus(s string) string {
	switch {
	case s == "pulling manifest":
		return lang.L("Reading the model's manifest")
	case strings.HasPrefix(s, "pulling "):
		return lang.L("Downloading part {{.Part}}", map[string]any{"Part": strings.TrimPrefix(s, "pulling ")})
	case s == "verifying sha256 digest":
		return lang.L("Checking the download")
	case s == "writing manifest":
		return lang.L("Installing")
	case s == "success":
		return lang.L("Done")
	}
	return s
}

func (p *pullDialog) finished(name string, err error) {
	p.start.Enable()
	p.stop.Disable()
	if err != nil {
		p.status.SetText(lang.L("The download stopped: {{.Reason}}", map[string]any{"Reason": ErrorText(err)}))
		return
	}
	p.bar.SetValue(1)
	p.status.SetText(lang.L("{{.Name}} is installed.", map[string]any{"Name": name}))
	p.svc.hosts.load()
}

// onStop cancels the download under way.
func (p *pullDialog) onStop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cancel != nil {
		p.cancel()
	}
}
