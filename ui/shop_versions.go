package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"slices"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// presetHistory shows the saved versions of a user preset, what changed between two of them,
// and brings an older one back as the newest version.
type presetHistory struct {
	e        *presetEditor
	versions []model.Preset     // newest first
	from, to *uikit.Choice[int] // versions by number
	diff     *widget.RichText
	restore  *widget.Button
	dlg      dialog.Dialog
}

// onVersions saves the preset on screen if it changed, then opens its versions.
func (e *presetEditor) onVersions() *presetHistory {
	if e.dirty && e.save() != nil {
		return nil
	}
	versions, err := e.w.svc.store.PresetVersions(e.w.svc.ctx, e.p.ID)
	if err != nil {
		e.w.svc.showError(err)
		return nil
	}
	h := &presetHistory{e: e, versions: versions, diff: widget.NewRichText()}
	h.diff.Wrapping = fyne.TextWrapWord
	numbers := make([]int, len(versions))
	for i, v := range versions {
		numbers[i] = v.Version
	}
	label := func(n int) string { return lang.L("Version {{.N}}", map[string]any{"N": n}) }
	h.from = uikit.NewChoice(func(int) { h.showDiff() })
	h.to = uikit.NewChoice(func(int) { h.showDiff() })
	h.from.SetOptions(numbers, label)
	h.to.SetOptions(numbers, label)
	h.restore = widget.NewButtonWithIcon(lang.L("Restore this version"), theme.HistoryIcon(), h.onRestore)
	h.from.Set(numbers[min(1, len(numbers)-1)])
	h.to.Set(numbers[0])
	form := widget.NewForm(widget.NewFormItem(lang.L("Version"), h.from), widget.NewFormItem(lang.L("Compared with"), h.to))
	body := container.NewBorder(container.NewVBox(form, container.NewHBox(h.restore)), nil, nil, nil, container.NewVScroll(h.diff))
	h.dlg = dialog.NewCustom(lang.L("Versions of the preset"), lang.L("Close"), body, e.w.svc.win)
	h.dlg.Resize(fyne.NewSize(860, 560))
	h.dlg.Show()
	return h
}

// chosen returns the position in versions of the version c shows, -1 when none; 0 is the
// newest.
func (h *presetHistory) chosen(c *uikit.Choice[int]) int {
	n, ok := c.Value()
	if !ok {
		return -1
	}
	return slices.IndexFunc(h.versions, func(p model.Preset) bool { return p.Version == n })
}

// versionText is what a version says, in the language on screen: its name and instructions.
func (h *presetHistory) versionText(p model.Preset) string {
	l := p.InstructionsLanguage(h.e.lang)
	return "# " + p.Name.In(l) + "\n\n" + p.Instructions.In(l)
}

// showDiff shows what changed from the first chosen version to the second.
func (h *presetHistory) showDiff() {
	i, j := h.chosen(h.from), h.chosen(h.to)
	if i < 0 || j < 0 {
		return
	}
	h.diff.Segments = wordDiffSegments(analysis.WordDiff(h.versionText(h.versions[i]), h.versionText(h.versions[j])))
	h.diff.Refresh()
	h.restore.Disable()
	if i > 0 {
		h.restore.Enable() // the newest version is the one in the editor
	}
}

// onRestore saves the chosen version's content as the newest version; every version stays.
func (h *presetHistory) onRestore() {
	i := h.chosen(h.from)
	if i <= 0 {
		return
	}
	old := h.versions[i]
	saved, err := h.e.w.svc.store.SavePreset(h.e.w.svc.ctx, old)
	if err != nil {
		h.e.w.svc.showError(err)
		return
	}
	h.dlg.Hide()
	h.e.w.loadPresets()
	h.e.w.reload(saved.ID)
	if ed := h.e.w.ed; ed != nil {
		ed.status.SetText(lang.L("Version {{.Old}} is back, as version {{.N}}; the others are kept.", map[string]any{"Old": old.Version, "N": saved.Version}))
	}
}
