package ui

import (
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model/workflow"
)

// onExportArchive asks where to write the run's archive.
func (c *comparison) onExportArchive() {
	if c.run.ID == 0 {
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			c.svc.showError(err)
			return
		}
		c.svc.showError(c.saveArchive(wc))
	}, c.svc.win)
	d.SetFileName(workflow.FileStem(c.source.Title) + ".json")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

// saveArchive writes the archive of the run on screen through wc, which the save dialog
// opened: source, specs, variants with their exact prompts, analyses, energy, critiques and
// review marks, and the votes.
func (c *comparison) saveArchive(wc fyne.URIWriteCloser) error {
	r, err := c.record()
	if err != nil {
		_ = wc.Close()
		_ = storage.Delete(wc.URI())
		return err
	}
	a := r.Archive("Rapporteur "+c.svc.version, time.Now())
	return writeThrough(withExtension(wc, ".json"), func(w io.Writer) error { return export.WriteArchive(w, a) })
}
