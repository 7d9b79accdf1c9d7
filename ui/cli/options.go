package cli

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

type optionError string

func (e optionError) Error() string { return string(e) }

// optionRange is a numeric model option and the values it takes: those model.Options accepts,
// named in the message when a value is refused.
type optionRange struct {
	name     string
	min, max float64
	whole    bool                          // an integer
	set      func(*model.Options, float64) // stores a value already checked
}

// optionRanges are the numeric options. The seed takes any integer: it is not in the table.
var optionRanges = []optionRange{
	{name: "temperature", min: 0, max: 2, set: func(o *model.Options, v float64) { o.Temperature = &v }},
	{name: "top_p", min: 0, max: 1, set: func(o *model.Options, v float64) { o.TopP = &v }},
	{name: "num_ctx", min: 0, max: 1 << 21, whole: true, set: func(o *model.Options, v float64) { o.NumCtx = int(v) }},
	{name: "num_predict", min: 0, max: 1 << 20, whole: true, set: func(o *model.Options, v float64) { o.NumPredict = int(v) }},
}

// format writes v as the user would type it.
func (r optionRange) format(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// parse reads value, refusing what is not a number of the range: NaN, infinities, an integer
// option's fractions, anything below min or above max.
func (r optionRange) parse(value string) (float64, error) {
	var v float64
	var err error
	if r.whole {
		var n int64
		n, err = strconv.ParseInt(value, 10, 64)
		v = float64(n)
	} else {
		v, err = strconv.ParseFloat(value, 64)
	}
	if err != nil || math.IsNaN(v) || v < r.min || v > r.max {
		return 0, r.refusal(value)
	}
	return v, nil
}

// refusal says which values the option takes.
func (r optionRange) refusal(value string) error {
	data := map[string]any{"Name": r.name, "Min": fmtNumber(r.min), "Max": fmtNumber(r.max), "Value": value}
	if r.whole {
		return optionError(lang.L("{{.Name}} takes a whole number from {{.Min}} to {{.Max}}, not {{.Value}}", data))
	}
	return optionError(lang.L("{{.Name}} takes a number from {{.Min}} to {{.Max}}, not {{.Value}}", data))
}

// parseOptions reads "temperature=0.2,seed=42,top_p=0.9,num_predict=800,num_ctx=8192".
func parseOptions(s string) (model.Options, error) {
	var o model.Options
	for _, item := range splitList(s) {
		key, value, ok := strings.Cut(item, "=")
		if !ok {
			return o, optionError(lang.L("{{.Item}} should read name=value", map[string]any{"Item": item}))
		}
		if err := setOption(&o, strings.TrimSpace(key), strings.TrimSpace(value)); err != nil {
			return o, err
		}
	}
	if err := o.Validate(); err != nil {
		return o, optionError(i18n.ErrorText(err))
	}
	return o, nil
}

func setOption(o *model.Options, key, value string) error {
	for _, r := range optionRanges {
		if r.name == key {
			v, err := r.parse(value)
			if err == nil {
				r.set(o, v)
			}
			return err
		}
	}
	switch key {
	case "seed":
		n, err := strconv.Atoi(value)
		if err != nil {
			return optionError(lang.L("seed takes a whole number, not {{.Value}}", map[string]any{"Value": value}))
		}
		o.Seed = &n
	case "think":
		b, err := strconv.ParseBool(value)
		if err != nil {
			return optionError(lang.L("think takes true or false"))
		}
		o.Think = b
	default:
		return optionError(lang.L("unknown option {{.Name}} (temperature, seed, top_p, num_predict, num_ctx, think)", map[string]any{"Name": key}))
	}
	return nil
}
