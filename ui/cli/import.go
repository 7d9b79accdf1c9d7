package cli

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/imports"
	"github.com/rapporteur/rapporteur/model/store"
)

// runImport adds a file to the workspace as a new report and prints its id.
func runImport(e *env, args []string) int {
	fs := newFlags(e, "import")
	workspace := fs.String("workspace", "", lang.L("path of the workspace file (default: in the user's data folder)"))
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 {
		fmt.Fprintln(e.stderr, lang.L("Usage: rapporteur import FILE [--workspace PATH]"))
		return exitUsage
	}
	im, err := imports.ReadFile(files[0])
	if err != nil {
		fmt.Fprintln(e.stderr, errorText(err))
		return exitFailed
	}
	path := *workspace
	if path == "" {
		if path, err = store.DefaultPath(); err != nil {
			fmt.Fprintln(e.stderr, errorText(err))
			return exitFailed
		}
	}
	st, err := store.Open(path)
	if err != nil {
		fmt.Fprintln(e.stderr, errorText(err))
		return exitFailed
	}
	defer st.Close()
	title := im.Title
	if title == "" {
		title = lang.L("Untitled report")
	}
	r := model.NewReport(title, model.GuessLanguage(im.Body, model.French))
	r.Body = im.Body
	created, err := st.CreateReport(context.Background(), r)
	if err != nil {
		fmt.Fprintln(e.stderr, errorText(err))
		return exitFailed
	}
	fmt.Fprintln(e.stdout, created.ID)
	return exitOK
}
