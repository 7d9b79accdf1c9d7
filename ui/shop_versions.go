package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
)

// presetHistory shows the saved versions of a user preset, what changed between two of them,
// and brings an older one back as the newest version.
type presetHistory struct {
	*versionsView[int] // versions by number
	e                  *presetEditor
	versions           map[int]model.Preset
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
	h := &presetHistory{e: e, versions: map[int]model.Preset{}}
	numbers := make([]int, len(versions))
	for i, v := range versions {
		numbers[i], h.versions[v.Version] = v.Version, v
	}
	h.versionsView = showVersions(lang.L("Versions of the preset"), numbers,
		func(n int) string { return lang.L("Version {{.N}}", map[string]any{"N": n}) },
		func(n int) string { return h.versionText(h.versions[n]) },
		h.onRestore, e.w.svc.win, fyne.NewSize(860, 560))
	return h
}

// versionText is what a version says, in the language on screen: its name and instructions.
func (h *presetHistory) versionText(p model.Preset) string {
	l := p.InstructionsLanguage(h.e.lang)
	return "# " + p.Name.In(l) + "\n\n" + p.Instructions.In(l)
}

// onRestore saves version n's content as the newest version; every version stays. It reports
// whether it did.
func (h *presetHistory) onRestore(n int) bool {
	old := h.versions[n]
	saved, err := h.e.w.svc.store.SavePreset(h.e.w.svc.ctx, old)
	if err != nil {
		h.e.w.svc.showError(err)
		return false
	}
	h.e.w.loadPresets()
	h.e.w.reload(saved.ID)
	if ed := h.e.w.ed; ed != nil {
		ed.status.SetText(lang.L("Version {{.Old}} is back, as version {{.N}}; the others are kept.", map[string]any{"Old": old.Version, "N": saved.Version}))
	}
	return true
}
