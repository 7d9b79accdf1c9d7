package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

// shortcut is Ctrl+key (Cmd+key on macOS).
func shortcut(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

func menuItem(label string, key fyne.KeyName, action func()) *fyne.MenuItem {
	item := fyne.NewMenuItem(label, action)
	if key != "" {
		item.Shortcut = shortcut(key)
	}
	return item
}

// mainMenu is the window's menu bar; its shortcuts work even while typing in the editor.
func (u *UI) mainMenu() *fyne.MainMenu {
	file := fyne.NewMenu(lang.L("File"),
		menuItem(lang.L("New report"), fyne.KeyN, u.lib.NewReport),
		menuItem(lang.L("New report from a template…"), fyne.KeyT, u.onNewFromTemplate),
		menuItem(lang.L("Save as a template…"), "", u.onSaveAsTemplate),
		menuItem(lang.L("Share my templates and presets…"), "", u.onExportShare),
		menuItem(lang.L("Import templates and presets…"), "", u.onImportShare),
		menuItem(lang.L("Import…"), fyne.KeyO, u.lib.Import),
		menuItem(lang.L("Save"), fyne.KeyS, u.onSave),
		menuItem(lang.L("Find a report"), fyne.KeyF, u.onFind),
		fyne.NewMenuItemSeparator(),
		menuItem(lang.L("Export PDF…"), fyne.KeyE, u.cmp.onExport),
		menuItem(lang.L("Export the report alone (PDF, Word or OpenDocument)…"), "", u.onExportSource),
		menuItem(lang.L("Export the run as a JSON archive…"), "", u.cmp.onExportArchive),
		menuItem(lang.L("Import a JSON archive…"), "", u.onImportArchive),
		fyne.NewMenuItemSeparator(),
		menuItem(lang.L("Trash…"), "", u.lib.ShowTrash),
		menuItem(lang.L("Settings…"), fyne.KeyComma, u.onSettings),
	)
	gen := fyne.NewMenu(lang.L("Generation"),
		menuItem(lang.L("Generate the variants"), fyne.KeyG, u.onGenerate),
		menuItem(lang.L("Cancel all"), "", u.gen.onCancel),
		menuItem(lang.L("Presets workshop…"), fyne.KeyP, func() { u.onPresets() }),
		fyne.NewMenuItemSeparator(),
		menuItem(lang.L("Results of the blind votes…"), "", u.onWins),
	)
	help := fyne.NewMenu(lang.L("Help"),
		menuItem(lang.L("Open an example"), "", u.lib.OpenExample),
		menuItem(lang.L("About Rapporteur"), "", u.onAbout),
	)
	return fyne.NewMainMenu(file, gen, help)
}

// onSave saves at once; a failure shows in the editor's status line.
func (u *UI) onSave() {
	_ = u.ed.Flush()
}

func (u *UI) onGenerate() {
	u.show(screenGenerate)
	u.gen.onStart()
}

func (u *UI) onSettings() { newSettings(u.settingsDeps()).show() }

// settingsDeps is what the settings dialog uses of the interface.
func (u *UI) settingsDeps() settingsDeps {
	return settingsDeps{app: u.app, win: u.win, showError: u.showError, rebuild: u.rebuild, applied: u.applyOllamaSettings,
		keys: u.keys, background: func(f func()) { u.background.Go(f) }}
}

func (u *UI) onAbout() {
	dialog.ShowInformation(lang.L("About Rapporteur"), lang.L(
		"Rapporteur {{.Version}} writes variants of your session reports and compares them with the source. Everything stays on this computer.",
		map[string]any{"Version": u.version}), u.win)
}

// onFind puts the cursor in the library's search field.
func (u *UI) onFind() { u.lib.FocusSearch() }
