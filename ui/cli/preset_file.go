package cli

import (
	"io"
	"os"

	"github.com/rapporteur/rapporteur/model"
)

// loadPresets returns the built-in presets followed by those of the shared file at path, if
// any. A shared preset may not reuse a built-in identifier.
func loadPresets(path string) ([]model.Preset, error) {
	all := model.BuiltinPresets()
	if path == "" {
		return all, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, model.MaxShareFileSize))
	if err != nil {
		return nil, err
	}
	share, err := model.ParseShare(data)
	if err != nil {
		return nil, err
	}
	for i, p := range share.Presets {
		if model.IsBuiltinPreset(p.ID) {
			return nil, &model.ShareItemError{Kind: "preset", Index: i + 1, ID: p.ID,
				Err: &model.ValidationError{Field: "id", Problem: model.ProblemInvalid}}
		}
	}
	return append(all, share.Presets...), nil
}
