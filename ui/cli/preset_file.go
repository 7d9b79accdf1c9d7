package cli

import (
	"errors"
	"io"
	"io/fs"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/imports"
)

// loadPresets returns the built-in presets followed by those of the shared file at path, if
// any. A shared preset may not reuse a built-in identifier. The file is refused, as an
// imported report would be (an *imports.Error), when it is missing, not a regular file (a
// pipe would block the read forever) or larger than model.MaxShareFileSize.
func loadPresets(path string) ([]model.Preset, error) {
	all := model.BuiltinPresets()
	if path == "" {
		return all, nil
	}
	data, err := readShareFile(path)
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

// readShareFile reads a regular file of at most model.MaxShareFileSize bytes. A file that
// cannot be read fails as a report that cannot be imported does (*imports.Error), with its
// name; one too large is a *model.ShareTooLargeError.
func readShareFile(path string) ([]byte, error) {
	fail := func(code imports.Code, err error) error { return &imports.Error{Code: code, Name: path, Err: err} }
	f, info, err := model.OpenRegular(path) // a pipe fails at once instead of blocking the read
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fail(imports.CodeNotFound, err)
	case err != nil:
		return nil, fail(imports.CodeUnreadable, err)
	}
	defer f.Close()
	if info.Size() > model.MaxShareFileSize {
		return nil, &model.ShareTooLargeError{Size: info.Size(), Limit: model.MaxShareFileSize}
	}
	data, err := io.ReadAll(io.LimitReader(f, model.MaxShareFileSize+1)) // it may grow after Stat
	if err != nil {
		return nil, fail(imports.CodeUnreadable, err)
	}
	if len(data) > model.MaxShareFileSize {
		return nil, &model.ShareTooLargeError{Size: -1, Limit: model.MaxShareFileSize}
	}
	return data, nil
}
