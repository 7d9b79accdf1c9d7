package ui

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/store"
)

// archive gathers the run on screen into an archive: source, specs, variants with their exact
// prompts, analyses, critiques and review marks, and the votes.
func (c *comparison) archive() (export.Archive, error) {
	votes, err := c.u.deps.Store.Votes(c.u.ctx, c.run.ID)
	if err != nil {
		return export.Archive{}, err
	}
	a := export.Archive{Generator: "Rapporteur " + c.u.deps.Version, Exported: time.Now().UTC(), Source: c.source, Run: c.run, Votes: votes}
	for _, v := range c.variants {
		av := export.ArchivedVariant{Variant: v, Critiques: c.critiques[v.ID], Prompt: promptOf(c.source, v, c.u.deps.Presets)}
		if va, ok := c.variantAnalysis(v); ok {
			av.Analysis = &va
		}
		if m, ok := c.marks[v.ID]; ok {
			av.Review = &m
		}
		a.Variants = append(a.Variants, av)
	}
	return a, nil
}

// promptOf returns the messages a model variant was asked with; none for the built-in engine.
// The instructions are those recorded on the variant when it was generated, even if its preset
// has changed or been deleted since; older variants, which lack them, get the preset's current
// ones.
func promptOf(rev model.Revision, v model.Variant, presets []model.Preset) []export.Message {
	p, ok := model.FindPreset(presets, v.PresetID)
	if v.Engine != model.EngineOllama || !ok && v.Prompt == "" {
		return nil
	}
	msgs := ollama.Messages(generate.Request{Source: rev, Preset: p, Spec: v.Spec})
	if v.Prompt != "" {
		msgs[0].Content = v.Prompt
	}
	out := make([]export.Message, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, export.Message{Role: m.Role, Content: m.Content})
	}
	return out
}

// onExportArchive asks where to write the run's archive.
func (c *comparison) onExportArchive() {
	if c.run.ID == 0 {
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			c.u.showError(err)
			return
		}
		path := wc.URI().Path()
		_ = wc.Close()
		c.u.showError(c.saveArchive(path))
	}, c.u.win)
	d.SetFileName(fileSlug(c.source.Title) + ".json")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

// saveArchive writes the archive of the run on screen to path.
func (c *comparison) saveArchive(path string) error {
	a, err := c.archive()
	if err != nil {
		return err
	}
	if !strings.EqualFold(filepath.Ext(path), ".json") {
		removeIfEmpty(path)
		path += ".json"
	}
	return export.SaveArchive(path, a)
}

// onImportArchive asks for an archive and adds its run as a new report.
func (u *UI) onImportArchive() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			u.showError(err)
			return
		}
		path := rc.URI().Path()
		_ = rc.Close()
		u.showError(u.importArchive(path))
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

// importArchive reads an archive and opens the report it becomes.
func (u *UI) importArchive(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	a, err := export.ReadArchive(f)
	if err != nil {
		return err
	}
	in := store.ImportedRun{Source: a.Source, Votes: a.Votes}
	for _, v := range a.Variants {
		in.Variants = append(in.Variants, v.Variant)
		in.Critiques = append(in.Critiques, v.Critiques...)
		if v.Review != nil {
			in.Reviews = append(in.Reviews, *v.Review)
		}
	}
	r, err := u.deps.Store.ImportRun(u.ctx, in)
	if err != nil {
		return err
	}
	u.lib.refresh()
	u.lib.selectReport(r.ID)
	return nil
}
