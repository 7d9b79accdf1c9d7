package cli

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/ui"
)

type optionError string

func (e optionError) Error() string { return string(e) }

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
		return o, optionError(ui.ErrorText(err))
	}
	return o, nil
}

func setOption(o *model.Options, key, value string) error {
	bad := optionError(lang.L("{{.Name}}: {{.Value}} is not a valid number", map[string]any{"Name": key, "Value": value}))
	switch key {
	case "temperature", "top_p":
		f, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return bad
		}
		if key == "temperature" {
			o.Temperature = &f
		} else {
			o.TopP = &f
		}
	case "think":
		b, err := strconv.ParseBool(value)
		if err != nil {
			return optionError(lang.L("think takes true or false"))
		}
		o.Think = b
	case "seed", "num_predict", "num_ctx":
		n, err := strconv.Atoi(value)
		if err != nil {
			return bad
		}
		setInt(o, key, n)
	default:
		return optionError(lang.L("unknown option {{.Name}} (temperature, seed, top_p, num_predict, num_ctx, think)", map[string]any{"Name": key}))
	}
	return nil
}

func setInt(o *model.Options, key string, n int) {
	switch key {
	case "seed":
		o.Seed = &n
	case "num_predict":
		o.NumPredict = n
	default:
		o.NumCtx = n
	}
}
