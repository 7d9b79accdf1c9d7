package ui

import (
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/store"
	"github.com/rapporteur/rapporteur/model/workflow"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// onImportArchive asks for an archive and adds its run as a new report.
func (u *UI) onImportArchive() {
	d := dialog.NewFileOpen(u.onArchiveChosen, u.win)
	d.SetFilter(uikit.RegularFiles{".json"})
	d.Show()
}

// onArchiveChosen imports the archive the open dialog chose. A local file is opened again by
// its path, so that only a regular file is read; another location (a desktop portal's
// document) is read through the dialog's reader.
func (u *UI) onArchiveChosen(rc fyne.URIReadCloser, err error) {
	if err != nil || rc == nil {
		u.showError(err)
		return
	}
	defer rc.Close()
	if rc.URI().Scheme() != "file" {
		u.showError(u.importArchiveFrom(rc))
		return
	}
	u.showError(u.importArchive(rc.URI().Path()))
}

// importArchive reads an archive (or a `rapporteur compare --json` output) from the file at
// path and opens the report it becomes. Only a regular file is read.
func (u *UI) importArchive(path string) error {
	f, _, err := model.OpenRegular(path)
	if err != nil {
		return fileError(path, err)
	}
	defer f.Close()
	return u.importArchiveFrom(f)
}

// importArchiveFrom reads an archive from r and opens the report it becomes. The run is checked
// like every other input before anything is added (see workflow.ImportArchive).
func (u *UI) importArchiveFrom(r io.Reader) error {
	rep, err := workflow.ImportArchive(u.ctx, u.store, r)
	if err != nil {
		return archiveError(err)
	}
	u.lib.Refresh()
	u.lib.Select(rep.ID)
	return nil
}

// importFailure is why an archive's run was refused, written for the user.
type importFailure struct {
	text string
	err  error
}

func (e importFailure) Error() string { return e.text }
func (e importFailure) Unwrap() error { return e.err }

// userFacing marks the text as written for the user.
func (importFailure) userFacing() {}

// archiveError explains a refused archive, naming the part refused and why; other errors are
// returned as they are.
func archiveError(err error) error {
	var ie *store.ImportError
	if !errors.As(err, &ie) {
		return err
	}
	return importFailure{err: err, text: lang.L("This run archive cannot be imported ({{.Part}}): {{.Reason}}",
		map[string]any{"Part": archivePart(ie), "Reason": archiveReason(ie.Err)})}
}

// archivePart names the part of an archive an import error is about.
func archivePart(ie *store.ImportError) string {
	data := map[string]any{"N": ie.Index}
	switch ie.Part {
	case "source":
		return lang.L("the report")
	case "variant":
		return lang.L("variant no. {{.N}}", data)
	case "vote":
		return lang.L("vote no. {{.N}}", data)
	case "critique":
		return lang.L("critique no. {{.N}}", data)
	case "review":
		return lang.L("review mark no. {{.N}}", data)
	}
	return lang.L("the run")
}

// archiveReason explains what is wrong with the part.
func archiveReason(err error) string {
	var bh workflow.BadHostError
	if errors.As(err, &bh) {
		host := []rune(model.CleanName(bh.Host))
		if len(host) > 80 {
			host = append(host[:80], '…')
		}
		return lang.L("« {{.Host}} » is not the address of an Ollama server.", map[string]any{"Host": string(host)})
	}
	v := model.AsValidation(err)
	switch {
	case v == nil:
	case v.Field == "host":
		return lang.L("the address of the Ollama server is missing or not valid.")
	case v.Problem == model.ProblemOutOfRange && slices.Contains([]string{"variants", "votes", "critiques", "reviews"}, v.Field):
		return lang.L("it holds too many items (at most {{.Max}} variants).", map[string]any{"Max": int(v.Limit)})
	case v.Field == "variant" || v.Field == "id":
		return lang.L("it refers to a variant the archive does not hold.")
	}
	return strings.TrimSuffix(ErrorText(err), ".") + "."
}

// fileError explains why a file chosen to be read cannot be: it is not a regular file (a
// folder, a pipe or a device, which could block the reading forever) or cannot be opened.
func fileError(path string, err error) error {
	if errors.Is(err, model.ErrNotRegular) {
		return importFailure{err: err, text: lang.L("{{.Name}} is not a file that can be read: it is a folder, a pipe or a device.",
			map[string]any{"Name": model.CleanName(filepath.Base(path))})}
	}
	return err
}
