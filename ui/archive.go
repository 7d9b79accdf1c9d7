package ui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
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
	a := export.Archive{Generator: "Rapporteur " + c.u.deps.Version, Exported: time.Now().UTC(), Source: export.ArchivedSource{Revision: c.source}, Run: c.run, Votes: votes}
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
func promptOf(rev model.Revision, v model.Variant, presets []model.Preset) []export.Prompt {
	p, ok := model.FindPreset(presets, v.PresetID)
	if v.Engine != model.EngineOllama || !ok && v.Prompt == "" {
		return nil
	}
	msgs := ollama.Messages(generate.Request{Source: rev, Preset: p, Spec: v.Spec})
	if v.Prompt != "" {
		msgs[0].Content = v.Prompt
	}
	out := make([]export.Prompt, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, export.Prompt{Role: m.Role, Content: m.Content})
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
	d.SetFilter(regularFiles{".json"})
	d.Show()
}

// importArchive reads an archive and opens the report it becomes. Only a regular file is read,
// and the run is checked like every other input before anything is added (see
// store.ImportRun); its Ollama hosts are normalised first.
func (u *UI) importArchive(path string) error {
	f, _, err := model.OpenRegular(path)
	if err != nil {
		return fileError(path, err)
	}
	defer f.Close()
	a, err := export.ReadArchive(f)
	if err != nil {
		return err
	}
	in := store.ImportedRun{Source: a.Source.Revision, Votes: a.Votes}
	for _, v := range a.Variants {
		in.Variants = append(in.Variants, v.Variant)
		in.Critiques = append(in.Critiques, v.Critiques...)
		if v.Review != nil {
			in.Reviews = append(in.Reviews, *v.Review)
		}
	}
	if err := normalizeHosts(&in); err != nil {
		return archiveError(err)
	}
	r, err := u.deps.Store.ImportRun(u.ctx, in)
	if err != nil {
		return archiveError(err)
	}
	u.lib.refresh()
	u.lib.selectReport(r.ID)
	return nil
}

// normalizeHosts writes every Ollama host the run names as ollama.NormalizeHost does, or says
// which variant or critique names something that is not an Ollama address. An empty host is
// left for the store to refuse: normalised, it would claim the default local server.
func normalizeHosts(in *store.ImportedRun) error {
	for i := range in.Variants {
		if err := normalizeHost(&in.Variants[i].Spec); err != nil {
			return &store.ImportError{Part: "variant", Index: i + 1, Err: err}
		}
	}
	for i := range in.Critiques {
		if err := normalizeHost(&in.Critiques[i].Spec); err != nil {
			return &store.ImportError{Part: "critique", Index: i + 1, Err: err}
		}
	}
	return nil
}

// normalizeHost normalises the host of an Ollama spec, when it names one.
func normalizeHost(s *model.Spec) error {
	if s.Engine != model.EngineOllama || s.Host == "" {
		return nil
	}
	h, err := ollama.NormalizeHost(s.Host)
	if err != nil {
		return badHost{host: s.Host, err: err}
	}
	s.Host = h
	return nil
}

// badHost is an archive's host that is not an Ollama address.
type badHost struct {
	host string
	err  error
}

func (e badHost) Error() string { return "host " + e.host + ": " + e.err.Error() }
func (e badHost) Unwrap() error { return e.err }

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
	var bh badHost
	if errors.As(err, &bh) {
		host := []rune(model.CleanName(bh.host))
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

// regularFiles is a file dialog's filter showing only regular files with one of its
// extensions (all, when it has none): a pipe or a device would block the dialog as it opens
// the file.
type regularFiles []string

// Matches reports whether the dialog may offer uri.
func (exts regularFiles) Matches(uri fyne.URI) bool {
	if len(exts) > 0 && !slices.ContainsFunc(exts, func(ext string) bool { return strings.EqualFold(uri.Extension(), ext) }) {
		return false
	}
	if uri.Scheme() != "file" {
		return true
	}
	info, err := os.Stat(uri.Path())
	return err == nil && info.Mode().IsRegular()
}
