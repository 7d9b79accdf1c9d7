package cli

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model/store"
	"github.com/rapporteur/rapporteur/ui/i18n"
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
	r, err := i18n.ReadReport(files[0])
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
	created, err := st.CreateReport(context.Background(), r)
	if err != nil {
		fmt.Fprintln(e.stderr, errorText(err))
		return exitFailed
	}
	fmt.Fprintln(e.stdout, created.ID)
	return exitOK
}
