package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
)

// onWins shows, across every blind vote of the workspace, how often each model and each preset
// won.
func (u *UI) onWins() {
	byModel, err := u.store.WinsByModel(u.ctx)
	if err != nil {
		u.showError(err)
		return
	}
	byPreset, err := u.store.WinsByPreset(u.ctx)
	if err != nil {
		u.showError(err)
		return
	}
	if len(byModel) == 0 {
		dialog.ShowInformation(lang.L("Results of the blind votes"), lang.L("No blind vote yet. In the Compare tab, tick « Blind comparison », read the variants and vote."), u.win)
		return
	}
	modelName := func(key string) string {
		if key == model.EngineBuiltin {
			return lang.L("Built-in engine")
		}
		return key
	}
	box := container.NewVBox(
		widget.NewLabelWithStyle(lang.L("By model"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		winsTable(byModel, modelName),
		widget.NewLabelWithStyle(lang.L("By preset"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		winsTable(byPreset, func(key string) string { return presetName(u.presets, key) }),
	)
	d := dialog.NewCustom(lang.L("Results of the blind votes"), lang.L("Close"), container.NewVScroll(box), u.win)
	d.Resize(fyne.NewSize(620, 480))
	d.Show()
}

// winsTable lays out tallies: name, times shown, won, judged equivalent.
func winsTable(wins []model.Wins, name func(string) string) fyne.CanvasObject {
	grid := container.NewGridWithColumns(4,
		widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{}),
		widget.NewLabelWithStyle(lang.L("Shown"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Preferred"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Equivalent"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
	)
	for _, w := range wins {
		grid.Add(widget.NewLabel(name(w.Key)))
		for _, n := range []int{w.Shown, w.Won, w.Equivalent} {
			grid.Add(widget.NewLabelWithStyle(fmtInt(n), fyne.TextAlignTrailing, fyne.TextStyle{}))
		}
	}
	return grid
}
