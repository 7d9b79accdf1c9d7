package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Preference keys and defaults of the Ollama settings.
const (
	prefStallSeconds = "ollama-stall-seconds"
	prefParallel     = "ollama-parallel"

	defaultStallSeconds = 60
)

// StallTimeout returns how long a model may stay silent, once loaded, before Rapporteur says it
// stalled.
func StallTimeout(a fyne.App) time.Duration {
	return time.Duration(a.Preferences().IntWithFallback(prefStallSeconds, defaultStallSeconds)) * time.Second
}

// Parallel returns how many variants of one model a host writes at once.
func Parallel(a fyne.App) int {
	return max(1, a.Preferences().IntWithFallback(prefParallel, 1))
}

// ollamaSettings edits the hosts, the stall timeout and the parallelism.
type ollamaSettings struct {
	app         fyne.App
	applied     func() // takes the settings saved into account
	servers     *serverList
	stall       *widget.Entry
	firstAnswer *widget.Entry
	maxOutput   *widget.Entry
	parallel    *widget.Entry
	watts       *widget.Entry
	grid        *widget.Entry
}

func newOllamaSettings(d settingsDeps) *ollamaSettings {
	a := d.app
	o := &ollamaSettings{app: a, applied: d.applied, stall: widget.NewEntry(), parallel: widget.NewEntry()}
	o.servers = newServerList(a, d.win, d.keys, d.background)
	o.stall.SetText(strconv.Itoa(int(StallTimeout(a) / time.Second)))
	o.stall.Validator = required(intValidator(5, 3600))
	o.firstAnswer = widget.NewEntry()
	o.firstAnswer.SetText(fmtSeconds(FirstAnswerTimeout(a)))
	o.firstAnswer.Validator = required(intValidator(10, 7200))
	o.maxOutput = widget.NewEntry()
	o.maxOutput.SetText(strconv.Itoa(MaxOutput(a)))
	o.maxOutput.Validator = required(intValidator(10_000, 50_000_000))
	o.parallel.SetText(strconv.Itoa(Parallel(a)))
	o.parallel.Validator = required(intValidator(1, 8))
	o.watts = widget.NewEntry()
	o.watts.SetText(fmtFloatShort(DeviceWatts(a)))
	o.watts.Validator = required(floatValidator(1, 2000))
	o.grid = widget.NewEntry()
	o.grid.SetText(fmtFloatShort(GridIntensity(a)))
	o.grid.Validator = required(floatValidator(0, 2000))
	return o
}

func (o *ollamaSettings) items() []*widget.FormItem {
	stall := widget.NewFormItem(lang.L("Silence before alert (s)"), o.stall)
	stall.HintText = lang.L("a loaded model that sends nothing for this long is reported as stuck")
	first := widget.NewFormItem(lang.L("Wait for the first word (s)"), o.firstAnswer)
	first.HintText = lang.L("loading a model and reading a long report can take minutes on a laptop")
	maxOut := widget.NewFormItem(lang.L("Longest answer (characters)"), o.maxOutput)
	maxOut.HintText = lang.L("a model that writes more is stopped; its text is kept up to there")
	parallel := widget.NewFormItem(lang.L("Variants at once per model"), o.parallel)
	parallel.HintText = lang.L("for the servers whose own field is empty; as many as OLLAMA_NUM_PARALLEL allows (1 by default)")
	watts := widget.NewFormItem(lang.L("Power of this computer (W)"), o.watts)
	watts.HintText = lang.L("while it generates; about 30 W for a laptop, 100 W or more with a graphics card")
	grid := widget.NewFormItem(lang.L("Carbon intensity (gCO₂e/kWh)"), o.grid)
	grid.HintText = lang.L("81.3 for France (ADEME factor used by EcoLogits)")
	return []*widget.FormItem{stall, first, maxOut, parallel, watts, grid}
}

func errHostRequired() error { return hostErr(lang.L("at least one address is needed")) }

type hostErr string

func (e hostErr) Error() string { return string(e) }

// save stores valid settings and reloads the hosts; it returns the first invalid field's error.
func (o *ollamaSettings) save() error {
	list, err := o.servers.read()
	if err != nil {
		return err
	}
	for _, e := range []*widget.Entry{o.stall, o.firstAnswer, o.maxOutput, o.parallel, o.watts, o.grid} {
		if err := e.Validate(); err != nil {
			return err
		}
	}
	stall, _ := strconv.Atoi(strings.TrimSpace(o.stall.Text))
	parallel, _ := strconv.Atoi(strings.TrimSpace(o.parallel.Text))
	p := o.app.Preferences()
	saveServers(o.app, list)
	p.SetInt(prefStallSeconds, stall)
	first, _ := strconv.Atoi(strings.TrimSpace(o.firstAnswer.Text))
	p.SetInt(prefFirstAnswer, first)
	maxOut, _ := strconv.Atoi(strings.TrimSpace(o.maxOutput.Text))
	p.SetInt(prefMaxOutput, maxOut)
	p.SetInt(prefParallel, parallel)
	watts, _ := parseNumber(o.watts.Text)
	grid, _ := parseNumber(o.grid.Text)
	p.SetFloat(prefDeviceWatts, watts)
	p.SetFloat(prefGridIntensity, grid)
	o.applied()
	return nil
}

// required refuses an empty field, then checks it with v.
func required(v fyne.StringValidator) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return hostErr(lang.L("this field is required"))
		}
		return v(s)
	}
}
