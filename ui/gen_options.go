package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
)

// optionsForm holds the generation options a model takes. An empty field leaves the model's
// default; the built-in engine ignores them all.
type optionsForm struct {
	temperature *widget.Entry
	seed        *widget.Entry
	topP        *widget.Entry
	numPredict  *widget.Entry
	numCtx      *widget.Entry
	think       *widget.Check
	form        *widget.Form
	onChange    func() // called when an option that changes the context fit is edited
}

func newOptionsForm() *optionsForm {
	o := &optionsForm{
		temperature: numberEntry(lang.L("default (0.8)")),
		seed:        numberEntry(lang.L("random")),
		topP:        numberEntry(lang.L("default (0.9)")),
		numPredict:  numberEntry(lang.L("no limit")),
		numCtx:      numberEntry(lang.L("automatic")),
		think:       widget.NewCheck(lang.L("let models that can reason first (slower)"), nil),
	}
	for _, e := range []*widget.Entry{o.numPredict, o.numCtx} {
		e.OnChanged = func(string) {
			if o.onChange != nil {
				o.onChange()
			}
		}
	}
	o.temperature.Validator = floatValidator(0, 2)
	o.topP.Validator = floatValidator(0, 1)
	o.seed.Validator = intValidator(0, 1<<31-1)
	o.numPredict.Validator = intValidator(1, 1<<20)
	o.numCtx.Validator = intValidator(256, 1<<21)
	o.form = widget.NewForm(
		widget.NewFormItem(lang.L("Temperature"), o.temperature),
		widget.NewFormItem(lang.L("Seed"), o.seed),
		widget.NewFormItem(lang.L("Top P"), o.topP),
		widget.NewFormItem(lang.L("Max. tokens"), o.numPredict),
		widget.NewFormItem(lang.L("Context (tokens)"), o.numCtx),
		widget.NewFormItem(lang.L("Thinking"), o.think),
	)
	o.form.Items[0].HintText = lang.L("0 = most faithful, 2 = most inventive")
	o.form.Items[1].HintText = lang.L("the same seed gives the same text again")
	o.form.Items[2].HintText = lang.L("lower = more predictable wording")
	o.form.Items[3].HintText = lang.L("longest answer, in tokens (about ¾ of a word each)")
	o.form.Items[4].HintText = lang.L("leave empty: sized to the report")
	o.form.Items[5].HintText = lang.L("the reasoning is never part of the variant")
	return o
}

func numberEntry(placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.PlaceHolder = placeholder
	return e
}

// parseNumber reads a number typed with a decimal point or comma.
func parseNumber(s string) (float64, error) {
	return strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), ",", "."), 64)
}

func floatValidator(min, max float64) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		v, err := parseNumber(s)
		if err != nil || v < min || v > max {
			return rangeError(min, max)
		}
		return nil
	}
}

func intValidator(min, max int) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		v, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || v < min || v > max {
			return rangeError(float64(min), float64(max))
		}
		return nil
	}
}

type rangeErr struct{ min, max float64 }

func (e rangeErr) Error() string {
	return lang.L("a number from {{.Min}} to {{.Max}}", map[string]any{"Min": fmtFloatShort(e.min), "Max": fmtFloatShort(e.max)})
}

func rangeError(min, max float64) error { return rangeErr{min, max} }

func fmtFloatShort(v float64) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return fmtFloat(v, 1)
}

// options reads the form. It returns the first invalid field's error; empty fields stay unset.
func (o *optionsForm) options() (model.Options, error) {
	var opts model.Options
	for _, e := range []*widget.Entry{o.temperature, o.seed, o.topP, o.numPredict, o.numCtx} {
		if err := e.Validate(); err != nil {
			return opts, err
		}
	}
	if v, err := parseNumber(o.temperature.Text); err == nil {
		opts.Temperature = &v
	}
	if v, err := parseNumber(o.topP.Text); err == nil {
		opts.TopP = &v
	}
	if v, err := strconv.Atoi(strings.TrimSpace(o.seed.Text)); err == nil {
		opts.Seed = &v
	}
	opts.NumPredict, _ = strconv.Atoi(strings.TrimSpace(o.numPredict.Text))
	opts.NumCtx, _ = strconv.Atoi(strings.TrimSpace(o.numCtx.Text))
	opts.Think = o.think.Checked
	return opts, opts.Validate()
}
