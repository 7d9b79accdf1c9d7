package ui

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// onExport asks what the PDF should hold, then where to save it, then writes it.
func (c *comparison) onExport() {
	if c.run.ID == 0 || c.exportBtn.Disabled() {
		return
	}
	langs := []string{"Français", "English"}
	docLang := widget.NewSelect(langs, nil)
	docLang.SetSelectedIndex(0)
	if CurrentLanguage() == model.English {
		docLang.SetSelectedIndex(1)
	}
	mask := widget.NewCheck(lang.L("Mask personal data (e-mails, phone numbers, names of private persons)"), nil)
	facts := widget.NewCheck(lang.L("In the appendix, only the facts of the source, not its full text"), nil)
	diff := widget.NewCheck(lang.L("Colour the words of each variant that the source does not have"), nil)
	names := newMaskList()
	mask.OnChanged = func(on bool) {
		var terms []string
		if on {
			terms = export.MaskedTerms(c.comparisonDoc())
		}
		names.show(on, terms)
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Language of the document"), docLang),
		widget.NewFormItem("", mask), widget.NewFormItem("", names.view),
		widget.NewFormItem("", facts), widget.NewFormItem("", diff),
	}
	d := dialog.NewForm(lang.L("Export the comparison"), lang.L("Choose the file…"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		c.exportLang = model.French
		if docLang.SelectedIndex() == 1 {
			c.exportLang = model.English
		}
		c.exportOpts = export.ComparisonOptions{MaskPersonal: mask.Checked, Unmasked: names.unmasked(),
			SourceFacts: facts.Checked, DiffColours: diff.Checked}
		c.chooseExportFile()
	}, c.u.win)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
}

// chooseExportFile asks where to write the PDF.
func (c *comparison) chooseExportFile() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			c.u.showError(err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		_ = wc.Close()
		c.exportTo(path, nil)
	}, c.u.win)
	d.SetFileName(fileSlug(c.source.Title) + ".pdf")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
}

// comparisonDoc gathers what the PDF shows: the run, its analysis, energy, models, votes,
// critiques, review marks and exact prompts, with the options chosen.
func (c *comparison) comparisonDoc() export.Comparison {
	variants := append(c.variants[:0:0], c.variants...)
	docLang := c.exportLang
	if !docLang.Valid() {
		docLang = CurrentLanguage()
	}
	doc := export.Comparison{
		Source: c.source, Variants: variants, Presets: c.u.deps.Presets, Language: docLang,
		Exported: time.Now(), AppVersion: c.u.deps.Version, Options: c.exportOpts,
		Energy: map[int64]analysis.Energy{}, Models: map[int64]string{}, Prompts: map[int64][]export.Prompt{},
		Critiques: c.critiques, Reviews: c.marks,
	}
	if c.analysis != nil && c.analysis.runID == c.run.ID {
		doc.SourceAnalysis, doc.VariantAnalyses = &c.analysis.source, c.analysis.variants
	}
	doc.Votes, _ = c.u.deps.Store.Votes(c.u.ctx, c.run.ID)
	for _, v := range variants {
		doc.Energy[v.ID] = c.u.energyOf(v)
		if d := c.u.modelDescription(v); d != "" {
			doc.Models[v.ID] = d
		}
		for _, m := range promptOf(c.source, v, c.u.deps.Presets) {
			doc.Prompts[v.ID] = append(doc.Prompts[v.ID], export.Prompt(m))
		}
	}
	return doc
}

// modelDescription names the model of v with its size and quantisation, and its host.
func (u *UI) modelDescription(v model.Variant) string {
	if v.Engine != model.EngineOllama {
		return ""
	}
	for _, hm := range u.gen.hosts.models() {
		if hm.host == v.Host && hm.info.Name == v.Model {
			return fmt.Sprintf("%s · %s · %s · %s (%s)", v.Model, hm.info.ParameterSize, hm.info.Quantization, shortDigest(hm.info.Digest), hostName(v.Host))
		}
	}
	return fmt.Sprintf("%s (%s)", v.Model, hostName(v.Host))
}

// exportTo writes the PDF in the background, showing progress, and offers to open it.
// done, when not nil, is called on the UI thread with the outcome.
func (c *comparison) exportTo(path string, done func(error)) {
	if !strings.EqualFold(filepath.Ext(path), ".pdf") {
		removeIfEmpty(path) // the save dialog created the name as typed; the PDF gets its extension
		path += ".pdf"
	}
	doc := c.comparisonDoc()
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(lang.L("Exporting the PDF…"), bar, c.u.win)
	wait.Show()
	go func() {
		err := export.SaveComparisonPDF(path, doc)
		runOnUI(func() {
			wait.Hide()
			bar.Stop()
			if done != nil {
				done(err)
			}
			if err != nil {
				c.u.showError(err)
				return
			}
			c.showExported(path)
		})
	}()
}

func (c *comparison) showExported(path string) {
	msg := widget.NewLabel(lang.L("The comparison was saved to {{.Path}}", map[string]any{"Path": path}))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("PDF exported"), lang.L("Open the file"), lang.L("Close"), msg, func(open bool) {
		if open {
			c.u.openFile(path)
		}
	}, c.u.win)
	d.Resize(fyne.NewSize(480, 200))
	d.Show()
}

// fileSlug turns a title into a safe file name: letters, digits and dashes.
func fileSlug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if s == "" {
		return "comparaison"
	}
	return s
}

// openFile opens a local file with the system's default application.
func (u *UI) openFile(path string) {
	target, err := url.Parse(storage.NewFileURI(path).String())
	if err == nil {
		err = u.app.OpenURL(target)
	}
	u.showError(err)
}

// removeIfEmpty deletes path when it is an empty regular file.
func removeIfEmpty(path string) {
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() && info.Size() == 0 {
		_ = os.Remove(path)
	}
}
